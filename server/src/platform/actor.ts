import type { Role } from "@uppsikt/core";

/** Who is making a request: passed whole to services and permission checks. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  county: string | null;
  municipality: string | null;
  countyHead: boolean;
  readOnly: boolean;
  sessionId: string | null;
}

/** The system itself (start-up seeding, scheduled jobs). */
export const systemActor: Actor = {
  id: "system",
  email: "system",
  name: "Uppsikt",
  role: "admin",
  county: null,
  municipality: null,
  countyHead: false,
  readOnly: false,
  sessionId: null,
};
