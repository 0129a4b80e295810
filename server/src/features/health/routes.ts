import { Health } from "@uppsikt/core";
import { sql } from "drizzle-orm";
import type { App, Deps } from "../../platform/http/types.js";

export function register(app: App, { database, version }: Deps) {
  app.get(
    "/api/health",
    { schema: { tags: ["Drift"], summary: "Hälsokontroll", response: { 200: Health } } },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: "ok" as const, database: database.kind, version };
    },
  );
}
