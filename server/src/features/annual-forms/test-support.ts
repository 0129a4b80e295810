import type { AnnualFormDefinition } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { exampleFormDefinition, exampleFormTitle } from "./example-form.js";
import { insertForm, nextNumber } from "./repository.js";

/*
 * For other features' tests: a published form of a year, inserted directly (no user, no audit). Defaults: the
 * example form, due 15 February and forwarded by 31 March of the following year.
 */
export async function insertPublishedForm(
  db: Executor,
  spec: { year: number; definition?: AnnualFormDefinition; deadline?: string; forwardingDeadline?: string },
): Promise<{ id: string; number: number }> {
  const now = new Date(`${spec.year}-12-01T09:00:00Z`);
  const row = await insertForm(db, {
    year: spec.year,
    number: await nextNumber(db, spec.year),
    status: "published",
    title: exampleFormTitle(spec.year),
    deadline: spec.deadline ?? `${spec.year + 1}-02-15`,
    forwardingDeadline: spec.forwardingDeadline ?? `${spec.year + 1}-03-31`,
    example: true,
    definition: spec.definition ?? exampleFormDefinition(spec.year),
    publishedAt: now,
    createdAt: now,
  });
  return { id: row.id, number: row.number };
}
