/**
 * Checks an RSA report's headings against the disposition of MSBFS 2015:5 § 4 (R2.2-5).
 * Municipalities word, order and number their headings freely, so headings are matched to sections
 * by meaning-bearing word stems rather than by exact titles.
 */

export interface RsaSectionRule {
  position: number;
  title: string;
  /** Meaning-bearing word stems, lower case. */
  keywords: string[];
  /** false: an optional heading, shown but never flagged as missing. Default true. */
  required?: boolean;
}

export interface RsaSectionResult {
  position: number;
  title: string;
  required: boolean;
  /** null: no heading matched, shown as "saknas" (for a required section). */
  matchedHeading: string | null;
  /** Share of the section's keywords found in the matched heading, 0–1. */
  score: number;
}

/**
 * The default disposition, in the order of MSBFS 2015:5 § 4: seven required sections, plus the assessment by the
 * indicators (§ 5's regular follow-up) as an optional heading 6 that some reports carry. To verify against the
 * regulation; the national rules hold the editable copy, seeded from this.
 */
export const RSA_DISPOSITION: RsaSectionRule[] = [
  {
    position: 1,
    title: "Beskrivning av kommunen och dess geografiska område",
    keywords: ["beskrivning", "kommun", "geografi", "område"],
  },
  { position: 2, title: "Beskrivning av arbetsprocess och metod", keywords: ["metod", "process"] },
  {
    position: 3,
    title: "Identifierad samhällsviktig verksamhet inom kommunens geografiska område",
    keywords: ["samhällsviktig", "verksamhet"],
  },
  {
    position: 4,
    title: "Identifierade kritiska beroenden för kommunens samhällsviktiga verksamhet",
    keywords: ["kritisk", "beroende"],
  },
  {
    position: 5,
    title: "Identifierade och analyserade risker för kommunen och kommunens geografiska område",
    keywords: ["risk", "analys"],
  },
  {
    position: 6,
    title: "Bedömning av kommunens generella krisberedskap enligt indikatorerna i bilagan",
    keywords: ["bedömning", "generell", "krisberedskap", "indikator"],
    required: false,
  },
  {
    position: 7,
    title:
      "Beskrivning av identifierade sårbarheter och brister i krisberedskapen inom kommunen och dess geografiska område",
    keywords: ["sårbarhet", "brist"],
  },
  {
    position: 8,
    title: "Behov av åtgärder med anledning av risk- och sårbarhetsanalysens resultat",
    keywords: ["behov", "åtgärd"],
  },
];

const STOP_WORDS = new Set(
  (
    "och i av för på med till om inom den det dess de dem en ett som samt eller vid från under över hos mot " +
    "utifrån enligt avseende gällande andra annan annat alla all vår våra vårt deras sin sina sitt så hur vad " +
    "rsa kap bilagan"
  ).split(" "),
);

/** The name of the document itself says "risk" and "sårbarhet"; left in, a title line would match sections 5 and 7. */
const DOCUMENT_NAME = /(?<!\p{L})risk-?\s*(och|&)\s*sårbarhetsanalys\p{L}*/giu;

/** "Exempelby kommun" is a name, not the word "kommun"; left in, a title page line would match section 1. */
const MUNICIPALITY_NAME = /(\p{Lu}[\p{L}-]*)\s+kommun(?!\p{L})/gu;

/** Finite verbs that occur in body text but hardly ever in headings. */
const FINITE_VERBS = new Set("är har hade ska skall kommer finns kan måste bör blir var gör innebär".split(" "));

const MIN_WEIGHT = 0.4;
const MIN_PREFIX = 4;
const MIN_COMPOUND_HEAD = 5;

/**
 * Lower-cased, stemmed content words: numbering, punctuation and stop words removed.
 * "3.1 Sårbarheter och brister" → ["sårbar", "brist"].
 */
export function normalizeWords(text: string): string[] {
  const words =
    text
      .replace(MUNICIPALITY_NAME, "$1")
      .toLocaleLowerCase("sv-SE")
      .replace(DOCUMENT_NAME, " ")
      .match(/\p{L}+/gu) ?? [];
  return words.filter((w) => w.length > 1 && !STOP_WORDS.has(w)).map(stemSwedish);
}

/** The sections flagged as missing: required ones that no heading matched. */
export const missingRsaSections = (results: RsaSectionResult[]) =>
  results.filter((r) => r.required && r.matchedHeading === null);

