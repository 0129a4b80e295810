import ExcelJS from "exceljs";
import { LineCounter, isNode, parseDocument, stringify } from "yaml";
import type { z } from "zod";
import {
  AGREEMENT_AREA_LABELS,
  CRITERIA_FILE_FORMAT,
  CRITERION_TIER_LABELS,
  CriteriaLibraryFile,
  type CriterionTier,
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_IDS,
  type DocumentTypeId,
} from "@uppsikt/core";
import { Invalid } from "../../platform/errors.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";
import { checkArchive, readCentralDirectory } from "../../platform/files/archive.js";

/**
 * Reading and writing one criteria library version as a file: YAML (the format is described in
 * server/src/db/seed/criteria-starter.yaml) or Excel (sheets "Kriterier", "Områden" and "Version").
 * Every refusal is a 400 in Swedish that names the line (YAML) or the sheet, row and column (Excel).
 */

export type LibraryFileFormat = "yaml" | "xlsx";

/** A problem in the file, with where it is. */
export interface FileIssue {
  location: string;
  message: string;
}

type Path = (string | number)[];

/** The file as plain data, and a way to say where a value came from. */
interface ParsedFile {
  data: unknown;
  locate(path: Path): string | null;
}

const MAX_ISSUES = 20;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A 400 whose message names the first problem and where it is; `details.issues` lists them all. */
function refuse(summary: string, issues: FileIssue[]): never {
  const first = issues[0];
  const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : "";
  const message = first
    ? `${summary} ${first.location ? `${capitalize(first.location)}: ` : ""}${first.message}${more}`
    : summary;
  throw Invalid(message, { issues: issues.slice(0, MAX_ISSUES) });
}

const codeOf = (v: unknown) =>
  v && typeof v === "object" && typeof (v as { code?: unknown }).code === "string"
    ? ` (${(v as { code: string }).code})`
    : "";

/** "område 2 (RSA), kriterium 3 (RSA-3), fältet tier", from a path into the file's data. */
export function describePath(data: unknown, path: Path): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const child = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    const index = path[i + 1];
    if ((key === "areas" || key === "criteria") && typeof index === "number") {
      const item = Array.isArray(child) ? child[index] : undefined;
      parts.push(`${key === "areas" ? "område" : "kriterium"} ${index + 1}${codeOf(item)}`);
      node = item;
      i++;
    } else {
      parts.push(typeof key === "number" ? `post ${key + 1}` : `fältet ${key}`);
      node = child;
    }
  }
  return parts.join(", ");
}

/** Validates the file's data; a 400 naming where each problem is. */
function validate(parsed: ParsedFile, kind: string): CriteriaLibraryFile {
  const result = CriteriaLibraryFile.safeParse(parsed.data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue: z.core.$ZodIssue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    return { location: parsed.locate(path) ?? describePath(parsed.data, path), message: issue.message };
  });
  refuse(`${kind} innehåller fel och har inte importerats.`, issues);
}

// ---------------------------------------------------------------------------------------------
// YAML

export function parseYamlLibrary(text: string): CriteriaLibraryFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0];
    refuse("Filen är inte giltig YAML och har inte importerats.", [
      {
        location: pos ? `rad ${pos.line}, kolumn ${pos.col}` : "",
        message: `YAML-tolken svarade: ${syntax.message.split("\n")[0]}`,
      },
    ]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    refuse("Filen är inte giltig YAML och har inte importerats.", [
      { location: "", message: "Filen har för många eller felaktiga alias (&/*)." },
    ]);
  }
  const locate = (path: Path): string | null => {
    // The value itself, else the nearest parent that exists (a missing field is reported at its parent).
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const what = describePath(data, path);
        return `rad ${lineCounter.linePos(node.range[0]).line}${what ? `, ${what}` : ""}`;
      }
    }
    return null;
  };
  return validate({ data, locate }, "YAML-filen");
}

const YAML_HEADER = `# Kriteriebibliotek för Uppsikt (${CRITERIA_FILE_FORMAT}).
# Formatet beskrivs i server/src/db/seed/criteria-starter.yaml. Importera filen under
# Kriteriebibliotek → Importera; versionsbeteckningen (version) måste vara ny.
`;

export function toYaml(file: CriteriaLibraryFile): string {
  const ordered = {
    format: CRITERIA_FILE_FORMAT,
    name: file.name,
    version: file.version,
    sourceReference: file.sourceReference,
    isExample: file.isExample,
    areas: file.areas.map((a) => ({
      code: a.code,
      title: a.title,
      agreementArea: a.agreementArea,
      ...(a.description ? { description: a.description } : {}),
      criteria: a.criteria.map((c) => ({
        code: c.code,
        tier: c.tier,
        text: c.text,
        ...(c.help ? { help: c.help } : {}),
        documentTypes: c.documentTypes,
      })),
    })),
  };
  return YAML_HEADER + stringify(ordered, { lineWidth: 110, minContentWidth: 40 });
}

