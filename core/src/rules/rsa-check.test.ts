import { describe, expect, it } from "vitest";
import { RSA_DISPOSITION, matchRsaHeadings, missingRsaSections, normalizeWords } from "./rsa-check.js";

const matched = (headings: string[]) =>
  Object.fromEntries(matchRsaHeadings(RSA_DISPOSITION, headings).map((r) => [r.position, r.matchedHeading]));

describe("RSA disposition check: words", () => {
  it("[R2.2-5] normalizes numbering, case, stop words and Swedish inflection", () => {
    expect(normalizeWords("3.1 Sårbarheter och brister")).toEqual(normalizeWords("sårbarhet brist"));
    expect(normalizeWords("Beroenden")).toEqual(normalizeWords("beroende"));
    expect(normalizeWords("Risker")).toEqual(normalizeWords("risk"));
    expect(normalizeWords("Åtgärder")).toEqual(normalizeWords("åtgärd"));
    expect(normalizeWords("samhällsviktiga verksamheter")).toEqual(normalizeWords("Samhällsviktig verksamhet"));
    expect(normalizeWords("4. Kritiska beroenden, för kommunen")).toEqual(normalizeWords("kritisk beroende kommun"));
  });

  it("[R2.2-5] ignores the document's and the municipality's names so a title line matches no section", () => {
    expect(normalizeWords("Risk- och sårbarhetsanalys 2027–2030")).toEqual([]);
    expect(normalizeWords("Exempelby kommun")).toEqual(normalizeWords("exempelby"));
    expect(normalizeWords("Beskrivning av kommunen")).toEqual(normalizeWords("beskrivning kommun"));
    expect(matched(["Risk- och sårbarhetsanalys för Exempelby kommun", "Exempelby kommun"])).toEqual(matched([]));
  });
});

describe("RSA disposition check: matching", () => {
  it("[R2.2-5] matches the regulation's own titles, each to its section with full score", () => {
    const results = matchRsaHeadings(
      RSA_DISPOSITION,
      RSA_DISPOSITION.map((s) => s.title),
    );
    expect(results.map((r) => [r.position, r.matchedHeading === r.title, r.score])).toEqual(
      RSA_DISPOSITION.map((s) => [s.position, true, 1]),
    );
  });

  it("[R2.2-5] matches freely worded, reordered and numbered headings", () => {
    const headings = [
      "Innehållsförteckning",
      "1. Inledning",
      "2. Metod och arbetsprocess",
      "3. Kommunens geografiska område",
      "4. Risker och hot i kommunen",
      "5. Samhällsviktiga verksamheter",
      "5.1 Kritiska beroenden",
      "6. Kommunens generella krisberedskap",
      "7. Sårbarheter och brister",
      "8. Åtgärdsbehov",
      "Bilaga 1",
    ];
    expect(matched(headings)).toEqual({
      1: "3. Kommunens geografiska område",
      2: "2. Metod och arbetsprocess",
      3: "5. Samhällsviktiga verksamheter",
      4: "5.1 Kritiska beroenden",
      5: "4. Risker och hot i kommunen",
      6: "6. Kommunens generella krisberedskap",
      7: "7. Sårbarheter och brister",
      8: "8. Åtgärdsbehov",
    });
  });

  it("[R2.2-5] reports a missing section as saknas (null) with score 0", () => {
    const headings = RSA_DISPOSITION.filter((s) => s.position !== 6).map((s) => s.title);
    const results = matchRsaHeadings(RSA_DISPOSITION, headings);
    expect(results.find((r) => r.position === 6)).toMatchObject({ matchedHeading: null, score: 0 });
    expect(results.filter((r) => r.matchedHeading === null).map((r) => r.position)).toEqual([6]);
  });

  it("[R2.2-5] returns one result per section, in section order, also without headings", () => {
    const results = matchRsaHeadings(RSA_DISPOSITION, []);
    expect(results.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(results.every((r) => r.matchedHeading === null)).toBe(true);
  });

  it("[R2.2-5] uses each heading for at most one section, the first of equal headings winning", () => {
    const results = matched(["Samhällsviktig verksamhet", "Samhällsviktig verksamhet inom energisektorn"]);
    expect(results[3]).toBe("Samhällsviktig verksamhet");
    expect(Object.values(results).filter((h) => h !== null)).toHaveLength(1);
  });

  it("[R2.2-5] gives a heading on the geographic area and vital services to section 3, not 1", () => {
    const results = matched(["Kommunens geografiska område och samhällsviktig verksamhet"]);
    expect(results[3]).toBe("Kommunens geografiska område och samhällsviktig verksamhet");
    expect(results[1]).toBeNull();
  });

  it("[R2.2-5] gives the regulation's section 4 and 7 titles to 4 and 7 although they share words with 3 and 1", () => {
    const [title4, title7] = [RSA_DISPOSITION[3]!.title, RSA_DISPOSITION[6]!.title];
    expect(matched([title4])).toMatchObject({ 3: null, 4: title4 });
    expect(matched([title7])).toMatchObject({ 1: null, 7: title7 });
  });

  it("[R2.2-5] lets a heading on dependencies between vital services stand for section 4 when 3 is taken", () => {
    const results = matched(["Samhällsviktig verksamhet", "Beroenden mellan samhällsviktiga verksamheter"]);
    expect(results).toMatchObject({
      3: "Samhällsviktig verksamhet",
      4: "Beroenden mellan samhällsviktiga verksamheter",
    });
  });

  it("[R2.2-5] does not fill a missing section from a sub-heading that only shares a generic word", () => {
    const results = matched([
      "Sårbarheter och brister",
      "Brister i krisberedskapen",
      "Kriskommunikation",
      "Cyberangrepp mot kommunens IT-miljö",
      "Om kommunen",
    ]);
    expect(results[7]).toBe("Sårbarheter och brister");
    expect(results[6]).toBeNull();
    expect(results[1]).toBeNull();
  });

  it("[R2.2-5] does not match body-text-like lines", () => {
    const noise = [
      "Kommunen har under året identifierat flera samhällsviktiga verksamheter inom det geografiska området.",
      "kritiska beroenden till el och elektroniska kommunikationer, vilket beskrivs nedan",
      "Det finns sårbarheter och brister i krisberedskapen",
      "Sida 3 av 24",
      "Stockholms stad",
      "",
    ];
    expect(Object.values(matched(noise)).every((h) => h === null)).toBe(true);
  });

  it("[R2.2-5] works with an edited disposition", () => {
    const seven = RSA_DISPOSITION.filter((s) => s.position !== 6);
    expect(matchRsaHeadings(seven, ["Sårbarheter"]).map((r) => [r.position, r.matchedHeading])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
      [5, null],
      [7, "Sårbarheter"],
      [8, null],
    ]);
  });

  it("[R2.2-5] has seven required sections; the assessment by the indicators (§ 5) is optional, never missing", () => {
    expect(RSA_DISPOSITION.filter((s) => s.required !== false)).toHaveLength(7);
    const headings = RSA_DISPOSITION.filter((s) => s.position !== 6).map((s) => s.title);
    const results = matchRsaHeadings(RSA_DISPOSITION, headings);
    expect(results.find((r) => r.position === 6)).toMatchObject({ required: false, matchedHeading: null });
    expect(missingRsaSections(results)).toEqual([]);
    const without7 = matchRsaHeadings(
      RSA_DISPOSITION,
      RSA_DISPOSITION.filter((s) => s.position !== 7).map((s) => s.title),
    );
    expect(missingRsaSections(without7).map((r) => r.position)).toEqual([7]);
  });
});
