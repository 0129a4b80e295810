import { type Distribution, type NationalQuestion, flattenQuestions } from "@uppsikt/core";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";
import type { ActorContext } from "../../platform/http/context.js";
import { AMOUNT_FORMAT, NO, YES } from "./layout.js";
import { nationalCompilation } from "./national-service.js";
import * as repo from "./repository.js";
import { XLSX_MEDIA_TYPE } from "./workbook.js";

/*
 * The national compilation as Excel (R1-6): "Län" with each county's status, and "Frågor" with one row per question
 * and value (or measure), the nation's figure and one column per county. Texts are written as text, never formulas.
 */

const PART_SV: Record<string, string> = {
  indicators: "Indikatorer",
  events: "Händelser",
  activities: "Åtgärder",
  economy: "Ekonomi",
};
const AREA_SV: Record<string, string> = { crisisPreparedness: "Krisberedskap", civilDefence: "Civilt försvar" };

/** The rows a question's distributions make: its counts per value, or its sum, mean, min and max; answered last. */
function measures(q: NationalQuestion): { label: string; pick: (d: Distribution) => number | null; money: boolean }[] {
  const out: { label: string; pick: (d: Distribution) => number | null; money: boolean }[] = [];
  if (q.nation.counts) {
    for (const value of Object.keys(q.nation.counts)) {
      const label = q.type === "yesNo" ? (value === "true" ? YES : NO) : value;
      out.push({ label, pick: (d) => d.counts?.[value] ?? 0, money: false });
    }
  } else if (q.type === "number" || q.type === "amount") {
    const money = q.type === "amount";
    out.push(
      { label: "Summa", pick: (d) => d.sum, money },
      { label: "Medelvärde", pick: (d) => d.mean, money },
      { label: "Lägsta", pick: (d) => d.min, money },
      { label: "Högsta", pick: (d) => d.max, money },
    );
  }
  out.push({ label: "Antal som svarat", pick: (d) => d.answered, money: false });
  return out;
}

export async function exportNational(db: Db, ctx: ActorContext, year: number) {
  const n = await nationalCompilation(db, ctx, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  wb.created = ctx.clock.now();
  const counties = wb.addWorksheet("Län", { views: [{ state: "frozen", ySplit: 1 }] });
  counties.columns = [
    { header: "Länskod", key: "code", width: 9 },
    { header: "Län", key: "name", width: 26 },
    { header: "Status", key: "status", width: 14 },
    { header: "Lämnad", key: "forwardedOn", width: 12 },
    { header: "Version", key: "version", width: 9 },
    { header: "Diarienummer", key: "registrationNumber", width: 22 },
    { header: "Godkända", key: "accepted", width: 10 },
    { header: "Kommuner", key: "municipalities", width: 10 },
    { header: "För sent", key: "late", width: 9 },
  ];
  counties.getRow(1).font = { bold: true };
  for (const c of n.counties)
    counties.addRow({
      code: c.county.code,
      name: c.county.name,
      status: c.status === "forwarded" ? "Lämnad" : "Inte lämnad",
      forwardedOn: c.forwardedOn ?? "",
      version: c.version ?? "",
      registrationNumber: c.registrationNumber ?? "",
      accepted: c.accepted,
      municipalities: c.municipalities,
      late: c.late ? YES : NO,
    });

  const questions = wb.addWorksheet("Frågor", { views: [{ state: "frozen", ySplit: 1, xSplit: 5 }] });
  questions.columns = [
    { header: "Nyckel", key: "key", width: 22 },
    { header: "Fråga", key: "label", width: 50 },
    { header: "Del", key: "part", width: 12 },
    { header: "Område", key: "area", width: 15 },
    { header: "Värde", key: "value", width: 22 },
    { header: "Riket", key: "nation", width: 14 },
    ...n.counties.map((c) => ({ header: c.county.name, key: `c${c.county.code}`, width: 14 })),
  ];
  questions.getRow(1).font = { bold: true };
  const [form] = await repo.findPublishedForms(db, year);
  const choiceLabel = new Map<string, string>();
  for (const { question } of form ? flattenQuestions(form.definition) : [])
    for (const c of question.choices ?? []) choiceLabel.set(`${question.key}|${c.value}`, c.label);
  for (const q of n.questions) {
    for (const m of measures(q)) {
      const label = choiceLabel.get(`${q.key}|${m.label}`) ?? m.label;
      const row = questions.addRow({
        key: q.key,
        label: q.label,
        part: PART_SV[q.part] ?? q.part,
        area: q.area ? (AREA_SV[q.area] ?? q.area) : "",
        value: label,
        nation: m.pick(q.nation),
        ...Object.fromEntries(q.counties.map((c) => [`c${c.county}`, m.pick(c.distribution)])),
      });
      if (m.money) for (let col = 6; col <= 6 + n.counties.length; col++) row.getCell(col).numFmt = AMOUNT_FORMAT;
    }
  }
  return {
    content: await writeWorkbook(wb),
    fileName: `arsuppfoljning-riket-${year}.xlsx`,
    mediaType: XLSX_MEDIA_TYPE,
  };
}
