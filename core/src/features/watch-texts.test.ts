import { describe, expect, it } from "vitest";
import { WATCH_KINDS } from "./index.js";
import { WATCH_TEXTS, type WatchKindTexts, watchKindLabel, watchTitle } from "./watch-texts.js";

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("watch texts", () => {
  it("[R1-3] every watch kind has a label and titles in Swedish and English with the same placeholders", () => {
    for (const kind of WATCH_KINDS) {
      const texts: WatchKindTexts = WATCH_TEXTS[kind];
      expect(texts.label.sv.length).toBeGreaterThan(0);
      expect(texts.label.en.length).toBeGreaterThan(0);
      for (const [name, t] of Object.entries(texts.titles))
        expect(placeholders(t.en), `${kind}.${name}`).toEqual(placeholders(t.sv));
    }
  });

  it("[R1-3] writes a title from its subject in either language; an unknown kind or template gives none", () => {
    const subject = { template: "owed", values: { document: "RSA", version: 2, municipality: "Täby" } };
    expect(watchTitle("feedbackOwed", subject)).toBe("Återkoppling på RSA (version 2): Täby");
    expect(watchTitle("feedbackOwed", subject, "en")).toBe("Feedback on RSA (version 2): Täby");
    expect(watchTitle("feedbackOwed", { template: "nope", values: {} })).toBeUndefined();
    expect(watchTitle("unknownKind", subject)).toBeUndefined();
    expect(watchKindLabel("documentRequest", "en")).toBe("Request for documents");
    expect(watchKindLabel("unknownKind")).toBe("unknownKind");
  });

  it("[R1-3] a value holding braces is written as it is, not read as a placeholder", () => {
    const subject = { template: "open", values: { subject: "{municipality}", municipality: "Solna" } };
    expect(watchTitle("documentRequest", subject)).toBe("Begärt underlag: {municipality} – Solna");
  });
});