// ---------------------------------------------------------------------------------------------
// Excel

export const SHEET_CRITERIA = "Kriterier";
export const SHEET_AREAS = "Områden";
export const SHEET_VERSION = "Version";

export const CRITERIA_COLUMNS = [
  "Område-kod",
  "Område",
  "Kriterium-kod",
  "Nivå",
  "Text",
  "Hjälptext",
  "Dokumenttyper",
] as const;
const AREA_COLUMNS = ["Område-kod", "Område", "Beskrivning", "Överenskommelsedel"] as const;
/** The agreement area in the Excel sheet: its Swedish label or its code. */
const agreementAreaOf = (cell: string) =>
  Object.entries(AGREEMENT_AREA_LABELS).find(
    ([code, label]) => norm(cell) === norm(label) || norm(cell) === norm(code),
  )?.[0] ?? (cell ? cell : undefined);

/** The rows of the Version sheet: label in column A, value in column B; English keys are accepted too. */
const VERSION_FIELDS = [
  { key: "format", label: "Format", aliases: ["format"] },
  { key: "name", label: "Namn", aliases: ["namn", "name"] },
  { key: "version", label: "Version", aliases: ["version", "versionsbeteckning"] },
  { key: "sourceReference", label: "Källa", aliases: ["källa", "källa (dnr)", "source", "sourcereference"] },
  { key: "isExample", label: "Exempel", aliases: ["exempel", "isexample", "example"] },
] as const;

const MAX_ROWS = 5000;
const MAX_XLSX_BYTES = 5 * 1024 * 1024;

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
  if ("error" in value) return "";
  return "";
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

function tierFrom(label: string): CriterionTier | null {
  const n = norm(label);
  if (["grundläggande krav", "grundläggande", "basic", "gk"].includes(n)) return "basic";
  if (["kvalitetsmått", "kvalitet", "quality", "km"].includes(n)) return "quality";
  return null;
}

const DOCUMENT_TYPE_NAMES = new Map<string, DocumentTypeId>(
  DOCUMENT_TYPES.flatMap((t) => [
    [norm(t.id), t.id],
    [norm(t.name), t.id],
    [norm(t.nameEn), t.id],
  ]),
);

function documentTypesFrom(text: string): { ids: DocumentTypeId[]; unknown: string[] } {
  const ids: DocumentTypeId[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const s = raw.trim();
    if (!s) continue;
    const id = DOCUMENT_TYPE_NAMES.get(norm(s));
    if (id) ids.push(id);
    else unknown.push(s);
  }
  return { ids, unknown };
}

function booleanFrom(text: string): boolean | string {
  const n = norm(text);
  if (["ja", "true", "sant", "1", "yes", "x"].includes(n)) return true;
  if (["nej", "false", "falskt", "0", "no", ""].includes(n)) return false;
  return text;
}

/** Maps each header (normalized) to its column number; a 400 naming any that is missing. */
function headerColumns(sheet: ExcelJS.Worksheet, required: readonly string[], optional: readonly string[] = []) {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = norm(cellText(cell.value));
    if (text && !columns.has(text)) columns.set(text, col);
  });
  const missing = required.filter((h) => !columns.has(norm(h)));
  if (missing.length)
    refuse("Excelfilen har inte rätt kolumner och har inte importerats.", [
      {
        location: `Bladet ${sheet.name}, rad 1`,
        message: `kolumnen ${missing.map((m) => `”${m}”`).join(", ")} saknas. Rubrikerna ska vara: ${[...required, ...optional].join(", ")}.`,
      },
    ]);
  return (header: string) => columns.get(norm(header));
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((s) => norm(s.name) === norm(name));
}

