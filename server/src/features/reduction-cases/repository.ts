import type { Executor } from "../../db/client.js";
import { reductionCases } from "../../db/schema/index.js";

export async function insertCase(db: Executor, row: typeof reductionCases.$inferInsert): Promise<string> {
  const [created] = await db.insert(reductionCases).values(row).returning({ id: reductionCases.id });
  return created!.id;
}
