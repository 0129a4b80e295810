import { defaultAnnualReportDeadline, defaultForwardingDeadline, yearOf } from "@uppsikt/core";
import { count } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { systemActor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { exampleFormDefinition, exampleFormDefinitionPrevious, exampleFormTitle } from "./example-form.js";
import { insertForm } from "./repository.js";
import { annualForms } from "./schema.js";

/*
 * The yearly forms in the demo (issue 14 § 7), following the clock: the example forms of last year and this year,
 * published by the system (with the clock of 2026-11-27: 2025 and 2026). Last year's form has two questions fewer
 * and one worded differently, with the same keys, so trends across the years follow the stable keys.
 */

async function seedDemoAnnualForms(db: Db, clock: Clock) {
  const today = clock.today();
  const year = yearOf(today);
  const { rules } = await nationalRulesReader(db).on(today);
  const ctx = { actor: systemActor, requestId: null, clock };
  await db.transaction(async (tx) => {
    for (const [y, definition] of [
      [year - 1, exampleFormDefinitionPrevious(year - 1)],
      [year, exampleFormDefinition(year)],
    ] as const) {
      const now = clock.now();
      const row = await insertForm(tx, {
        year: y,
        number: 1,
        status: "published",
        title: exampleFormTitle(y),
        deadline: defaultAnnualReportDeadline(y, rules.annualReportDeadline.value),
        forwardingDeadline: defaultForwardingDeadline(y, rules.countyForwardingDeadline.value),
        example: true,
        definition,
        publishedAt: now,
        createdAt: now,
      });
      await recordAudit(tx, ctx, {
        action: "annualForms.publish",
        entityType: "annualForm",
        entityId: row.id,
        after: { year: y, number: 1, title: row.title, example: true },
      });
    }
  });
}

export const annualFormsDemo: DemoStep = {
  name: "annual-forms",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(annualForms))[0]?.n ?? 0) === 0,
  seed: seedDemoAnnualForms,
};
