import { and, asc, count, eq, like } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users, visitProtocols, visits } from "../../db/schema/index.js";
import type { Actor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { ActorContext } from "../../platform/http/context.js";
import type { DemoStep } from "../../platform/feature.js";
import { approve, comment, correct, saveProtocolFields, send, startFactualReview } from "./service.js";

/*
 * Demo protocols, through the same service as the app: in Stockholms län, Stockholm's earlier held visit has a sent
 * protocol with a secret appendix and its latest is out for factual review with the coordinator's comment; another
 * municipality's protocol was sent and then corrected once.
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

const fields = (name: string, secret: boolean) => ({
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
      due: "2027-03-31",
      followUp: "Länsstyrelsen granskar kompletteringen och tar upp den vid nästa dialogmöte.",
    },
    {
      text: "Ta fram en övningsplan för krisledningsnämnden för resten av mandatperioden.",
      due: "2027-06-30",
      followUp: "Kommunen redovisar planen till länsstyrelsen.",
    },
    ...(secret
      ? [
          {
            text: "Säkra reservkraft för vattenverket för minst 72 timmar.",
            due: "2027-09-30",
            followUp: "Redovisning vid länsstyrelsens tillsyn.",
            confidentialBasis: OSL,
          },
        ]
      : []),
  ],
  actionPlanDue: "2027-01-31",
});

async function seedProtocols(db: Db, clock: Clock) {
  const [head, officer, coordinator] = await Promise.all([
    actorOf(db, "lst01@uppsikt.example"),
    actorOf(db, "lst01-handlaggare@uppsikt.example"),
    actorOf(db, "kommun0180@uppsikt.example"),
  ]);
  if (!head || !officer) return;
  const ctx = (actor: Actor): ActorContext => ({ actor, requestId: null, clock });
  const held = await db
    .select({ id: visits.id, code: visits.municipalityCode, heldOn: visits.heldOn })
    .from(visits)
    .where(and(eq(visits.status, "held"), like(visits.municipalityCode, "01%")))
    .orderBy(asc(visits.heldOn));
  const stockholm = held.filter((v) => v.code === "0180");
  const other = held.find((v) => v.code !== "0180");
  const sentOn = (heldOn: string | null) => {
    const d = new Date(`${heldOn}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 21);
    const iso = d.toISOString().slice(0, 10);
    return iso > clock.today() ? clock.today() : iso;
  };
  const write = async (id: string, code: string, name: string, secret: boolean) =>
    db.transaction((tx) =>
      saveProtocolFields(tx, ctx(officer), { id, countyCode: "01", municipalityCode: code }, fields(name, secret)),
    );
  const sendOne = async (v: { id: string; heldOn: string | null }, no: string) => {
    await approve(db, ctx(head), v.id, {});
    await send(db, ctx(officer), v.id, { registrationNumber: no, sentOn: sentOn(v.heldOn) });
  };
  if (stockholm.length >= 1) {
    const first = stockholm[0]!;
    await write(first.id, "0180", "Stockholm", true);
    await sendOne(first, "451-10412-2025");
  }
  if (other) {
    await write(other.id, other.code, "Kommunen", false);
    await sendOne(other, "451-10977-2025");
    await correct(db, ctx(officer), other.id, { reason: "Åtgärd 2 hade fel sista dag; rätt är 2027-06-30." });
    await sendOne(other, "451-10977-2025");
  }
  if (stockholm.length >= 2 && coordinator) {
    const latest = stockholm.at(-1)!;
    await write(latest.id, "0180", "Stockholm", false);
    await startFactualReview(db, ctx(officer), latest.id, {});
    await comment(db, ctx(coordinator), latest.id, {
      text: "Övningen av krisledningsnämnden hölls i oktober, inte i september som det står under Det som fungerar väl.",
    });
  }
}

export const protocolsDemo: DemoStep = {
  name: "protocols",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(visitProtocols))[0]?.n ?? 0) === 0,
  seed: seedProtocols,
};
