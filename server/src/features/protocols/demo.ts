import { addDays } from "@uppsikt/core";
import { and, asc, count, eq, like } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users, visitProtocols, visits } from "../../db/schema/index.js";
import type { Actor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { ActorContext } from "../../platform/http/context.js";
import type { DemoStep } from "../../platform/feature.js";
import { findActionsOfVisit } from "./actions-repository.js";
import { createAction, patchAction, reportAction } from "./actions-service.js";
import { approve, comment, correct, saveProtocolFields, send, startFactualReview } from "./service.js";

/*
 * Demo protocols, through the same service as the app: in Stockholms län, Stockholm's latest held visit has a sent
 * protocol with a secret appendix and an action plan in every state, the one before it a draft out for factual
 * review with the coordinator's comment; another municipality's protocol was sent and then corrected once. Stockholm's
 * visits of the previous period are left without protocols (the end-to-end story writes one).
 */

const OSL = "18 kap. 13 § OSL";

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

const fields = (name: string, secret: boolean, today: string) => ({
  worksWell: `${name} har en aktiv krisledningsnämnd som övar regelbundet, och beredskapssamordnaren har god förankring hos kommundirektören.`,
  deficiencies: [
    { text: "Risk- och sårbarhetsanalysen beskriver inte beroenden av el och elektroniska kommunikationer." },
    ...(secret
      ? [{ text: "Reservkraften vid kommunens vattenverk räcker inte ett dygn.", confidentialBasis: OSL }]
      : []),
  ],
  measures: [
    {
      text: "Komplettera risk- och sårbarhetsanalysen med beroenden av el och elektroniska kommunikationer.",
      due: addDays(today, -20),
      followUp: "Länsstyrelsen granskar kompletteringen och tar upp den vid nästa dialogmöte.",
    },
    {
      text: "Ta fram en övningsplan för krisledningsnämnden för resten av mandatperioden.",
      due: addDays(today, 60),
      followUp: "Kommunen redovisar planen till länsstyrelsen.",
    },
    ...(secret
      ? [
          {
            text: "Säkra reservkraft för vattenverket för minst 72 timmar.",
            due: addDays(today, 150),
            followUp: "Redovisning vid länsstyrelsens tillsyn.",
            confidentialBasis: OSL,
          },
        ]
      : []),
  ],
  actionPlanDue: addDays(today, 30),
});

/**
 * Stockholm's action plan in every state: the first measure overdue and untouched, the second reported done and
 * verified, the confidential one reported and sent back; of the coordinator's own actions one is in progress and one
 * reported done, awaiting the county's verification.
 */
async function seedActions(
  db: Db,
  ctx: (actor: Actor) => ActorContext,
  coordinator: Actor,
  officer: Actor,
  visitId: string,
) {
  const [, second, third] = (await findActionsOfVisit(db, visitId)).sort((a, b) => a.due.localeCompare(b.due));
  const reportDone = async (id: string, version: number, comment: string) => {
    const started = await patchAction(db, ctx(coordinator), id, { version, status: "inProgress" });
    return reportAction(db, ctx(coordinator), started.id, { fields: { comment }, files: [] });
  };
  if (second) {
    const reported = await reportDone(
      second.id,
      second.version,
      "Övningsplanen för krisledningsnämnden är beslutad av kommunstyrelsen.",
    );
    await patchAction(db, ctx(officer), second.id, { version: reported.version, status: "verified" });
  }
  if (third) {
    const reported = await reportDone(third.id, third.version, "Reservkraften är upphandlad.");
    await patchAction(db, ctx(officer), third.id, {
      version: reported.version,
      status: "inProgress",
      comment: "Upphandlingen räcker inte: reservkraften ska vara installerad och provkörd.",
    });
  }
  const own = async (text: string, due: string) =>
    createAction(db, ctx(coordinator), "0180", { text, owner: { userId: coordinator.id }, due, visitId });
  const training = await own(
    "Utbilda krisledningsnämndens ledamöter i stabsmetodik.",
    addDays(ctx(coordinator).clock.today(), 90),
  );
  await patchAction(db, ctx(coordinator), training.id, { version: training.version, status: "inProgress" });
  const contacts = await own(
    "Uppdatera kontaktlistan för tjänsteman i beredskap.",
    addDays(ctx(coordinator).clock.today(), 10),
  );
  await reportDone(contacts.id, contacts.version, "Kontaktlistan är uppdaterad och publicerad på intranätet.");
}

async function seedProtocols(db: Db, clock: Clock) {
  const [head, officer, coordinator] = await Promise.all([
    actorOf(db, "lst01@uppsikt.example"),
    actorOf(db, "lst01-handlaggare@uppsikt.example"),
    actorOf(db, "kommun0180@uppsikt.example"),
  ]);
  if (!head || !officer) return;
  const ctx = (actor: Actor): ActorContext => ({ actor, requestId: null, clock });
  const held = await db
    .select({
      id: visits.id,
      code: visits.municipalityCode,
      heldOn: visits.heldOn,
      period: visits.period,
      kind: visits.kind,
    })
    .from(visits)
    .where(and(eq(visits.status, "held"), like(visits.municipalityCode, "01%")))
    .orderBy(asc(visits.heldOn));
  // Stockholm's visits of the current period (the latest two held); the one before them is left for a new protocol.
  const stockholm = held.filter((v) => v.code === "0180").slice(-2);
  const other = held.find((v) => v.code !== "0180");
  const sentOn = (heldOn: string | null) => {
    const d = new Date(`${heldOn}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 21);
    const iso = d.toISOString().slice(0, 10);
    return iso > clock.today() ? clock.today() : iso;
  };
  const write = async (id: string, code: string, name: string, secret: boolean) =>
    db.transaction((tx) =>
      saveProtocolFields(
        tx,
        ctx(officer),
        { id, countyCode: "01", municipalityCode: code },
        fields(name, secret, clock.today()),
      ),
    );
  const sendOne = async (v: { id: string; heldOn: string | null }, no: string) => {
    await approve(db, ctx(head), v.id, {});
    await send(db, ctx(officer), v.id, { registrationNumber: no, sentOn: sentOn(v.heldOn) });
  };
  if (stockholm.length >= 2) {
    const latest = stockholm[1]!;
    await write(latest.id, "0180", "Stockholm", true);
    await sendOne(latest, "451-10412-2025");
    if (coordinator) await seedActions(db, ctx, coordinator, officer, latest.id);
  }
  if (other) {
    await write(other.id, other.code, "Kommunen", false);
    await sendOne(other, "451-10977-2025");
    await correct(db, ctx(officer), other.id, { reason: "Åtgärd 2 hade fel formulering om uppföljningen." });
    await sendOne(other, "451-10977-2025");
  }
  if (stockholm.length >= 2 && coordinator) {
    const earlier = stockholm[0]!;
    await write(earlier.id, "0180", "Stockholm", false);
    await startFactualReview(db, ctx(officer), earlier.id, {});
    await comment(db, ctx(coordinator), earlier.id, {
      text: "Övningen av krisledningsnämnden hölls i oktober, inte i september som det står under Det som fungerar väl.",
    });
  }
}

export const protocolsDemo: DemoStep = {
  name: "protocols",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(visitProtocols))[0]?.n ?? 0) === 0,
  seed: seedProtocols,
};