export async function parseXlsxLibrary(content: Buffer): Promise<CriteriaLibraryFile> {
  if (content.length > MAX_XLSX_BYTES || content.subarray(0, 4).toString("binary") !== "PK\x03\x04")
    refuse("Filen är ingen Excelfil (.xlsx) och har inte importerats.", []);
  // The central directory first: a small file that unpacks to gigabytes must not reach ExcelJS.
  if (!readCentralDirectory(content))
    refuse("Excelfilen kunde inte läsas och har inte importerats. Spara den som .xlsx och försök igen.", []);
  checkArchive(content, "Excelfilen");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    refuse("Excelfilen kunde inte läsas och har inte importerats. Spara den som .xlsx och försök igen.", []);
  }

  const issues: FileIssue[] = [];
  const where = new Map<string, string>();
  const at = (path: Path, location: string) => where.set(JSON.stringify(path), location);

  // Version sheet: name, version, source reference, example flag.
  const versionSheet = findSheet(wb, SHEET_VERSION);
  const criteriaSheet = findSheet(wb, SHEET_CRITERIA);
  const missingSheets = [!criteriaSheet && SHEET_CRITERIA, !versionSheet && SHEET_VERSION].filter(Boolean);
  if (missingSheets.length)
    refuse("Excelfilen har inte rätt blad och har inte importerats.", [
      { location: "", message: `bladet ${missingSheets.map((s) => `”${s}”`).join(" och ")} saknas.` },
    ]);

  const version: Record<string, unknown> = {};
  versionSheet!.eachRow((row, r) => {
    const label = norm(cellText(row.getCell(1).value));
    const field = VERSION_FIELDS.find((f) => (f.aliases as readonly string[]).includes(label));
    if (!field) return;
    const value = cellText(row.getCell(2).value);
    at([field.key], `Bladet ${SHEET_VERSION}, rad ${r} (${field.label})`);
    if (field.key === "isExample") {
      version.isExample = booleanFrom(value);
      if (typeof version.isExample === "string")
        issues.push({ location: `Bladet ${SHEET_VERSION}, rad ${r} (${field.label})`, message: "Ange Ja eller Nej." });
    } else if (field.key === "format") {
      if (value) version.format = value;
    } else version[field.key] = value;
  });
  for (const f of VERSION_FIELDS)
    if (!where.has(JSON.stringify([f.key]))) at([f.key], `Bladet ${SHEET_VERSION} (raden ${f.label} saknas)`);

  // Optional area sheet: descriptions, and the order of the areas.
  const areas: {
    code: string;
    title: string;
    description: string | null;
    agreementArea?: string;
    criteria: Record<string, unknown>[];
  }[] = [];
  const areaByCode = new Map<string, { index: number; row: string }>();
  const areasSheet = findSheet(wb, SHEET_AREAS);
  if (areasSheet) {
    const col = headerColumns(areasSheet, ["Område-kod", "Område"], ["Beskrivning", "Överenskommelsedel"]);
    areasSheet.eachRow((row, r) => {
      if (r === 1) return;
      const code = cellText(row.getCell(col("Område-kod")!).value);
      const title = cellText(row.getCell(col("Område")!).value);
      const descCol = col("Beskrivning");
      const description = descCol ? cellText(row.getCell(descCol).value) : "";
      const partCol = col("Överenskommelsedel");
      const agreementArea = partCol ? agreementAreaOf(cellText(row.getCell(partCol).value)) : undefined;
      if (!code && !title && !description) return;
      const location = `Bladet ${SHEET_AREAS}, rad ${r}`;
      if (areaByCode.has(norm(code))) {
        issues.push({ location, message: `områdeskoden ${code} står redan på ${areaByCode.get(norm(code))!.row}.` });
        return;
      }
      const index = areas.length;
      areas.push({
        code,
        title,
        description: description || null,
        criteria: [],
        ...(agreementArea ? { agreementArea } : {}),
      });
      areaByCode.set(norm(code), { index, row: `rad ${r}` });
      at(["areas", index], location);
      at(["areas", index, "code"], `${location}, kolumn Område-kod`);
      at(["areas", index, "title"], `${location}, kolumn Område`);
      at(["areas", index, "description"], `${location}, kolumn Beskrivning`);
    });
  }

  // Criteria sheet: one row per criterion, grouped by area code in order of appearance.
  const col = headerColumns(criteriaSheet!, CRITERIA_COLUMNS);
  const c = (name: (typeof CRITERIA_COLUMNS)[number]) => col(name)!;
  if (criteriaSheet!.rowCount > MAX_ROWS + 1)
    refuse("Excelfilen är för stor och har inte importerats.", [
      { location: `Bladet ${SHEET_CRITERIA}`, message: `högst ${MAX_ROWS} rader.` },
    ]);
  criteriaSheet!.eachRow((row, r) => {
    if (r === 1) return;
    const get = (name: (typeof CRITERIA_COLUMNS)[number]) => cellText(row.getCell(c(name)).value);
    const values = CRITERIA_COLUMNS.map((name) => get(name));
    if (values.every((v) => !v)) return;
    const location = `Bladet ${SHEET_CRITERIA}, rad ${r}`;
    const areaCode = get("Område-kod");
    const areaTitle = get("Område");
    let area = areaByCode.get(norm(areaCode));
    if (!area) {
      const index = areas.length;
      areas.push({ code: areaCode, title: areaTitle, description: null, criteria: [] });
      area = { index, row: `rad ${r}` };
      areaByCode.set(norm(areaCode), area);
      at(["areas", index], location);
      at(["areas", index, "code"], `${location}, kolumn Område-kod`);
      at(["areas", index, "title"], `${location}, kolumn Område`);
    } else if (areaTitle && areas[area.index]!.title && norm(areas[area.index]!.title) !== norm(areaTitle)) {
      issues.push({
        location: `${location}, kolumn Område`,
        message: `området ${areaCode} heter ”${areas[area.index]!.title}” på ${area.row} men ”${areaTitle}” här.`,
      });
    } else if (!areas[area.index]!.title) areas[area.index]!.title = areaTitle;
    const a = areas[area.index]!;
    const i = a.criteria.length;
    const base = ["areas", area.index, "criteria", i];
    at(base, location);
    const tierLabel = get("Nivå");
    const tier = tierFrom(tierLabel);
    if (!tier)
      issues.push({
        location: `${location}, kolumn Nivå`,
        message: tierLabel
          ? `”${tierLabel}” är ingen nivå. Ange Grundläggande krav eller Kvalitetsmått.`
          : "Ange nivå: Grundläggande krav eller Kvalitetsmått.",
      });
    const types = documentTypesFrom(get("Dokumenttyper"));
    if (types.unknown.length)
      issues.push({
        location: `${location}, kolumn Dokumenttyper`,
        message: `okänd dokumenttyp ${types.unknown.map((u) => `”${u}”`).join(", ")}. Giltiga: ${DOCUMENT_TYPE_IDS.join(", ")}.`,
      });
    a.criteria.push({
      code: get("Kriterium-kod"),
      tier: tier ?? tierLabel,
      text: get("Text"),
      help: get("Hjälptext") || null,
      documentTypes: types.ids,
    });
    for (const [field, header] of [
      ["code", "Kriterium-kod"],
      ["tier", "Nivå"],
      ["text", "Text"],
      ["help", "Hjälptext"],
      ["documentTypes", "Dokumenttyper"],
    ] as const)
      at([...base, field], `${location}, kolumn ${header}`);
  });
  if (issues.length) refuse("Excelfilen innehåller fel och har inte importerats.", issues);

  const data = { ...version, areas };
  const locate = (path: Path): string | null => {
    for (let n = path.length; n >= 0; n--) {
      const found = where.get(JSON.stringify(path.slice(0, n)));
      if (found) return found;
    }
    return null;
  };
  return validate({ data, locate }, "Excelfilen");
}

