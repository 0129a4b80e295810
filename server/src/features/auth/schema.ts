import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The address of an account-wide counter (every address), and the e-mail of an address-wide counter (every account). */
export const ANY = "*";

/**
 * Login throttling counters, one row per key, counted and decided under a row lock in one transaction (see
 * `repository.ts`). Three kinds of key:
 * - (email, address): failed logins of one account from one address; after the configured number the pair waits a
 *   delay that doubles with each further failure;
 * - (email, "*"): failed logins of one account from every address within 24 hours; after the configured number the
 *   delay applies from every address;
 * - ("*", address): all login attempts from one address within the rate-limit window.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    id: uuid("id").notNull().defaultRandom().unique(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    /** Failed attempts (for ("*", address): every attempt) since windowStart. */
    failures: integer("failures").notNull().default(0),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] }), index("login_throttles_blocked_idx").on(t.blockedUntil)],
);
