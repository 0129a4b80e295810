import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // Shared tables in db/schema, each feature's own in its folder. index.ts only re-exports them.
  schema: ["./server/src/db/schema/!(index).ts", "./server/src/features/*/schema.ts"],
  out: "./server/src/db/migrations",
});
