import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every setting the server reads from the environment. `.env.example` mirrors this. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe("HTTP port"),
  HOST: z.string().default("0.0.0.0").describe("Address to listen on"),
  DATA_DIR: z.string().default("./data").describe("Folder of the embedded database, its lock file and outgoing files"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL ska börja med postgres:// eller postgresql://")
    .optional()
    .describe("PostgreSQL connection string; when set, the embedded PGlite database is not used"),
  AGENCY_NAME: z.string().min(1).default("MCF").describe("Display name of the national agency"),
  DEMO_DATA: bool.default(true).describe("Create demo accounts and data on an empty embedded database"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(8)
    .describe("Session lifetime"),
  COOKIE_SECURE: bool.default(false).describe("Mark cookies Secure (set true behind HTTPS)"),
  TRUST_PROXY: bool.default(false).describe("Trust X-Forwarded-For for the client address"),
  LOGIN_THROTTLE_PAIR_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe("Failed logins of one account from one address before that pair waits a doubling delay"),
  LOGIN_THROTTLE_ACCOUNT_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100)
    .describe("Failed logins of one account within 24 hours before the delay applies from every address"),
  LOGIN_THROTTLE_BASE_SECONDS: z.coerce
    .number()
    .min(0.001)
    .default(30)
    .describe("The first delay; it doubles with each further failure"),
  LOGIN_THROTTLE_MAX_MINUTES: z.coerce.number().min(0.001).default(15).describe("The longest delay"),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  LOGIN_WINDOW_MINUTES: z.coerce.number().min(1).default(15),
  FEEDBACK_WAIT_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe(
      "Deprecated: overrides the national rules' feedback wait (days). Unset, the value comes from the national rules (default 60).",
    ),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REMINDERS_ENABLED: bool.default(true).describe("Run the scheduled job that e-mails reminders of watched dates"),
  REMINDER_INTERVAL_MINUTES: z.coerce
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(10)
    .describe("Minutes between runs of the reminder job (it also runs once at start)"),
  REMINDER_CATCH_UP_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(14)
    .describe("An overdue reminder missed while the server was down is still sent this many days after the date"),
  SMTP_HOST: z.string().optional().describe("SMTP server for outgoing mail; unset: mail is written to DATA_DIR/outbox"),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587).describe("SMTP port"),
  SMTP_SECURE: bool
    .default(false)
    .describe("Connect with TLS from the start (port 465); otherwise STARTTLS when offered"),
  SMTP_USER: z.string().optional().describe("SMTP user name (no authentication when unset)"),
  SMTP_PASSWORD: z.string().optional().describe("SMTP password"),
  MAIL_FROM: z.string().min(3).default("Uppsikt <no-reply@uppsikt.example>").describe("Sender of outgoing mail"),
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, "APP_URL ska vara en adress som börjar med http:// eller https://")
    .optional()
    .describe("The app's public address, for links in mail and calendar feeds; default http://localhost:PORT"),
  UPPSIKT_NOW: z
    .string()
    .datetime({ offset: true, message: "UPPSIKT_NOW ska vara en ISO-tidpunkt, t.ex. 2026-11-27T09:00:00+01:00" })
    .optional()
    .describe("Freeze the clock at this instant (demos and end-to-end tests)"),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, "APP_URL"> & {
  /** Always set: from the environment, or http://localhost:PORT. */
  APP_URL: string;
  /** Whether APP_URL came from the environment. */
  APP_URL_SET: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === "" ? [] : [[k, env[k]]])),
  );
  const result = ConfigSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Felaktig konfiguration:\n${lines.join("\n")}`);
  }
  const data = result.data;
  return {
    ...data,
    DATA_DIR: path.resolve(data.DATA_DIR),
    APP_URL: (data.APP_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, ""),
    APP_URL_SET: data.APP_URL !== undefined,
  };
}

/**
 * A warning when APP_URL was set and names another port than the one the server listens on, so that links in mail
 * and the calendar feed would point elsewhere (behind a reverse proxy that can be right: hence a warning only).
 */
export function appUrlWarning(config: Pick<Config, "APP_URL" | "APP_URL_SET" | "PORT">): string | null {
  if (!config.APP_URL_SET) return null;
  const url = new URL(config.APP_URL);
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (!local || port === config.PORT) return null;
  return `Varning: APP_URL (${config.APP_URL}) pekar på port ${port} men servern lyssnar på port ${config.PORT}; länkar i e-post och kalenderflöden kan bli fel.`;
}
