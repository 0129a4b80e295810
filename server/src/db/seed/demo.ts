import { count, eq } from "drizzle-orm";
import type { Role } from "@uppsikt/core";
import type { Db } from "../client.js";
import { municipalities, users } from "../schema/index.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";

export const DEMO_PASSWORD = "uppsikt-demo";

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  county?: string;
  municipality?: string;
  countyHead?: boolean;
  readOnly?: boolean;
  /** Shown on the console at start. */
  describe?: string;
}

/** The demo accounts shown to people (the start banner, `npm run demo`, the login page), with what each is. */
export const shownDemoAccounts = () =>
  DEMO_USERS.flatMap((u) => (u.describe ? [{ email: u.email, description: u.describe }] : []));

export const DEMO_USERS: DemoUser[] = [
  { email: "agency@uppsikt.example", name: "Per Andersson", role: "agency", describe: "handläggare vid MCF" },
  {
    email: "lst01@uppsikt.example",
    name: "Karin Lindqvist",
    role: "county",
    county: "01",
    countyHead: true,
    describe: "enhetschef, Länsstyrelsen i Stockholms län",
  },
  { email: "lst01-handlaggare@uppsikt.example", name: "Johan Bergström", role: "county", county: "01" },
  { email: "lst01-handlaggare2@uppsikt.example", name: "Sara Nyström", role: "county", county: "01" },
  {
    email: "lst14@uppsikt.example",
    name: "Erik Holmgren",
    role: "county",
    county: "14",
    describe: "handläggare, Länsstyrelsen i Västra Götalands län",
  },
  {
    email: "lst14-chef@uppsikt.example",
    name: "Lena Åkesson",
    role: "county",
    county: "14",
    countyHead: true,
    describe: "enhetschef, Länsstyrelsen i Västra Götalands län",
  },
  { email: "lst14-handlaggare@uppsikt.example", name: "Maria Sjöberg", role: "county", county: "14" },
  { email: "lst14-handlaggare2@uppsikt.example", name: "Ahmed Karimi", role: "county", county: "14" },
  {
    email: "kommun0180@uppsikt.example",
    name: "Anders Wikström",
    role: "municipality",
    municipality: "0180",
    describe: "beredskapssamordnare, Stockholms stad",
  },
  {
    email: "kommun0180-ledning@uppsikt.example",
    name: "Eva Strand",
    role: "municipality",
    municipality: "0180",
    readOnly: true,
    describe: "kommundirektör, Stockholms stad (läsbehörighet)",
  },
  {
    email: "kommun1480@uppsikt.example",
    name: "Fatima Haddad",
    role: "municipality",
    municipality: "1480",
    describe: "beredskapssamordnare, Göteborgs stad",
  },
  { email: "admin@uppsikt.example", name: "Systemadministratör", role: "admin", describe: "systemadministratör" },
];

const countyOf = (municipality: string) => municipality.slice(0, 2);

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

/** Demo accounts and assignments; only on an empty embedded database. */
export async function seedDemo(db: Db, clock: Clock): Promise<DemoUser[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ctx = { actor: systemActor, requestId: null, clock };
    const created = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          countyCode: u.county ?? (u.municipality ? countyOf(u.municipality) : null),
          municipalityCode: u.municipality ?? null,
          countyHead: u.countyHead ?? false,
          readOnly: u.readOnly ?? false,
          passwordHash,
        })),
      )
      .returning();
    for (const u of created) {
      await recordAudit(tx, ctx, {
        action: "users.create",
        entityType: "user",
        entityId: u.id,
        after: { email: u.email, role: u.role, countyCode: u.countyCode, municipalityCode: u.municipalityCode },
      });
    }
    // Every municipality in the two demo counties gets a responsible officer, shared round-robin.
    for (const county of ["01", "14"]) {
      const officers = created.filter((u) => u.role === "county" && u.countyCode === county && !u.countyHead);
      const list = await tx
        .select({ code: municipalities.code })
        .from(municipalities)
        .where(eq(municipalities.countyCode, county))
        .orderBy(municipalities.code);
      for (const [i, m] of list.entries()) {
        const officer = officers[i % officers.length]!;
        await tx
          .update(municipalities)
          .set({ responsibleOfficerId: officer.id })
          .where(eq(municipalities.code, m.code));
      }
      await recordAudit(tx, ctx, {
        action: "municipalities.assignOfficer",
        entityType: "county",
        entityId: county,
        after: { municipalities: list.length, officers: officers.map((o) => o.email) },
      });
    }
  });
  return DEMO_USERS;
}

/** A demo database: one whose accounts are the demo accounts. Feature steps seed only such a database. */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, DEMO_USERS[0]!.email));
  return Number(row?.n ?? 0) > 0;
}

/** The platform's demo step, before every feature's: the demo accounts and responsible officers. */
export const accountsDemo: DemoStep = {
  name: "accounts",
  isEmpty,
  seed: async (db, clock) => {
    await seedDemo(db, clock);
  },
};
