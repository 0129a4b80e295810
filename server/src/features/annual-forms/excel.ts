import {
  ANNUAL_FORM_QUESTION_PARTS,
  type AgreementAreaCode,
  type AnnualFormCreate,
  AnnualFormCreate as FormFile,
  type AnnualFormQuestionPart,
  type BetterDirection,
  type QuestionType,
  type WarningCondition,
} from "@uppsikt/core";
import ExcelJS from "exceljs";
import { AppError } from "../../platform/errors.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";
import { checkArchive, readCentralDirectory } from "../../platform/files/archive.js";
import { type FileIssue, refuse } from "./file-issues.js";
import type { AnnualFormRow } from "./repository.js";

/*
 * A form as Excel (R2.4-1): sheet "Blankett" (year, title, deadlines, example) and sheet "Frågor", one row per
 * question or repeating group field (a field names its group in "gruppnyckel"). Import refuses every problem with
 * its sheet and cell; export → import gives the same definition.
 */

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FORM_SHEET = "Blankett";
const QUESTION_SHEET = "Frågor";
const MAX_ROWS = 3000;
const MAX_BYTES = 10 * 1024 * 1024;

const COLUMNS = [
  "del",
  "avsnittsnyckel",
  "avsnitt",
  "nyckel",
  "gruppnyckel",
  "typ",
  "fråga",
  "hjälptext",
  "obligatorisk",
  "område",
  "alternativ",
  "varning",
  "varningsvärde",
  "varningstext",
  "bättre",
] as const;
type Column = (typeof COLUMNS)[number];
const WIDTHS: Record<Column, number> = {
  del: 12,
  avsnittsnyckel: 24,
  avsnitt: 32,
  nyckel: 26,
  gruppnyckel: 16,
  typ: 12,
  fråga: 60,
  hjälptext: 40,
  obligatorisk: 12,
  område: 16,
  alternativ: 40,
  varning: 12,
  varningsvärde: 14,
  varningstext: 40,
  bättre: 10,
};

const FORM_FIELDS = {
  year: "År",
  title: "Namn",
  deadline: "Sista dag för kommunernas rapport",
  forwardingDeadline: "Sista dag för länets vidarebefordran",
  example: "Exempel",
} as const;

const PART_WORDS: Record<AnnualFormQuestionPart, string> = {
  indicators: "indikatorer",
  events: "händelser",
  activities: "aktiviteter",
};
const TYPE_WORDS: Record<QuestionType, string> = {
  yesNo: "ja/nej",
  singleChoice: "ett val",
  multipleChoice: "flera val",
  number: "tal",
  amount: "belopp",
  text: "text",
  date: "datum",
  group: "grupp",
};
const AREA_WORDS: Record<AgreementAreaCode, string> = {
  crisisPreparedness: "krisberedskap",
  civilDefence: "civilt försvar",
};
const OP_WORDS: Record<WarningCondition["op"], string> = {
  equals: "lika med",
  includes: "innehåller",
  below: "under",
  above: "över",
};
const BETTER_WORDS: Record<BetterDirection, string> = { higher: "högre", lower: "lägre" };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Words → codes; the codes themselves are accepted too. */
function lookup<T extends string>(words: Record<T, string>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, word] of Object.entries(words) as [T, string][]) {
    m.set(norm(word), code);
    m.set(norm(code), code);
  }
  return m;
}
const PARTS = lookup(PART_WORDS);
const TYPES = lookup(TYPE_WORDS);
const AREAS = lookup(AREA_WORDS);
const OPS = lookup(OP_WORDS);
const BETTERS = lookup(BETTER_WORDS);
const listOf = (words: Record<string, string>) => Object.values(words).join(", ");

const yesNoWord = (b: boolean) => (b ? "ja" : "nej");
const warningValueCell = (v: WarningCondition["value"]) => (typeof v === "boolean" ? yesNoWord(v) : v);

// ---------------------------------------------------------------------------------------------
// Export

