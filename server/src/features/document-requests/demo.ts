import { createHash } from "node:crypto";
import { addDays, yearOf } from "@uppsikt/core";
import { count, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { documentRequestAnswers, documentRequestFiles, documentRequests, users } from "../../db/schema/index.js";
import { demoInstant as at } from "../../db/seed/demo-clock.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import { FONT, renderPdf } from "../../platform/letters/pdf-document.js";

/*
 * Requests for documents in the demo, relative to the clock (R2.5-4): one overdue to Stockholm, one answered with
 * a PDF by Göteborg, one due soon to Södertälje.
 */

const L01 = { johan: "lst01-handlaggare@uppsikt.example", sara: "lst01-handlaggare2@uppsikt.example" };
const L14 = { erik: "lst14@uppsikt.example" };
const FATIMA = "kommun1480@uppsikt.example";

interface RequestSeed {
  municipality: string;
  requestedBy: string;
  daysAgo: number;
  replyIn: number;
  subject: string;
  message: string;
  answer?: {
    by: string;
    daysAgo: number;
    message: string;
    file: { name: string; title: string; author: string; lines: string[] };
  };
  closedDaysAgo?: number;
}

/** The requests, with the compensation year they ask about: the year before the clock's. */
const requestsFor = (year: number): RequestSeed[] => [
  {
    municipality: "0180",
    requestedBy: L01.johan,
    daysAgo: 33,
    replyIn: 21,
    subject: `Underlag om kostnader för reservkraft ${year - 1}`,
    message: `Länsstyrelsen ber om specificerade underlag för de kostnader för reservkraft som redovisats mot ersättningen ${year - 1}: fakturor, beslut om investeringen och en beskrivning av hur den stärker krisberedskapen.`,
  },
  {
    municipality: "1480",
    requestedBy: L14.erik,
    daysAgo: 64,
    replyIn: 30,
    subject: "Protokoll från krisledningsnämndens övning",
    message: "Inför uppföljningen ber vi om protokollet och utvärderingen från krisledningsnämndens övning i våras.",
    answer: {
      by: FATIMA,
      daysAgo: 41,
      message:
        "Här kommer utvärderingen av övningen. Protokollet från nämndens sammanträde följer separat när det är justerat.",
      file: {
        name: "Utvärdering stabsövning krisledningsnämnden Göteborg.pdf",
        title: "Utvärdering av krisledningsnämndens stabsövning",
        author: "Göteborgs stad",
        lines: [
          "Övningen genomfördes med krisledningsnämnden och stadens centrala krisledning.",
          "Scenario: långvarigt elavbrott i centrala Göteborg under vintern.",
          "Styrkor: snabb aktivering av krisledningen och tydlig lägesbild.",
          "Utvecklingsområden: informationsdelning med regionen och ansvar för trygghetspunkter.",
        ],
      },
    },
  },
  {
    municipality: "0181",
    requestedBy: L01.sara,
    daysAgo: 40,
    replyIn: 54,
    subject: "Verifikationer för inköp av Rakelterminaler",
    message: `Skicka fakturor och beslut för de Rakelterminaler som bokförts mot ersättningen ${year - 1}, och hur kommunen avser att bokföra om kostnaden.`,
  },
];

function demoAnswerPdf(title: string, municipality: string, lines: string[]): Promise<Buffer> {
  return renderPdf({ margin: 60, info: { Title: title, Author: municipality } }, (doc) => {
    doc.font(FONT.bold).fontSize(16).text(title);
    doc.moveDown(0.5).font(FONT.regular).fontSize(10).text(`${municipality} – demoexempel med fiktiva uppgifter`);
    doc.moveDown();
    for (const line of lines) doc.fontSize(11).text(line).moveDown(0.5);
  });
}

/** Demo requests for documents; run after the demo users. */
export async function seedDemoDocumentRequests(db: Db, clock: Clock): Promise<void> {
  const emails = [...Object.values(L01), ...Object.values(L14), FATIMA];
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const requests = requestsFor(yearOf(clock.today()));
  const answerFiles = new Map<RequestSeed, Buffer>();
  for (const r of requests)
    if (r.answer)
      answerFiles.set(r, await demoAnswerPdf(r.answer.file.title, r.answer.file.author, r.answer.file.lines));
  await db.transaction(async (tx) => {
    const requestCount = await seedRequests(tx, clock, requests, idOf, answerFiles);
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      { action: "demo.seed", entityType: "documentRequest", after: { documentRequests: requestCount } },
    );
  });
}

async function seedRequests(
  tx: Tx,
  clock: Clock,
  requests: RequestSeed[],
  idOf: (email: string) => string | undefined,
  files: Map<RequestSeed, Buffer>,
): Promise<number> {
  let n = 0;
  for (const r of requests) {
    const requestedBy = idOf(r.requestedBy);
    if (!requestedBy) continue;
    const answeredBy = r.answer ? idOf(r.answer.by) : undefined;
    const answeredAt = r.answer && answeredBy ? at(clock, r.answer.daysAgo, 13) : null;
    const [row] = await tx
      .insert(documentRequests)
      .values({
        municipalityCode: r.municipality,
        subject: r.subject,
        message: r.message,
        replyBy: addDays(clock.today(), -r.daysAgo + r.replyIn),
        requestedBy,
        requestedAt: at(clock, r.daysAgo, 10),
        answeredAt,
        closedAt: r.closedDaysAgo !== undefined ? at(clock, r.closedDaysAgo, 15) : null,
      })
      .returning({ id: documentRequests.id });
    n++;
    const content = files.get(r);
    if (!r.answer || !answeredBy || !answeredAt || !content) continue;
    const [answer] = await tx
      .insert(documentRequestAnswers)
      .values({ requestId: row!.id, message: r.answer.message, answeredBy, answeredAt })
      .returning({ id: documentRequestAnswers.id });
    await tx.insert(documentRequestFiles).values({
      answerId: answer!.id,
      fileName: r.answer.file.name,
      mediaType: "application/pdf",
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
      createdAt: answeredAt,
    });
  }
  return n;
}

/** The document requests' demo step: runs while no request is recorded. */
export const documentRequestsDemo: DemoStep = {
  name: "document-requests",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(documentRequests))[0]?.n ?? 0) === 0,
  seed: seedDemoDocumentRequests,
};
