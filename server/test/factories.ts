import { randomUUID } from "node:crypto";
import type { Role } from "@uppsikt/core";
import { eq } from "drizzle-orm";
import type { Executor } from "../src/db/client.js";
import { municipalities, users } from "../src/db/schema/index.js";
import { createSession } from "../src/platform/auth/sessions.js";

/** Not a valid argon2 hash: factory users log in through sessions, never with a password. */
export const NO_PASSWORD = "factory-user-without-password";

export interface UserSpec {
  role: Role;
  county?: string | null;
  municipality?: string | null;
  countyHead?: boolean;
  readOnly?: boolean;
  active?: boolean;
  name?: string;
  email?: string;
  passwordHash?: string;
}

export async function buildUser(db: Executor, spec: UserSpec) {
  const id = randomUUID();
  const [row] = await db
    .insert(users)
    .values({
      id,
      email: spec.email ?? `${spec.role}-${id.slice(0, 8)}@test.example`,
      name: spec.name ?? `Testanvändare ${id.slice(0, 4)}`,
      role: spec.role,
      countyCode: spec.county ?? (spec.municipality ? spec.municipality.slice(0, 2) : null),
      municipalityCode: spec.municipality ?? null,
      countyHead: spec.countyHead ?? false,
      readOnly: spec.readOnly ?? false,
      active: spec.active ?? true,
      passwordHash: spec.passwordHash ?? NO_PASSWORD,
    })
    .returning();
  return row!;
}

/** A logged-in session straight from the database (no argon2 round trip). */
export async function sessionFor(db: Executor, userId: string, now = new Date(), ttlHours = 8): Promise<string> {
  const { token } = await createSession(db, userId, now, ttlHours);
  return token;
}

export async function setResponsibleOfficer(db: Executor, municipality: string, userId: string | null) {
  await db.update(municipalities).set({ responsibleOfficerId: userId }).where(eq(municipalities.code, municipality));
}
