import type { Db } from "../client.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep, ServerFeature } from "../../platform/feature.js";
import { accountsDemo, isDemoDatabase } from "./demo.js";

/** The demo steps in order: the platform's accounts first, then each feature's, in the order of the feature list. */
export function demoSteps(features: readonly ServerFeature[]): DemoStep[] {
  return [accountsDemo, ...features.flatMap((f) => (f.demo ? [f.demo] : []))];
}

/**
 * Runs every demo step whose own tables are empty; the caller decides that demo data is wanted (embedded database,
 * DEMO_DATA=true). Feature steps run only on a demo database (the demo accounts exist), never on one whose users were
 * created by hand. Returns the names of the steps that ran.
 */
export async function runDemoSteps(
  db: Db,
  clock: Clock,
  features: readonly ServerFeature[],
  onStep: (name: string) => void = () => {},
): Promise<string[]> {
  const ran: string[] = [];
  for (const step of demoSteps(features)) {
    if (step !== accountsDemo && !(await isDemoDatabase(db))) break;
    if (!(await step.isEmpty(db))) continue;
    onStep(step.name);
    await step.seed(db, clock);
    ran.push(step.name);
  }
  return ran;
}