export async function formToWorkbook(form: AnnualFormRow): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  const head = wb.addWorksheet(FORM_SHEET);
  head.columns = [
    { header: "Fält", key: "field", width: 40 },
    { header: "Värde", key: "value", width: 50, style: { numFmt: "@" } },
  ];
  head.getRow(1).font = { bold: true };
  head.addRow({ field: FORM_FIELDS.year, value: form.year });
  head.addRow({ field: FORM_FIELDS.title, value: form.title });
  head.addRow({ field: FORM_FIELDS.deadline, value: form.deadline });
  head.addRow({ field: FORM_FIELDS.forwardingDeadline, value: form.forwardingDeadline });
  head.addRow({ field: FORM_FIELDS.example, value: yesNoWord(form.example) });
  head.getCell("B2").numFmt = "0";

  const sheet = wb.addWorksheet(QUESTION_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] }));
  sheet.getRow(1).font = { bold: true };
  const choicesCell = (choices?: { value: string; label: string }[]) =>
    choices ? choices.map((c) => `${c.value}=${c.label}`).join("; ") : "";
  for (const part of ANNUAL_FORM_QUESTION_PARTS)
    for (const section of form.definition[part].sections)
      for (const q of section.questions) {
        const base = { del: PART_WORDS[part], avsnittsnyckel: section.key, avsnitt: section.title };
        sheet.addRow({
          ...base,
          nyckel: q.key,
          gruppnyckel: "",
          typ: TYPE_WORDS[q.type],
          fråga: q.label,
          hjälptext: q.help,
          obligatorisk: yesNoWord(q.required),
          område: AREA_WORDS[q.area],
          alternativ: choicesCell(q.choices),
          varning: q.warning ? OP_WORDS[q.warning.op] : "",
          varningsvärde: q.warning ? warningValueCell(q.warning.value) : "",
          varningstext: q.warning?.text ?? "",
          bättre: q.better ? BETTER_WORDS[q.better] : "",
        });
        for (const f of q.fields ?? [])
          sheet.addRow({
            ...base,
            nyckel: f.key,
            gruppnyckel: q.key,
            typ: TYPE_WORDS[f.type],
            fråga: f.label,
            hjälptext: f.help,
            obligatorisk: yesNoWord(f.required),
            alternativ: choicesCell(f.choices),
          });
      }
  const help = wb.addWorksheet("Instruktioner");
  help.getColumn(1).width = 110;
  [
    "Blankett för årsuppföljningen",
    "",
    `Bladet ${FORM_SHEET}: år, namn och sista dagar (ÅÅÅÅ-MM-DD). Bladet ${QUESTION_SHEET}: en rad per fråga.`,
    `del: ${listOf(PART_WORDS)}. typ: ${listOf(TYPE_WORDS)}. område: ${listOf(AREA_WORDS)}.`,
    "nyckel: frågans stabila nyckel (t.ex. krisledningOvat); samma nyckel år efter år ger trender och överförda svar.",
    "En upprepad grupp (typ grupp) följs av en rad per fält, med gruppens nyckel i kolumnen gruppnyckel.",
    'alternativ: "värde=Text; värde2=Text 2" för valfrågor. obligatorisk: ja eller nej.',
    `varning: ${listOf(OP_WORDS)}, med varningsvärde (ja/nej, ett tal eller ett alternativs värde) och varningstext.`,
    `bättre: ${listOf(BETTER_WORDS)} (vilket håll som är bättre i trender), eller tomt.`,
    "Varje cell kontrolleras. Inget sparas om något är fel.",
  ].forEach((line, i) => {
    help.getCell(i + 1, 1).value = line;
  });
  help.getRow(1).font = { bold: true, size: 14 };
  return writeWorkbook(wb);
}

// ---------------------------------------------------------------------------------------------
// Import

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("text" in value && typeof value.text === "string") return value.text.trim();
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

const notXlsx = () =>
  new AppError(
    415,
    "unsupportedMediaType",
    "Filen är ingen Excelfil (.xlsx). Exportera en blankett och utgå från den.",
  );

async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  if (content.length > MAX_BYTES) throw new AppError(413, "payloadTooLarge", "Filen är för stor. Högst 10 MB.");
  if (content.subarray(0, 4).toString("binary") !== "PK\x03\x04" || !readCentralDirectory(content)) throw notXlsx();
  checkArchive(content, "Excelfilen");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx();
  }
  return wb;
}

const letter = (col: number) => String.fromCharCode(64 + col);
const at = (sheet: string, col: number, row: number) => `${sheet}!${letter(col)}${row}`;

/** Where each value of the built definition came from: its row, and the column of each field. */
interface Origin {
  row: number;
}

const FIELD_COLUMN: Record<string, Column> = {
  key: "nyckel",
  type: "typ",
  label: "fråga",
  help: "hjälptext",
  required: "obligatorisk",
  area: "område",
  choices: "alternativ",
  warning: "varning",
  better: "bättre",
  fields: "nyckel",
};
const WARNING_COLUMN: Record<string, Column> = { op: "varning", value: "varningsvärde", text: "varningstext" };

type Raw = Record<string, unknown>;

