import {
  DIALOGUE_FORM_LABELS,
  DIALOGUE_SUBJECT_LABELS,
  DIALOGUE_VISIBILITY_LABELS,
  type DialogueEntry,
  type DialogueListQuery,
} from "@uppsikt/core";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import type { ActorContext } from "../../platform/http/context.js";
import { entriesForExport } from "./service.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What an uncleared reader gets instead of confidential content. */
export const confidentialText = (e: DialogueEntry) =>
  `Sekretessbelagt (${e.confidential!.basis}). Kan läsas av: ${e.confidential!.readableBy.map((p) => p.name).join(", ") || "ingen med behörighet i dag"}.`;

function followUpText(e: DialogueEntry): string {
  return e.followUps
    .map((f) => {
      const state = f.done ? `klar ${f.doneAt?.slice(0, 10) ?? ""}`.trim() : f.overdue ? "försenad" : "öppen";
      return `${f.due} ${f.text ?? "(sekretess)"} – ansvarig ${f.owner.name} (${state})`;
    })
    .join("\n");
}

/** A municipality's dialogue as an Excel workbook, with the same visibility and confidentiality as the list. */
export async function exportDialogue(
  db: Db,
  ctx: ActorContext,
  code: string,
  query: Omit<DialogueListQuery, "limit" | "offset">,
) {
  const { municipality, items } = await entriesForExport(db, ctx, code, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  wb.created = ctx.clock.now();
  const sheet = wb.addWorksheet("Dialog", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Datum", key: "date", width: 12 },
    { header: "Form", key: "form", width: 14 },
    { header: "Ämnen", key: "subjects", width: 28 },
    { header: "Kommuner", key: "municipalities", width: 28 },
    { header: "Deltagare från kommunen", key: "municipalityParticipants", width: 28 },
    { header: "Deltagare från länsstyrelsen", key: "countyParticipants", width: 28 },
    { header: "Anteckningar", key: "notes", width: 70 },
    { header: "Uppföljningspunkter", key: "followUps", width: 50 },
    { header: "Synlighet", key: "visibility", width: 20 },
    { header: "Sekretess", key: "confidential", width: 22 },
    { header: "Skriven av", key: "author", width: 22 },
    { header: "Version", key: "version", width: 9 },
  ];
  for (const e of items) {
    const hidden = e.confidential !== null && !e.confidential.canRead;
    sheet.addRow({
      date: e.date,
      form: DIALOGUE_FORM_LABELS[e.form],
      subjects: e.subjects.map((s) => DIALOGUE_SUBJECT_LABELS[s]).join(", "),
      municipalities: e.municipalities.map((m) => m.name).join(", "),
      municipalityParticipants: hidden ? "" : (e.participants?.municipality.join(", ") ?? ""),
      countyParticipants: hidden ? "" : (e.participants?.county.join(", ") ?? ""),
      notes: hidden ? confidentialText(e) : (e.notes ?? ""),
      followUps: followUpText(e),
      visibility: DIALOGUE_VISIBILITY_LABELS[e.visibility],
      confidential: e.confidential ? e.confidential.basis : "",
      author: e.author.name,
      version: e.version,
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  for (const key of ["notes", "followUps"]) sheet.getColumn(key).alignment = { wrapText: true, vertical: "top" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + items.length, column: sheet.columnCount } };

  const about = wb.addWorksheet("Förklaring");
  about.columns = [{ width: 28 }, { width: 90 }];
  about.addRow([`Dialog med ${municipality.name}`]).font = { bold: true, size: 14 };
  about.addRow(["Exportdatum", ctx.clock.today()]);
  about.addRow([
    "Urval",
    [
      query.from ? `från ${query.from}` : null,
      query.to ? `till ${query.to}` : null,
      query.subject ? `ämne ${DIALOGUE_SUBJECT_LABELS[query.subject]}` : null,
    ]
      .filter(Boolean)
      .join(", ") || "Alla anteckningar du får läsa",
  ]);
  about.addRow(["Antal anteckningar", items.length]);
  about.addRow([
    "Sekretess",
    "Sekretessbelagda anteckningar visas med sekretessgrund och vilka som får läsa dem. Innehållet visas bara för den som har behörighet för alla kommuner som anteckningen gäller; varje sådan läsning loggas.",
  ]);
  about.addRow([
    "Synlighet",
    "Länsstyrelseinterna anteckningar finns bara med i länsstyrelsens export. Tidiga varningar finns aldrig med.",
  ]);
  about.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  const content = await writeWorkbook(wb);
  return { content, fileName: `Dialog ${municipality.name} ${ctx.clock.today()}.xlsx`, mediaType: XLSX_MEDIA_TYPE };
}
