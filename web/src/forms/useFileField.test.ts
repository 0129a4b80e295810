import { describe, expect, it } from "vitest";
import type { ChosenFile } from "../features/documents/FilePicker";
import { fileFieldError } from "./useFileField";

const chosen = (name: string, size = 1000): ChosenFile => ({
  key: name,
  file: { name, size } as File,
});
const problemMessage = (p: { kind: string; name?: string }) => `${p.kind}:${p.name ?? ""}`;

describe("fileFieldError", () => {
  it("[R2.5-6] a required file field without files shows the required message", () => {
    expect(fileFieldError([], problemMessage, "Välj minst en fil.")).toBe("Välj minst en fil.");
  });

  it("[R2.7-8] an optional file field may stay empty", () => {
    expect(fileFieldError([], problemMessage)).toBeUndefined();
  });

  it("[R2.7-8] accepted files give no message", () => {
    expect(fileFieldError([chosen("a.pdf"), chosen("b.docx"), chosen("c.ODT")], problemMessage)).toBeUndefined();
  });

  it("[R2.7-8] what the server would refuse is named: too large, wrong type, too many", () => {
    expect(fileFieldError([chosen("a.pdf", 26 * 1024 * 1024)], problemMessage)).toBe("tooLarge:a.pdf");
    expect(fileFieldError([chosen("bild.png")], problemMessage, "krävs")).toBe("wrongType:bild.png");
    const eleven = Array.from({ length: 11 }, (_, i) => chosen(`${i}.pdf`));
    expect(fileFieldError(eleven, problemMessage)).toBe("tooMany:");
  });
});