export async function parseFormWorkbook(content: Buffer): Promise<AnnualFormCreate> {
  const summary = "Excelfilen innehåller fel och har inte importerats.";
  const wb = await loadWorkbook(content);
  const issues: FileIssue[] = [];
  const find = (name: string) => wb.worksheets.find((s) => norm(s.name) === norm(name));
  const head = find(FORM_SHEET);
  const sheet = find(QUESTION_SHEET);
  if (!head) issues.push({ location: "Filen", message: `Bladet ${FORM_SHEET} saknas.` });
  if (!sheet) issues.push({ location: "Filen", message: `Bladet ${QUESTION_SHEET} saknas.` });
  if (!head || !sheet) refuse(summary, issues);

  // The form sheet: label in column A, value in column B.
  const headRows = new Map<string, number>();
  const headValues: Record<string, string> = {};
  head.eachRow((row, n) => {
    const label = norm(cellText(row.getCell(1).value));
    const field = (Object.keys(FORM_FIELDS) as (keyof typeof FORM_FIELDS)[]).find(
      (k) => norm(FORM_FIELDS[k]) === label,
    );
    if (field) {
      headRows.set(field, n);
      headValues[field] = cellText(row.getCell(2).value);
    }
  });
  for (const k of ["year", "title"] as const)
    if (!headRows.has(k))
      issues.push({ location: `${FORM_SHEET}!A`, message: `Raden "${FORM_FIELDS[k]}" saknas i kolumn A.` });
  const headAt = (k: string) => at(FORM_SHEET, 2, headRows.get(k) ?? 1);
  const file: Raw = { year: headValues.year === "" ? undefined : Number(headValues.year), title: headValues.title };
  if (headValues.year !== undefined && !/^\d{4}$/.test(headValues.year))
    issues.push({ location: headAt("year"), message: "Året ska vara fyra siffror, t.ex. 2026." });
  if (headValues.deadline) file.deadline = headValues.deadline;
  if (headValues.forwardingDeadline) file.forwardingDeadline = headValues.forwardingDeadline;
  if (headValues.example !== undefined && headValues.example !== "") {
    const v = norm(headValues.example);
    if (v === "ja" || v === "nej") file.example = v === "ja";
    else issues.push({ location: headAt("example"), message: "Skriv ja eller nej." });
  }

  // The question sheet: the header row names the columns.
  const colOf = new Map<Column, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = norm(cellText(cell.value)) as Column;
    if ((COLUMNS as readonly string[]).includes(name)) colOf.set(name, col);
  });
  for (const c of ["del", "avsnittsnyckel", "avsnitt", "nyckel", "typ", "fråga", "område"] as const)
    if (!colOf.has(c))
      issues.push({ location: `${QUESTION_SHEET}!1`, message: `Kolumnen "${c}" saknas i rubrikraden.` });
  if (issues.length) refuse(summary, issues);
  if (sheet.rowCount > MAX_ROWS + 1)
    refuse(summary, [{ location: QUESTION_SHEET, message: `Bladet har för många rader (högst ${MAX_ROWS}).` }]);

  const definition: Record<AnnualFormQuestionPart, { sections: Raw[] }> = {
    indicators: { sections: [] },
    events: { sections: [] },
    activities: { sections: [] },
  };
  const origins = new Map<string, Origin>();
  const sectionRow = new Map<string, number>();

  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const get = (c: Column) => {
      const col = colOf.get(c);
      return col ? cellText(row.getCell(col).value) : "";
    };
    const cell = (c: Column) => at(QUESTION_SHEET, colOf.get(c) ?? 1, n);
    if (COLUMNS.every((c) => get(c) === "")) continue;
    const bad = (c: Column, message: string) => issues.push({ location: cell(c), message });

    const part = PARTS.get(norm(get("del")));
    if (!part) {
      bad("del", `Okänd del "${get("del")}". Skriv ${listOf(PART_WORDS)}.`);
      continue;
    }
    const type = TYPES.get(norm(get("typ")));
    if (!type) bad("typ", `Okänd typ "${get("typ")}". Skriv ${listOf(TYPE_WORDS)}.`);
    const requiredWord = norm(get("obligatorisk"));
    if (requiredWord !== "" && requiredWord !== "ja" && requiredWord !== "nej")
      bad("obligatorisk", "Skriv ja eller nej.");

    const choices: { value: string; label: string }[] | undefined = get("alternativ")
      ? get("alternativ")
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((pair) => {
            const i = pair.indexOf("=");
            if (i < 0) bad("alternativ", `"${pair}" saknar "=": skriv värde=Text, t.ex. god=God förmåga.`);
            return i < 0
              ? { value: pair, label: pair }
              : { value: pair.slice(0, i).trim(), label: pair.slice(i + 1).trim() };
          })
      : undefined;
    const item: Raw = {
      key: get("nyckel"),
      type: type ?? get("typ"),
      label: get("fråga"),
      help: get("hjälptext"),
      required: requiredWord === "ja",
      ...(choices ? { choices } : {}),
    };

    const sectionKey = get("avsnittsnyckel");
    const sections = definition[part].sections;
    let si = sections.findIndex((s) => s.key === sectionKey);
    if (si < 0) {
      sections.push({ key: sectionKey, title: get("avsnitt"), questions: [] });
      si = sections.length - 1;
      sectionRow.set(`${part}/${si}`, n);
    } else if (get("avsnitt") !== sections[si]!.title)
      bad(
        "avsnitt",
        `Avsnittet ${sectionKey} har en annan rubrik på en tidigare rad ("${String(sections[si]!.title)}").`,
      );
    const questions = sections[si]!.questions as Raw[];

    const groupKey = get("gruppnyckel");
    if (groupKey) {
      const qi = questions.findLastIndex((q) => q.key === groupKey);
      const group = questions[qi];
      if (!group || group.type !== "group") {
        bad("gruppnyckel", `Gruppen ${groupKey} finns inte på en tidigare rad i samma avsnitt.`);
        continue;
      }
      for (const c of ["område", "varning", "varningsvärde", "varningstext", "bättre"] as const)
        if (get(c)) bad(c, "Ett fält i en grupp har inget eget område, varning eller riktning: lämna cellen tom.");
      const fields = ((group.fields as Raw[] | undefined) ?? []) as Raw[];
      group.fields = fields;
      fields.push(item);
      origins.set(`${part}/${si}/${qi}/${fields.length - 1}`, { row: n });
      continue;
    }

    const area = AREAS.get(norm(get("område")));
    if (!area) bad("område", `Okänt område "${get("område")}". Skriv ${listOf(AREA_WORDS)}.`);
    item.area = area ?? get("område");
    const better = get("bättre") ? BETTERS.get(norm(get("bättre"))) : null;
    if (better === undefined) bad("bättre", `Skriv ${listOf(BETTER_WORDS)} eller lämna tomt.`);
    item.better = better ?? null;
    item.warning = null;
    if (get("varning") || get("varningsvärde") || get("varningstext")) {
      const op = OPS.get(norm(get("varning")));
      if (!op) bad("varning", `Okänt villkor "${get("varning")}". Skriv ${listOf(OP_WORDS)}.`);
      const raw = get("varningsvärde");
      let value: string | number | boolean = raw;
      if (op === "below" || op === "above" || ((type === "number" || type === "amount") && op === "equals")) {
        value = Number(raw.replace(",", "."));
        if (raw === "" || !Number.isFinite(value)) bad("varningsvärde", "Skriv ett tal.");
      } else if (type === "yesNo") {
        if (norm(raw) !== "ja" && norm(raw) !== "nej") bad("varningsvärde", "Skriv ja eller nej.");
        value = norm(raw) === "ja";
      }
      item.warning = { op: op ?? get("varning"), value, text: get("varningstext") };
    }
    questions.push(item);
    origins.set(`${part}/${si}/${questions.length - 1}`, { row: n });
  }
  if (issues.length) refuse(summary, issues);

  const result = FormFile.safeParse({ ...file, definition });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    issues.push({ location: locate(path), message: issue.message });
  }
  refuse(summary, issues);

  function locate(path: (string | number)[]): string {
    if (path[0] !== "definition") {
      const k = String(path[0] ?? "");
      return headRows.has(k) ? headAt(k) : FORM_SHEET;
    }
    const [, part, , si, , qi, field, fi, sub] = path;
    const colAt = (c: Column, row: number) => at(QUESTION_SHEET, colOf.get(c) ?? 1, row);
    if (qi === undefined) {
      const row = sectionRow.get(`${String(part)}/${String(si)}`);
      return row ? colAt(path[4] === "title" ? "avsnitt" : "avsnittsnyckel", row) : QUESTION_SHEET;
    }
    if (field === "fields" && typeof fi === "number") {
      const origin = origins.get(`${String(part)}/${String(si)}/${String(qi)}/${fi}`);
      if (origin) return colAt(FIELD_COLUMN[String(sub)] ?? "nyckel", origin.row);
    }
    const origin = origins.get(`${String(part)}/${String(si)}/${String(qi)}`);
    if (!origin) return QUESTION_SHEET;
    const column = field === "warning" && typeof fi === "string" ? WARNING_COLUMN[fi] : FIELD_COLUMN[String(field)];
    return colAt(column ?? "nyckel", origin.row);
  }
}
