import { describe, expect, it } from "vitest";
import { emptyFollowUp, entryFieldFor, newDraft } from "./entryDraft";

describe("dialogue entry form fields", () => {
  const draft = {
    ...newDraft("0182", "2026-11-27"),
    followUps: [emptyFollowUp("2026-12-27"), { ...emptyFollowUp("2026-12-27"), owner: { kind: "name" as const } }],
  };

  it("[R2.3-1] places contract paths on the form's fields", () => {
    expect(entryFieldFor("subjects", draft)).toBe("subjects");
    expect(entryFieldFor("municipalities.0", draft)).toBe("municipalities");
    expect(entryFieldFor("participants.municipality.1", draft)).toBe("fromMunicipality");
    expect(entryFieldFor("participants.county.0", draft)).toBe("fromCounty");
    expect(entryFieldFor("confidentialBasis", draft)).toBe("basis");
    expect(entryFieldFor("warnings.0.description", draft)).toBe("warningText");
    expect(entryFieldFor("notes", draft)).toBeUndefined();
  });

  it("[R2.3-1] a follow-up's owner lands on the name field when the owner is a named person", () => {
    expect(entryFieldFor("followUps.0.owner", draft)).toBe("followUps.0.owner");
    expect(entryFieldFor("followUps.1.owner.name", draft)).toBe("followUps.1.ownerName");
    expect(entryFieldFor("followUps.1.text", draft)).toBe("followUps.1.text");
    expect(entryFieldFor("followUps", draft)).toBe("form");
  });
});
