import type { CountyDialogue } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { dialogueFormValues, dialogueInput, followUpOrder, isOverdue, newestFirst } from "./model";

const dialogue = (id: string, heldOn: string, createdAt: string) =>
  ({ id, heldOn, createdAt, followUps: [] }) as unknown as CountyDialogue;

describe("county dialogues", () => {
  it("[R1-7] the input trims, drops empty follow-up rows and names the county", () => {
    const values = {
      ...dialogueFormValues("2026-11-27"),
      participants: [" Karin Lindqvist ", ""],
      subjects: ["Civilt försvar"],
      conclusions: "  Länet följer upp.  ",
      followUps: [
        { text: "Skicka underlaget", dueOn: "2026-12-15" },
        { text: " ", dueOn: "" },
      ],
    };
    expect(dialogueInput("01", values)).toEqual({
      county: "01",
      heldOn: "2026-11-27",
      form: "meeting",
      participants: ["Karin Lindqvist"],
      subjects: ["Civilt försvar"],
      conclusions: "Länet följer upp.",
      followUps: [{ text: "Skicka underlaget", dueOn: "2026-12-15", ownerId: null }],
    });
  });

  it("[R1-7] dialogues newest first, follow-ups open by due date before done ones", () => {
    const list = newestFirst([
      dialogue("a", "2026-03-01", "2026-03-01T10:00:00Z"),
      dialogue("b", "2026-10-01", "2026-10-01T10:00:00Z"),
      dialogue("c", "2026-10-01", "2026-10-02T10:00:00Z"),
    ]);
    expect(list.map((d) => d.id)).toEqual(["c", "b", "a"]);
    const f = (id: string, dueOn: string, doneAt: string | null) => ({
      id,
      text: id,
      dueOn,
      owner: null,
      doneAt,
      doneBy: null,
    });
    expect(
      followUpOrder([
        f("x", "2026-12-01", "2026-11-01T00:00:00Z"),
        f("y", "2027-01-01", null),
        f("z", "2026-12-15", null),
      ]).map((i) => i.id),
    ).toEqual(["z", "y", "x"]);
    expect(isOverdue(f("z", "2026-11-26", null), "2026-11-27")).toBe(true);
    expect(isOverdue(f("z", "2026-11-27", null), "2026-11-27")).toBe(false);
    expect(isOverdue(f("z", "2026-11-01", "2026-11-02T00:00:00Z"), "2026-11-27")).toBe(false);
  });
});
