import { addDays, stockholmDayStart, yearOf } from "@uppsikt/core";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { compensationAmounts, statements, users } from "../../db/schema/index.js";
import type { Actor } from "../../platform/actor.js";
import { type Clock, fixedClock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import type { ActorContext } from "../../platform/http/context.js";
import { decide } from "../reduction-cases/service.js";
import { settleReductionCases } from "../reduction-cases/settle.js";
import { createNotice, createOpportunity } from "./opportunities-service.js";
import { approveStatement, createStatement, sendStatement } from "./service.js";

/*
 * Demo statements and reduction cases, through the same services as the app, one in each state:
 * - Tyresö (01): a draft on wrongful use (the Rakel purchase) whose chance to correct is still open;
 * - Värmdö (01): sent this spring, received before 30 April: this year's payment is withheld, the decision is due;
 * - Stenungsund (14): received in March 2025 and decided with a reduction of part 1 (the economy's reduced 2025);
 * - Södertälje (01): received in June 2025, repayment decided, legally final, the invoice made and not yet sent;
 * - Stockholm (01): the municipality notified savings it cannot use; the county raised it (initiated by the municipality).
 */

async function actorOf(db: Db, email: string): Promise<Actor | null> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) return null;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Actor["role"],
    county: u.countyCode,
    municipality: u.municipalityCode,
    countyHead: u.countyHead,
    readOnly: u.readOnly,
    sessionId: null,
  };
}

/** A clock at 10:00 Stockholm time on `day` (never after the real now). */
function clockOn(day: string, real: Clock): Clock {
  const at = new Date(stockholmDayStart(day).getTime() + 10 * 3_600_000);
  return at > real.now() ? real : fixedClock(at);
}

const OVERRIDE =
  "Bristerna har meddelats kommunen skriftligt i länsstyrelsens tillsynsskrivelse, som upprättades före Uppsikt och finns i länsstyrelsens diarium.";

async function part1Reduction(db: Db, code: string, year: number): Promise<{ part: string; amount: number }[]> {
  const rows = await db
    .select({ part: compensationAmounts.partCode, adjustment: compensationAmounts.adjustment })
    .from(compensationAmounts)
    .where(and(eq(compensationAmounts.municipalityCode, code), eq(compensationAmounts.year, year)));
  return rows.filter((r) => (r.adjustment ?? 0) > 0).map((r) => ({ part: r.part, amount: r.adjustment! }));
}

