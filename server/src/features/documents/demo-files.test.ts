import { RSA_DISPOSITION, matchRsaHeadings } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { detectDocumentType } from "../../platform/files/detect.js";
import { type ExtractedText, extractText } from "../../platform/files/extract.js";
import {
  demoConfidentialAppendixPdf,
  demoPlanDocx,
  demoPlanPdf,
  demoRsaReportDocx,
  demoRsaReportPdf,
  demoScannedPdf,
} from "./demo-files.js";
import { municipalityNames } from "./demo-files-text.js";

const base = { municipality: "Stockholm", year: 2027 };
const plan = {
  municipality: "Upplands Väsby",
  title: "Utbildnings- och övningsplan 2027–2030",
  decidedBy: "Kommundirektören",
  decidedOn: "2027-11-20",
};

/** PDF text breaks lines where the page did. */
const flat = (text: string | null) => (text ?? "").replace(/\s+/g, " ");

const matchedPositions = (extracted: ExtractedText) =>
  matchRsaHeadings(RSA_DISPOSITION, extracted.headings)
    .filter((r) => r.matchedHeading !== null)
    .map((r) => r.position);

describe("demo documents", () => {
  it.each([
    ["pdf", demoRsaReportPdf],
    ["docx", demoRsaReportDocx],
  ] as const)("[R2.2-5] an RSA report as %s has headings for all eight sections", async (kind, render) => {
    const file = await render(base);
    expect(await detectDocumentType(file, `rsa.${kind}`)).toMatchObject({ kind });
    const extracted = await extractText(file, kind);
    expect(extracted.textStatus).toBe("extracted");
    expect(flat(extracted.text)).toContain(
      "Stockholms kommuns risk- och sårbarhetsanalys för mandatperioden 2027–2030",
    );
    const results = matchRsaHeadings(RSA_DISPOSITION, extracted.headings);
    expect(results.map((r) => [r.position, r.matchedHeading?.replace(/^\d+\. /, "")])).toEqual(
      RSA_DISPOSITION.map((s) => [s.position, s.title]),
    );
  });

  it.each([
    ["pdf", demoRsaReportPdf],
    ["docx", demoRsaReportDocx],
  ] as const)("[R2.2-5] an RSA report as %s without section 6 shows 6 as missing", async (kind, render) => {
    const extracted = await extractText(await render({ ...base, omitSections: [6] }), kind);
    expect(matchedPositions(extracted)).toEqual([1, 2, 3, 4, 5, 7, 8]);
    expect(extracted.text).not.toContain("indikatorerna");
  });

  it.each([
    ["pdf", demoRsaReportPdf],
    ["docx", demoRsaReportDocx],
  ] as const)(
    "[R2.2-5] a reordered, freely worded RSA report as %s still matches every section",
    async (kind, render) => {
      const extracted = await extractText(await render({ ...base, reorder: true, freeWording: true }), kind);
      expect(extracted.headings).toContain("2. Kommunens geografi, befolkning och näringsliv");
      expect(extracted.headings.indexOf("4. Risker och hot")).toBeGreaterThan(-1);
      expect(matchedPositions(extracted)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const omitted = await extractText(
        await render({ ...base, reorder: true, freeWording: true, omitSections: [1, 8] }),
        kind,
      );
      expect(matchedPositions(omitted)).toEqual([2, 3, 4, 5, 6, 7]);
    },
  );

  it("[R2.2-5] a scanned document has no text layer", async () => {
    const scan = await demoScannedPdf();
    expect(await detectDocumentType(scan, "skannad.pdf")).toMatchObject({ kind: "pdf" });
    expect(await extractText(scan, "pdf")).toEqual({ textStatus: "noTextLayer", text: null, headings: [] });
  });

  it("[R2.2-2] plans as PDF and DOCX carry title, municipality and decision", async () => {
    for (const [kind, file] of [
      ["pdf", await demoPlanPdf(plan)],
      ["docx", await demoPlanDocx(plan)],
    ] as const) {
      const extracted = await extractText(file, kind);
      expect(extracted.textStatus).toBe("extracted");
      expect(extracted.text).toContain("Utbildnings- och övningsplan 2027–2030");
      expect(flat(extracted.text)).toContain("Fastställd av kommundirektören 2027-11-20");
      expect(extracted.text).toContain("Upplands Väsbys kommun");
      expect(extracted.headings).toEqual(expect.arrayContaining(["1. Inledning", "4. Utbildning och övning"]));
    }
  });

  it("[R2.10-2] the confidential appendix is marked on every page", async () => {
    const extracted = await extractText(await demoConfidentialAppendixPdf(base), "pdf");
    expect(flat(extracted.text)).toContain(
      "Bilaga – sårbarheter i kritisk infrastruktur (sekretess enligt 18 kap. 13 § OSL)",
    );
    expect(extracted.text).toContain("SEKRETESS enligt 18 kap. 13 § OSL");
    expect(extracted.text).toContain("Vattenverk Norra");
  });

  it("names municipalities as Swedish reports do", () => {
    expect(municipalityNames("Stockholm")).toEqual({ full: "Stockholms kommun", fullGenitive: "Stockholms kommuns" });
    expect(municipalityNames("Västerås").full).toBe("Västerås kommun");
    expect(municipalityNames("Göteborgs stad").fullGenitive).toBe("Göteborgs stads");
  });
});
