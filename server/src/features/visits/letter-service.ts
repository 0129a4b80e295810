import { type VisitKind, type VisitStatus, compareSwedish, plannedDueOn } from "@uppsikt/core";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, NotFound } from "../../platform/errors.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";
import type { ActorContext } from "../../platform/http/context.js";
import { type Letter, renderLetterDocx, renderLetterPdf } from "../../platform/letters/index.js";
import { authorize } from "../../platform/permissions.js";
import { municipalityAddressee } from "../documents/feedback-letter.js";
import { getPlan } from "./plan-service.js";
import * as repo from "./repository.js";

/*
 * What publishing the visit plan produces (R2.9-1): an information letter to each municipality on the purpose and
 * process of the follow-up and its planned visits, from the county's template (its fixed texts, which a county
 * head edits); and the plan as an Excel sheet.
 */

export const DEFAULT_TEMPLATE = {
  purpose:
    "Länsstyrelsen följer upp kommunernas arbete med krisberedskap och civilt försvar enligt överenskommelsen mellan staten och Sveriges Kommuner och Regioner och lagen (2006:544) om kommuners och regioners åtgärder inför och vid extraordinära händelser i fredstid och höjd beredskap. Uppföljningen är ett stöd i kommunens arbete och ett underlag för länsstyrelsens samlade bedömning.",
  process:
    "Under mandatperioden följer länsstyrelsen upp kommunens styrande dokument, för en löpande dialog och genomför formella uppföljningsbesök med kommunens ledning. Vid besöket deltar beredskapssamordnaren, kommundirektören eller en annan ledande tjänsteperson och kommunstyrelsens ordförande eller ansvarigt kommunalråd. Efter besöket skickar länsstyrelsen ett protokoll med bedömningen och de åtgärder kommunen bör vidta.",
  closing: "Har ni frågor om uppföljningen är ni välkomna att kontakta länsstyrelsens handläggare för kommunen.",
};

const KIND_TEXT: Record<VisitKind, string> = {
  first:
    "Första besöket: risk- och sårbarhetsanalysen, styrdokumentet, utbildnings- och övningsplanen och planen för extraordinära händelser",
  later: "Senare besök: hur planerna följs, genomförda övningar och resultat",
  only: "Periodens besök: dokumenten och hur de följs",
};
const STATUS_TEXT: Record<VisitStatus, string> = {
  planned: "Planerat",
  held: "Genomfört",
  cancelled: "Inställt",
  protocolSent: "Genomfört, protokoll skickat",
};
const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
/** "mars 2028" for a month, the date itself for a day. */
const when = (planned: string) =>
  planned.length === 7 ? `${MONTHS[Number(planned.slice(5, 7)) - 1]} ${planned.slice(0, 4)}` : planned;

export async function getTemplate(db: Db, ctx: ActorContext, county: string) {
  authorize(ctx.actor, "visitPlans.read", { county });
  if (!(await repo.findCounty(db, county))) throw NotFound("Länet finns inte.");
  const row = await repo.findTemplate(db, county);
  return row
    ? { purpose: row.purpose, process: row.process, closing: row.closing, version: row.version, isDefault: false }
    : { ...DEFAULT_TEMPLATE, version: 0, isDefault: true };
}

export async function updateTemplate(
  db: Db,
  ctx: ActorContext,
  county: string,
  input: { purpose: string; process: string; closing: string; version: number },
) {
  authorize(ctx.actor, "visitPlans.editTemplate", { county });
  if (!(await repo.findCounty(db, county))) throw NotFound("Länet finns inte.");
  await db.transaction(async (tx) => {
    const row = await repo.findTemplate(tx, county, true);
    const current = row?.version ?? 0;
    if (current !== input.version)
      throw Conflict("Mallen har ändrats sedan du öppnade den. Ladda om och gör ändringen igen.", { version: current });
    const values = {
      purpose: input.purpose,
      process: input.process,
      closing: input.closing,
      version: current + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.id,
    };
    await repo.saveTemplate(tx, county, row !== undefined, values);
    await recordAudit(tx, ctx, {
      action: "visitPlans.updateTemplate",
      entityType: "visitLetterTemplate",
      entityId: null,
      after: { county, version: current + 1 },
    });
  });
  return getTemplate(db, ctx, county);
}

