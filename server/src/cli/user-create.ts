import { randomBytes } from "node:crypto";
import { Role, UserCreate } from "@uppsikt/core";
import { createUser } from "../features/users/service.js";
import { systemActor } from "../platform/actor.js";
import { AppError } from "../platform/errors.js";
import { systemClock } from "../platform/clock.js";
import { parseCliArgs } from "./args.js";
import { runTool } from "./run.js";

const USAGE = `Användning: npm run user:create -- --email namn@example.se --role admin|agency|county|municipality
  [--name "Namn"] [--county 01] [--municipality 0180] [--county-head] [--read-only] [--password LÖSENORD]
Utan --password skapas ett slumpat lösenord som skrivs ut en gång.`;

let args;
try {
  args = parseCliArgs({
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    county: { type: "string" },
    municipality: { type: "string" },
    "county-head": { type: "boolean" },
    "read-only": { type: "boolean" },
    password: { type: "string" },
    help: { type: "boolean" },
  });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(1);
}
if (args.help || !args.email || !args.role) {
  console.error(USAGE);
  process.exit(args.help ? 0 : 1);
}
const role = Role.safeParse(args.role);
if (!role.success) {
  console.error(`Okänd roll "${args.role}". ${USAGE}`);
  process.exit(1);
}
const generated = !args.password;
const parsed = UserCreate.safeParse({
  email: args.email,
  name: args.name ?? args.email,
  role: role.data,
  county: args.county ?? null,
  municipality: args.municipality ?? null,
  countyHead: args["county-head"] ?? false,
  readOnly: args["read-only"] ?? false,
  password: args.password ?? randomBytes(12).toString("base64url"),
});
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(1);
}

await runTool("user:create", async ({ db }) => {
  try {
    const user = await createUser(db, { actor: systemActor, requestId: null, clock: systemClock() }, parsed.data);
    console.log(`Användaren ${user.email} (${user.role}) är skapad.`);
    if (generated) console.log(`Lösenord (visas bara nu): ${parsed.data.password}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
});