export async function toXlsx(file: CriteriaLibraryFile): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  const bold = { bold: true };

  const criteriaSheet = wb.addWorksheet(SHEET_CRITERIA, { views: [{ state: "frozen", ySplit: 1 }] });
  criteriaSheet.columns = CRITERIA_COLUMNS.map((header, i) => ({
    header,
    width: [12, 34, 14, 20, 70, 70, 40][i],
  }));
  for (const area of file.areas)
    for (const c of area.criteria)
      criteriaSheet.addRow([
        area.code,
        area.title,
        c.code,
        CRITERION_TIER_LABELS[c.tier],
        c.text,
        c.help ?? "",
        c.documentTypes.join(", "),
      ]);
  criteriaSheet.getRow(1).font = bold;
  for (const key of [5, 6]) criteriaSheet.getColumn(key).alignment = { wrapText: true, vertical: "top" };

  const areasSheet = wb.addWorksheet(SHEET_AREAS, { views: [{ state: "frozen", ySplit: 1 }] });
  areasSheet.columns = AREA_COLUMNS.map((header, i) => ({ header, width: [12, 40, 80, 20][i] }));
  for (const area of file.areas)
    areasSheet.addRow([area.code, area.title, area.description ?? "", AGREEMENT_AREA_LABELS[area.agreementArea]]);
  areasSheet.getRow(1).font = bold;

  const versionSheet = wb.addWorksheet(SHEET_VERSION);
  versionSheet.columns = [
    { header: "Fält", width: 14 },
    { header: "Värde", width: 80 },
  ];
  versionSheet.addRow(["Format", CRITERIA_FILE_FORMAT]);
  versionSheet.addRow(["Namn", file.name]);
  versionSheet.addRow(["Version", file.version]);
  versionSheet.addRow(["Källa", file.sourceReference]);
  versionSheet.addRow(["Exempel", file.isExample ? "Ja" : "Nej"]);
  versionSheet.getRow(1).font = bold;

  return await writeWorkbook(wb);
}

/** Which parser a file name (or media type) asks for; null when neither YAML nor Excel. */
export function formatOf(fileName: string, mediaType: string): LibraryFileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (/yaml/.test(mediaType)) return "yaml";
  if (mediaType === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return "xlsx";
  return null;
}

export async function parseLibraryFile(format: LibraryFileFormat, content: Buffer): Promise<CriteriaLibraryFile> {
  if (format === "xlsx") return parseXlsxLibrary(content);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    refuse("Filen är inte UTF-8-kodad text och har inte importerats. Spara YAML-filen som UTF-8.", []);
  }
  return parseYamlLibrary(text.replace(/^\uFEFF/, ""));
}