/** The information letter to one municipality: who may read the plan may read the letter of their municipality. */
export async function informationLetter(
  db: Db,
  ctx: ActorContext,
  county: string,
  municipality: string,
  query: { period?: number; format: "docx" | "pdf" },
) {
  const plan = await getPlan(db, ctx, county, query.period);
  const item = plan.items.find((i) => i.municipality.code === municipality);
  if (!item) throw NotFound("Kommunen finns inte i länets plan.");
  const countyRow = (await repo.findCounty(db, county))!;
  const template = await getTemplate(db, ctx, county);
  const visits = item.visits.filter((v) => v.status !== "cancelled");
  const letter: Letter = {
    sender: countyRow.board,
    recipient: municipalityAddressee(item.municipality.name),
    title: `Uppföljning av krisberedskap och civilt försvar ${plan.period}–${plan.period + 3}`,
    date: plan.publishedAt?.slice(0, 10) ?? ctx.clock.today(),
    references: [
      { label: "Kommun", value: `${item.municipality.name} (${item.municipality.code})` },
      { label: "Mandatperiod", value: `${plan.period}–${plan.period + 3}` },
      { label: "Besöksplanens revision", value: String(plan.revision) },
    ],
    sections: [
      { heading: "Syftet med uppföljningen", paragraphs: [template.purpose] },
      { heading: "Så går uppföljningen till", paragraphs: [template.process] },
      {
        heading: "Planerade uppföljningsbesök",
        paragraphs:
          visits.length === 0
            ? ["Inga besök är planerade ännu. Länsstyrelsen återkommer med tid."]
            : ["Länsstyrelsen planerar följande formella uppföljningsbesök. Exakt datum bokas med kommunen."],
        table: visits.length
          ? {
              columns: ["När", "Besök", "Status"],
              rows: visits.map((v) => [when(v.planned), KIND_TEXT[v.kind], STATUS_TEXT[v.status]]),
            }
          : undefined,
      },
      ...(template.closing ? [{ heading: "Frågor", paragraphs: [template.closing] }] : []),
    ],
    footer: plan.status === "draft" ? "Utkast – besöksplanen är inte publicerad." : undefined,
  };
  const format = query.format;
  return {
    content: format === "docx" ? await renderLetterDocx(letter) : await renderLetterPdf(letter),
    fileName: `informationsbrev-besok-${item.municipality.name}-${plan.period}.${format}`,
    mediaType:
      format === "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf",
  };
}

/** The plan as an Excel sheet: one row per visit, with the coverage above. */
export async function planWorkbook(db: Db, ctx: ActorContext, county: string, period?: number) {
  const plan = await getPlan(db, ctx, county, period);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  const sheet = wb.addWorksheet("Besöksplan", { views: [{ state: "frozen", ySplit: 4 }] });
  sheet.addRow([`Besöksplan ${plan.county.name} ${plan.period}–${plan.period + 3}`]).font = { bold: true, size: 13 };
  const c = plan.coverage;
  sheet.addRow([
    `${plan.status === "published" ? "Publicerad" : "Utkast"}, revision ${plan.revision}. Täckning: ${c.none} kommuner utan besök, ${c.one} med ett, ${c.twoOrMore} med två eller fler; ${c.held} hållna och ${c.planned} planerade besök.`,
  ]);
  sheet.addRow([]);
  const header = sheet.addRow(["Kommunkod", "Kommun", "Planerat", "Senast", "Slag", "Status", "Hölls", "Skäl"]);
  header.font = { bold: true };
  sheet.columns = [10, 24, 12, 12, 60, 12, 12, 60].map((width) => ({ width }));
  const items = [...plan.items].sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name));
  for (const i of items) {
    if (i.visits.length === 0) sheet.addRow([i.municipality.code, i.municipality.name, "", "", "Inget besök planerat"]);
    for (const v of i.visits)
      sheet.addRow([
        i.municipality.code,
        i.municipality.name,
        v.planned,
        plannedDueOn(v.planned),
        KIND_TEXT[v.kind],
        STATUS_TEXT[v.status],
        v.heldOn ?? "",
        v.reason,
      ]);
  }
  return {
    content: await writeWorkbook(wb),
    fileName: `besoksplan-${plan.county.code}-${plan.period}.xlsx`,
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}
