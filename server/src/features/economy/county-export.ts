import ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";
import type { ActorContext } from "../../platform/http/context.js";
import { countyEconomy } from "./county-service.js";
import { XLSX_MEDIA_TYPE } from "./import.js";

const KR = '#,##0 "kr"';
const SECRET = "Sekretess";
const WARNING_TEXT: Record<string, string> = {
  economicReviewsShort: "färre än två ekonomiska granskningar under perioden",
  reviewBetweenVisitsMissing: "granskning mellan besöken saknas",
};

/** The county's economy table as an Excel file: amounts as numbers in kronor, confidential cells "Sekretess". */
export async function exportCountyEconomy(db: Db, ctx: ActorContext, code: string, year?: number) {
  const economy = await countyEconomy(db, ctx, code, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  wb.created = ctx.clock.now();
  const sheet = wb.addWorksheet("Ekonomi", { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: "Kod", key: "code", width: 8 },
    { header: "Kommun", key: "name", width: 22 },
    { header: "Utannonserat", key: "announced", width: 16 },
    { header: "Mottaget", key: "received", width: 16 },
    { header: "Använda kostnader", key: "usedCosts", width: 18 },
    { header: "Flaggade kostnader", key: "flaggedCosts", width: 18 },
    { header: "Sparade medel", key: "closing", width: 16 },
    { header: "Andel sparat", key: "share", width: 12 },
    { header: "Stora sparade medel", key: "large", width: 18 },
    { header: "Kostnader inkomna", key: "costsIn", width: 16 },
    { header: "Flaggor", key: "flags", width: 9 },
    { header: "Granskningar genomförda", key: "held", width: 12 },
    { header: "Granskningar planerade", key: "planned", width: 12 },
    { header: "Varningar", key: "warnings", width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  const money = (n: number | null, confidential: boolean) => (n === null ? (confidential ? SECRET : "") : n);
  for (const r of economy.items) {
    const row = sheet.addRow({
      code: r.municipality.code,
      name: r.municipality.name,
      announced: money(r.announced, r.confidential),
      received: money(r.received, r.confidential),
      usedCosts: money(r.usedCosts, r.confidential),
      flaggedCosts: money(r.flaggedCosts, r.confidential),
      closing: money(r.closing, r.confidential),
      share: r.share === null ? (r.confidential ? SECRET : "") : r.share,
      large: r.largeSavings ? "ja" : "nej",
      costsIn: r.costsIn ? "ja" : "nej",
      flags: r.flags,
      held: r.reviews.held,
      planned: r.reviews.planned,
      warnings: r.reviews.warnings.map((w) => WARNING_TEXT[w] ?? w).join("; "),
    });
    for (const key of ["announced", "received", "usedCosts", "flaggedCosts", "closing"]) row.getCell(key).numFmt = KR;
    row.getCell("share").numFmt = "0%";
  }
  const rules = wb.addWorksheet("Regler");
  rules.getColumn(1).width = 110;
  const share = economy.rules.largeSavingsShare;
  [
    `Länets ekonomi ${economy.year}: ${economy.county.name}`,
    "",
    "Sparade medel per del och år: utgående = max(0, ingående + mottaget − använda kostnader), över de delar som räknas in i sparandet.",
    "Kostnader i kostnadsslag som inte får finansieras (flaggade) minskar inte sparandet.",
    `Stora sparade medel: Σ sparat > ${Math.round(share.value * 100)} % av Σ utannonserat, bedömt på det senaste år vars kostnader har kommit in.`,
    "Ett år vars kostnader inte har kommit in (de kommer med årsuppföljningen efter årets slut) avgör ingen status.",
    `Källa för andelen: ${share.source ?? "saknas"}${share.unverified ? " (ej verifierad)" : ""}.`,
    `${SECRET}: beloppen omfattas av sekretess och visas bara för den som har behörighet för kommunen.`,
  ].forEach((line, i) => {
    rules.getCell(i + 1, 1).value = line;
  });
  rules.getRow(1).font = { bold: true, size: 14 };
  return {
    content: await writeWorkbook(wb),
    fileName: `ekonomi-${economy.county.code}-${economy.year}.xlsx`,
    mediaType: XLSX_MEDIA_TYPE,
  };
}