/** Matches each section to at most one heading and each heading to at most one section; results in section order. */
export function matchRsaHeadings(sections: RsaSectionRule[], headings: string[]): RsaSectionResult[] {
  const rules = sections.map((s) => ({ rule: s, stems: unique(s.keywords.flatMap(normalizeWords)) }));
  const titleStems = rules.map((r) => unique([...normalizeWords(r.rule.title), ...r.stems]));
  // A keyword weighs 1 / the number of sections whose title or keywords have it: "kommun" (in five titles) 0.2,
  // "sårbarhet" 1. One generic word alone ("Cyberangrepp mot kommunens IT-miljö") is not enough for a match.
  const sectionsWith = (stem: string) =>
    Math.max(1, titleStems.filter((ws) => ws.some((w) => wordMatches(w, stem))).length);

  const candidates: { heading: number; section: number; score: number; weight: number }[] = [];
  headings.forEach((heading, h) => {
    if (!looksLikeHeading(heading)) return;
    const words = normalizeWords(heading);
    const scored = rules.map((r, s) => {
      const found = r.stems.filter((k) => words.some((w) => wordMatches(w, k)));
      const score = r.stems.length ? found.length / r.stems.length : 0;
      const weights = found.map((k) => 1 / sectionsWith(k));
      return {
        heading: h,
        section: s,
        score,
        weight: weights.reduce((a, b) => a + b, 0),
        distinctive: weights.includes(1),
      };
    });
    const relevant = scored.filter((c) => c.weight >= MIN_WEIGHT);
    const best = Math.max(0, ...relevant.map((c) => c.score));
    // A heading may stand in for a section other than its best one only on a word that only that section uses;
    // otherwise a generic word ("krisberedskap") would let a sub-heading fill a missing section.
    candidates.push(...relevant.filter((c) => c.score === best || c.distinctive));
  });
  candidates.sort((a, b) => b.score - a.score || b.weight - a.weight || a.heading - b.heading || a.section - b.section);

  const bySection = new Map<number, { heading: number; score: number }>();
  const usedHeadings = new Set<number>();
  for (const c of candidates) {
    if (bySection.has(c.section) || usedHeadings.has(c.heading)) continue;
    bySection.set(c.section, c);
    usedHeadings.add(c.heading);
  }
  return rules.map(({ rule }, s) => {
    const match = bySection.get(s);
    return {
      position: rule.position,
      title: rule.title,
      required: rule.required ?? true,
      matchedHeading: match ? headings[match.heading]!.trim() : null,
      score: match ? Math.round(match.score * 100) / 100 : 0,
    };
  });
}

/** Rejects lines that read like body text: sentences, continuation lines, long lines. */
function looksLikeHeading(line: string): boolean {
  const text = line.trim().replace(/^(?:[Kk]apitel\s+)?(?:\d+(?:\.\d+)*[.)]?|[IVX]+[.)])\s*/, "");
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || text.length > 160 || words.length > 20) return false;
  if (/^\p{Ll}/u.test(text) || /[,;]$/.test(text)) return false;
  if (/[.!?]$/.test(text) && words.length > 8) return false;
  return !words.some((w) => FINITE_VERBS.has(w.toLocaleLowerCase("sv-SE").replace(/\P{L}/gu, "")));
}

/** Same stem, an inflected or compound form beginning with the keyword, or a compound ending in it. */
function wordMatches(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (keyword.length >= MIN_PREFIX && word.startsWith(keyword)) return true;
  return keyword.length >= MIN_COMPOUND_HEAD && word.length > keyword.length + 2 && word.endsWith(keyword);
}

const unique = (words: string[]) => [...new Set(words)];

// A compact version of the Snowball Swedish stemmer (steps 1–3 on region R1).
const VOWELS = "aeiouyäåö";
const STEP1 = (
  "heterna hetens anden heten heter arnas ernas ornas andes arens andet arna erna orna ande arne aste ades ens " +
  "erns ern het ast are ade aren at as es ar er or en ad a e"
)
  .split(" ")
  .sort((a, b) => b.length - a.length);
const S_ENDING = "bcdfghjklmnoprtvy";

function stemSwedish(word: string): string {
  const r1 = regionOne(word);
  let w = word;
  const inR1 = (suffix: string) => w.endsWith(suffix) && w.length - suffix.length >= r1;

  const s1 = STEP1.find(inR1);
  if (s1) w = w.slice(0, -s1.length);
  else if (inR1("s") && S_ENDING.includes(w.at(-2) ?? "")) w = w.slice(0, -1);

  if (["dd", "gd", "nn", "dt", "gt", "kt", "tt"].some(inR1)) w = w.slice(0, -1);

  if (inR1("fullt")) w = w.slice(0, -1);
  else if (inR1("löst")) w = w.slice(0, -1);
  else {
    const s3 = ["lig", "els", "ig"].find(inR1);
    if (s3) w = w.slice(0, -s3.length);
  }
  return w;
}

/** Start of R1: after the first non-vowel that follows a vowel, but at least 3 letters in. */
function regionOne(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (VOWELS.includes(word[i - 1]!) && !VOWELS.includes(word[i]!)) return Math.max(3, i + 1);
  }
  return word.length;
}
