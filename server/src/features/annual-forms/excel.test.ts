import { describe, expect, it } from "vitest";
import { AnnualFormDefinition } from "@uppsikt/core";
import { formToWorkbook, parseFormWorkbook } from "./excel.js";
import { exampleFormDefinition } from "./example-form.js";
import type { AnnualFormRow } from "./repository.js";
import { formToYaml, parseFormYaml } from "./yaml.js";

/** Every question type, warning condition and direction, a choice group field and a help text with ; and =. */
const definition = AnnualFormDefinition.parse({
  indicators: {
    sections: [
      {
        key: "alla",
        title: "Alla typer",
        questions: [
          {
            key: "kostnad",
            type: "amount",
            label: "Kostnad för reservkraft",
            help: "I kronor; exklusive moms = netto.",
            area: "civilDefence",
            warning: { op: "above", value: 500000, text: "Ovanligt hög kostnad." },
            better: "lower",
          },
          {
            key: "vilka",
            type: "multipleChoice",
            label: "Vilka funktioner finns?",
            area: "crisisPreparedness",
            required: true,
            choices: [
              { value: "reservkraft", label: "Reservkraft" },
              { value: "ingen", label: "Ingen av dem" },
            ],
            warning: { op: "includes", value: "ingen", text: "Kommunen saknar funktionerna." },
          },
          {
            key: "andel",
            type: "number",
            label: "Andel övad personal (procent)",
            area: "crisisPreparedness",
            warning: { op: "equals", value: 0, text: "Ingen personal har övats." },
            better: "higher",
          },
        ],
      },
    ],
  },
  events: {
    sections: [
      {
        key: "poster",
        title: "Poster",
        questions: [
          {
            key: "rader",
            type: "group",
            label: "En rad per post",
            area: "civilDefence",
            required: true,
            fields: [
              { key: "belopp", type: "amount", label: "Belopp" },
              {
                key: "slag",
                type: "multipleChoice",
                label: "Slag",
                required: true,
                choices: [
                  { value: "slagA", label: "Slag A" },
                  { value: "slagB", label: "Slag B" },
                ],
              },
              { key: "tal", type: "number", label: "Tal", help: "Ett tal." },
            ],
          },
        ],
      },
    ],
  },
  activities: { sections: [] },
});

const row = (d: AnnualFormDefinition): AnnualFormRow => ({
  id: "00000000-0000-4000-8000-000000000001",
  year: 2026,
  number: 3,
  version: 1,
  status: "published",
  title: "Årsuppföljning 2026",
  deadline: "2027-02-15",
  forwardingDeadline: "2027-03-31",
  example: false,
  definition: d,
  publishedAt: null,
  publishedBy: null,
  createdAt: new Date(),
  createdBy: null,
  updatedAt: null,
});

describe("the form's file formats (R2.4-1)", () => {
  for (const [name, d] of [
    ["every type", definition],
    ["the example", exampleFormDefinition(2026)],
  ] as const) {
    it(`[R2.4-1] Excel round trip keeps the definition (${name})`, async () => {
      const back = await parseFormWorkbook(await formToWorkbook(row(d)));
      expect(back).toEqual({
        year: 2026,
        title: "Årsuppföljning 2026",
        deadline: "2027-02-15",
        forwardingDeadline: "2027-03-31",
        example: false,
        definition: d,
      });
    });
    it(`[R2.4-1] YAML round trip keeps the definition (${name})`, () => {
      expect(parseFormYaml(formToYaml(row(d))).definition).toEqual(d);
    });
  }
});
