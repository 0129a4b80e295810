/*
 * One import point for every table, for repositories, the seeders and tests. Shared tables (reference data, users
 * and sessions, the audit log, OSL grounds and clearances) live here in `db/schema/`; a feature's own tables live in
 * its folder (`features/<feature>/schema.ts`) and are re-exported here. drizzle-kit finds both by glob
 * (`server/drizzle.config.ts`).
 */
export * from "./reference.js";
export * from "./users.js";
export * from "./audit.js";
export * from "./confidentiality.js";
export * from "../../features/documents/schema.js";
export * from "../../features/criteria/schema.js";
export * from "../../features/dialogue/schema.js";
export * from "../../features/early-warnings/schema.js";
export * from "../../features/document-requests/schema.js";
export * from "../../features/watch/schema.js";
export * from "../../features/national-rules/schema.js";
export * from "../../features/visits/schema.js";
export * from "../../features/protocols/schema.js";
export * from "../../features/economy/schema.js";
export * from "../../features/economic-reviews/schema.js";
export * from "../../features/annual-forms/schema.js";
export * from "../../features/annual-reports/schema.js";
export * from "../../features/annual-compilations/schema.js";
export * from "../../features/county-dialogues/schema.js";
export * from "../../features/statements/schema.js";
export * from "../../features/reduction-cases/schema.js";
export * from "../../features/auth/schema.js";
export * from "../../features/event-mails/schema.js";