export async function seedDemoStatements(db: Db, clock: Clock): Promise<void> {
  const [officer01, head01, officer14, head14, agency, coordinator0180] = await Promise.all(
    [
      "lst01-handlaggare@uppsikt.example",
      "lst01@uppsikt.example",
      "lst14@uppsikt.example",
      "lst14-chef@uppsikt.example",
      "agency@uppsikt.example",
      "kommun0180@uppsikt.example",
    ].map((e) => actorOf(db, e)),
  );
  if (!officer01 || !head01 || !officer14 || !head14 || !agency || !coordinator0180) return;
  const today = clock.today();
  const year = yearOf(today);
  let n = 0;
  const on = (actor: Actor, day: string): ActorContext => ({
    actor,
    requestId: `demo-statements-${++n}`,
    clock: clockOn(day, clock),
  });
  const sent = async (
    draft: {
      officer: Actor;
      head: Actor;
      code: string;
      text: string;
      grounds: Parameters<typeof createStatement>[2]["grounds"];
    },
    day: string,
    registrationNumber: string,
    savingsNotice: string | null = null,
  ) => {
    const created = await createStatement(db, on(draft.officer, addDays(day, -7)), {
      municipality: draft.code,
      grounds: draft.grounds,
      text: draft.text,
      secretParts: [],
      actions: [],
      correctionOpportunities: [],
      savingsNotice,
    });
    const approved = await approveStatement(db, on(draft.head, addDays(day, -2)), created.id, created.version);
    return sendStatement(
      db,
      on(draft.head, day),
      created.id,
      {
        version: approved.version,
        registrationNumber,
        sentOn: day,
        override: approved.missing.length > 0 ? { reason: OVERRIDE } : null,
      },
      "MCF",
    );
  };

  // Tyresö: a draft with the chance to correct still open (a precondition missing).
  const chance = await createOpportunity(db, on(officer01, addDays(today, -12)), "0138", {
    description:
      "Kommunen har bokfört 180 000 kr för Rakelterminaler på ersättningen. Rakelutrustning får inte finansieras med ersättningen: boka om kostnaden eller förklara den.",
    offeredOn: addDays(today, -12),
    lapsesOn: addDays(today, 18),
  });
  await createStatement(db, on(officer01, addDays(today, -5)), {
    municipality: "0138",
    grounds: [
      {
        ground: "wrongfulUse",
        text: "Inköpet av Rakelterminaler 2025 har finansierats med ersättningen.",
        communicatedBy: [],
      },
    ],
    text: "Länsstyrelsen i Stockholms län bedömer att Tyresö kommun har använt ersättningen felaktigt och föreslår att Myndigheten för civilt försvar prövar om ersättningen ska återbetalas.",
    secretParts: [],
    actions: [],
    correctionOpportunities: [chance.id],
    savingsNotice: null,
  });

  // Värmdö: received before 30 April this year: the year's payment is withheld until the agency decides.
  const springDay = `${year}-04-14` < addDays(today, -14) ? `${year}-04-14` : addDays(today, -14);
  await sent(
    {
      officer: officer01,
      head: head01,
      code: "0120",
      grounds: [
        {
          ground: "repeatedFailure",
          text: "Åtgärderna från tillsynsbesöket har inte genomförts trots påminnelser.",
          communicatedBy: [],
        },
      ],
      text: "Värmdö kommun har under mandatperioden upprepade gånger inte genomfört de åtgärder som länsstyrelsen har påtalat. Länsstyrelsen föreslår att årets ersättning reduceras.",
    },
    springDay,
    `${yearOf(springDay)}-4521-12`,
  );

  // Stenungsund: received in March 2025 and decided with a reduction of part 1 (the economy demo's reduced part;
  // read before the case withholds the year's payment).
  const reduction = await part1Reduction(db, "1415", 2025);
  const stenungsund = await sent(
    {
      officer: officer14,
      head: head14,
      code: "1415",
      grounds: [
        { ground: "noRsaReport", text: "Risk- och sårbarhetsanalysen har inte redovisats.", communicatedBy: [] },
      ],
      text: "Stenungsunds kommun har inte redovisat någon risk- och sårbarhetsanalys enligt MSBFS 2015:5 för mandatperioden. Länsstyrelsen i Västra Götalands län föreslår att ersättningen reduceras.",
    },
    "2025-03-24",
    "2025-455-887",
  );
  if (stenungsund.reductionCase && reduction.length > 0)
    await decide(db, on(agency, "2025-05-28"), stenungsund.reductionCase.id, {
      outcome: "reduction",
      amount: reduction.reduce((sum, p) => sum + p.amount, 0),
      parts: reduction,
      performedShare: 0.9,
      reasoning:
        "Kommunen har utfört huvuddelen av uppgifterna enligt LEH men saknar en redovisad risk- och sårbarhetsanalys. Ersättningen för del 1 reduceras med en tiondel.",
      decidedOn: "2025-05-28",
      notifiedOn: "2025-05-30",
    });

  // Södertälje: received in June 2025 (after 30 April): a repayment, legally final, with its invoice.
  const sodertalje = await sent(
    {
      officer: officer01,
      head: head01,
      code: "0181",
      grounds: [
        {
          ground: "cannotAccount",
          text: "Kommunen kan inte redovisa hur ersättningen för 2024 har använts.",
          communicatedBy: [],
        },
      ],
      text: "Södertälje kommun har inte kunnat redovisa hur ersättningen har använts. Länsstyrelsen föreslår att kommunen återbetalar den del som inte kan redovisas.",
    },
    "2025-06-16",
    "2025-4521-31",
  );
  if (sodertalje.reductionCase)
    await decide(db, on(agency, "2025-10-01"), sodertalje.reductionCase.id, {
      outcome: "repayment",
      amount: 250_000,
      parts: null,
      performedShare: 0.75,
      reasoning:
        "Kommunen har inte kunnat styrka att 250 000 kr av årets ersättning har använts för uppgifterna enligt LEH. Beloppet ska återbetalas.",
      decidedOn: "2025-10-01",
      notifiedOn: "2025-10-03",
    });

  // Stockholm: savings the municipality cannot use, raised by the county (initiated by the municipality).
  const noticeDay = addDays(today, -75);
  const notice = await createNotice(db, on(coordinator0180, noticeDay), "0180", {
    text: "Stockholms stad har ett ackumulerat sparande som inte kan användas under mandatperioden, eftersom ledningscentralen byggs först 2028. Staden vill återbetala sparandet.",
    amount: 4_000_000,
  });
  await sent(
    {
      officer: officer01,
      head: head01,
      code: "0180",
      grounds: [],
      text: "Stockholms stad har meddelat länsstyrelsen att staden har ett sparande som den inte kan använda. Länsstyrelsen överlämnar ärendet till Myndigheten för civilt försvar.",
    },
    addDays(noticeDay, 14),
    `${yearOf(noticeDay)}-4521-77`,
    notice.id,
  );

  await settleReductionCases(db, clock);
}

export const statementsDemo: DemoStep = {
  name: "statements",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(statements))[0]?.n ?? 0) === 0,
  seed: seedDemoStatements,
};
