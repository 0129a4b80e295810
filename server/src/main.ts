import { appUrlWarning, loadConfig } from "./config.js";
import { buildApp } from "./app.js";
import { VERSION, openAndMigrate } from "./bootstrap.js";
import { DataDirLockedError } from "./db/lock.js";
import { runDemoSteps } from "./db/seed/demo-steps.js";
import { DEMO_PASSWORD, shownDemoAccounts, isEmpty } from "./db/seed/demo.js";
import { SERVER_FEATURES } from "./features/index.js";
import { loadNationalData } from "./db/seed/national.js";
import { fixedClock, systemClock } from "./platform/clock.js";
import { loggerOptions } from "./platform/logger.js";
import { createWatchRegistry } from "./platform/watch/registry.js";
import { startReminderJob } from "./features/watch/reminder-job.js";
import { startEventMailJob } from "./features/event-mails/job.js";

async function main() {
  const config = loadConfig();
  const clock = config.UPPSIKT_NOW ? fixedClock(config.UPPSIKT_NOW) : systemClock();
  const { database, lock } = await openAndMigrate(config, "server");
  await loadNationalData(database.db, clock, SERVER_FEATURES);

  const empty = await isEmpty(database.db);
  const lines: string[] = [];
  if (database.kind === "pglite" && config.DEMO_DATA) {
    // Each feature's demo step runs while its own tables are empty: a new feature's demo data reaches an existing ./data.
    const seeded = await runDemoSteps(database.db, clock, SERVER_FEATURES, (step) =>
      console.log(
        step === "accounts"
          ? "Tom databas: skapar demokonton och demodata (första starten tar ungefär en kvarts minut)…"
          : `Demodata: ${step}…`,
      ),
    );
    if (seeded.includes("accounts")) {
      lines.push("Demokonton (lösenord för alla: " + DEMO_PASSWORD + "):");
      for (const u of shownDemoAccounts()) lines.push(`  ${u.email.padEnd(38)} ${u.description}`);
    }
  } else if (empty) {
    lines.push("Databasen har inga användare. Skapa den första administratören:");
    lines.push('  npm run user:create -- --email du@example.se --name "Ditt Namn" --role admin');
  }

  // Made here rather than in buildApp so that the reminder job sees every feature's watch sources.
  const watch = createWatchRegistry();
  const app = await buildApp(
    { database, config, clock, version: VERSION, watch },
    {
      serveWeb: true,
      logger: loggerOptions(config),
    },
  );
  let reminders: ReturnType<typeof startReminderJob> = null;
  let eventMails: ReturnType<typeof startEventMailJob> | null = null;
  const shutdown = async () => {
    await reminders?.stop();
    await eventMails?.stop();
    await app.close();
    await database.close();
    lock?.release();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  await app.listen({ port: config.PORT, host: config.HOST });
  const where = database.kind === "pglite" ? `inbyggd PGlite i ${config.DATA_DIR}` : "PostgreSQL (DATABASE_URL)";
  console.log(`\nUppsikt ${VERSION} kör på http://localhost:${config.PORT} – databas: ${where}`);
  for (const line of lines) console.log(line);
  const appUrlProblem = appUrlWarning(config);
  if (appUrlProblem) console.warn(appUrlProblem);
  reminders = startReminderJob({ database, config, clock, watch }, app.log);
  eventMails = startEventMailJob({ database, config, clock }, app.log);
  console.log(
    !config.REMINDERS_ENABLED
      ? "Påminnelser: avstängda (REMINDERS_ENABLED=false)."
      : config.SMTP_HOST
        ? `Påminnelser: var ${config.REMINDER_INTERVAL_MINUTES}:e minut via SMTP (${config.SMTP_HOST}:${config.SMTP_PORT}).`
        : `Påminnelser: var ${config.REMINDER_INTERVAL_MINUTES}:e minut; ingen SMTP_HOST, e-post sparas i ${config.DATA_DIR}/outbox.`,
  );
}

main().catch((e) => {
  if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
