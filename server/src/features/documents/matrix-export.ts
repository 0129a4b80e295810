import {
  DECISION_BODY_LABELS,
  DOCUMENT_FLAG_LABELS,
  DOCUMENT_FLAG_PHRASES,
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_STATUS_MEANINGS,
  type DocumentFlag,
  type DocumentStatus,
  deadlineRuleText,
} from "@uppsikt/core";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import type { ActorContext } from "../../platform/http/context.js";
import { getCounty } from "../municipalities/service.js";
import { documentMatrix } from "./service.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Status in words: the sheet never relies on colour (R2.2-6). */
export const STATUS_TEXT = DOCUMENT_STATUS_LABELS.sv;
const STATUS_MEANING = DOCUMENT_STATUS_MEANINGS.sv;
/** Flags added after the status; `missing` is already the status "Saknas". */
const FLAG_TEXT: Partial<Record<DocumentFlag, string>> = {
  late: DOCUMENT_FLAG_LABELS.sv.late.toLowerCase(),
  belowRequiredLevel: DOCUMENT_FLAG_PHRASES.sv.belowRequiredLevel,
};

/** "Inkommen – sen", "Godkänd – beslutad på för låg nivå", "Saknas". */
export function cellText(cell: { status: DocumentStatus; flags: DocumentFlag[] }): string {
  return [STATUS_TEXT[cell.status], ...cell.flags.flatMap((f) => FLAG_TEXT[f] ?? [])].join(" – ");
}

type MatrixQuery = Parameters<typeof documentMatrix>[3];

function describeFilter(q: MatrixQuery, typeNames: Map<string, string>): string {
  const parts = [
    q.status ? `status ${STATUS_TEXT[q.status].toLowerCase()}` : null,
    q.flag ? `flagga ${q.flag === "missing" ? "saknas" : FLAG_TEXT[q.flag]}` : null,
    q.type ? `dokument ${typeNames.get(q.type) ?? q.type}` : null,
    q.q ? `kommunnamn som innehåller "${q.q}"` : null,
  ].filter(Boolean);
  return parts.length ? `Kommuner med minst ett dokument som matchar: ${parts.join(", ")}` : "Alla kommuner i länet";
}

/** The county's document matrix as an Excel workbook, with a sheet that explains the rules (R2.2-6). */
export async function exportMatrix(db: Db, ctx: ActorContext, countyCode: string, query: MatrixQuery) {
  const matrix = await documentMatrix(db, ctx, countyCode, query);
  const county = await getCounty(db, ctx.actor, countyCode);
  const lastYear = matrix.period + 3;
  const periodLabel = `${matrix.period}–${lastYear}`;
  const today = ctx.clock.today();

  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  wb.created = ctx.clock.now();
  const sheet = wb.addWorksheet("Dokumentstatus", { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: "Kod", key: "code", width: 8 },
    { header: "Kommun", key: "name", width: 22 },
    { header: "Ansvarig handläggare", key: "officer", width: 26 },
    ...matrix.types.map((t) => ({ header: t.name, key: t.id, width: Math.max(22, Math.min(40, t.name.length + 2)) })),
    { header: "Antal flaggade dokument", key: "flagged", width: 14 },
  ];
  for (const row of matrix.rows)
    sheet.addRow({
      code: row.municipality.code,
      name: row.municipality.name,
      officer: row.responsibleOfficer?.name ?? "Ingen utsedd",
      ...Object.fromEntries(row.cells.map((c) => [c.type, cellText(c)])),
      flagged: row.flagged,
    });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + matrix.rows.length, column: sheet.columnCount } };

  const legend = wb.addWorksheet("Förklaring");
  legend.columns = [{ width: 34 }, { width: 16 }, { width: 70 }, { width: 26 }];
  const typeNames = new Map(matrix.types.map((t) => [t.id as string, t.name]));
  const title = legend.addRow([`Dokumentstatus ${county.name}`]);
  title.font = { bold: true, size: 14 };
  legend.addRow(["Mandatperiod", periodLabel]);
  legend.addRow(["Exportdatum", today]);
  legend.addRow(["Urval", describeFilter(query, typeNames)]);
  legend.addRow(["Antal kommuner", matrix.rows.length]);
  legend.addRow([]);
  legend.addRow([
    "Statusen bygger på den senaste versionen av varje dokument. Texten i cellen är hela statusen; färg används inte.",
  ]);
  legend.addRow([]);
  legend.addRow(["Text i cellen", "", "Betydelse"]).font = { bold: true };
  for (const status of Object.keys(STATUS_TEXT) as DocumentStatus[])
    legend.addRow([STATUS_TEXT[status], "", STATUS_MEANING[status]]);
  legend.addRow([
    "… – sen",
    "",
    "RSA: rapporten kom in till länsstyrelsen efter sista dag. Övriga: dokumentet beslutades efter sista dag.",
  ]);
  legend.addRow([
    "… – beslutad på för låg nivå",
    "",
    "Beslutat av ett lägre organ än det som krävs (kommunfullmäktige > kommunstyrelsen > kommundirektören > tjänsteperson).",
  ]);
  legend.addRow([]);
  legend.addRow(["Dokument", "Sista dag", "Regel", "Beslutsnivå"]).font = { bold: true };
  for (const t of matrix.types) {
    // The date comes from the rule (given with the matrix); the text never restates it.
    legend.addRow([
      t.name,
      t.deadlineDate,
      deadlineRuleText(t.deadline),
      t.requiredLevel ? `${DECISION_BODY_LABELS[t.requiredLevel]} eller högre` : "Kommunen väljer",
    ]);
  }
  legend.getColumn(3).alignment = { wrapText: true, vertical: "top" };

  const content = await writeWorkbook(wb);
  return { content, fileName: `Dokumentstatus ${county.name} ${periodLabel}.xlsx` };
}
