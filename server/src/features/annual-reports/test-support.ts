/* Test support for the annual reports' tests: a small form definition (test files only). */
import { AnnualFormDefinition } from "@uppsikt/core";

/** Version 1: two required questions, one optional, a repeating group; version 2 drops one and adds one. */
export function tinyForm(version: 1 | 2 = 1): AnnualFormDefinition {
  const v1 = [
    {
      key: "krisledningOvat",
      type: "yesNo",
      label: "Har krisledningen övat under året?",
      area: "crisisPreparedness",
      required: true,
    },
    {
      key: "antalOvningar",
      type: "number",
      label: "Hur många övningar har genomförts?",
      area: "crisisPreparedness",
      required: true,
    },
    { key: "kommentar", type: "text", label: "Övriga kommentarer", area: "crisisPreparedness" },
  ];
  const v2 = [
    v1[0],
    {
      key: "civilaForsvaret",
      type: "yesNo",
      label: "Har kommunen planerat för höjd beredskap?",
      area: "civilDefence",
      required: true,
    },
    v1[2],
  ];
  return AnnualFormDefinition.parse({
    indicators: { sections: [{ key: "krisledning", title: "Krisledning", questions: version === 1 ? v1 : v2 }] },
    events: {
      sections: [
        {
          key: "handelserUnderAret",
          title: "Händelser",
          questions: [
            {
              key: "handelser",
              type: "group",
              label: "Händelser under året",
              area: "crisisPreparedness",
              fields: [
                { key: "datum", type: "date", label: "Datum", required: true },
                { key: "beskrivning", type: "text", label: "Beskrivning" },
              ],
            },
          ],
        },
      ],
    },
    activities: { sections: [] },
  });
}
