import { describe, expect, it } from "vitest";
import type { DocumentTypeId } from "../contracts/documents.js";
import { type CriteriaAreaFacts, proposeCriteria, untouchedAreas } from "./visit-criteria.js";

const c = (code: string, tier: "basic" | "quality", ...documentTypes: DocumentTypeId[]) => ({
  code,
  tier,
  documentTypes,
});
const AREAS: CriteriaAreaFacts[] = [
  { code: "RSA", criteria: [c("RSA-1", "basic", "rsa"), c("RSA-2", "quality", "rsa"), c("RSA-3", "quality")] },
  { code: "LED", criteria: [c("LED-1", "quality"), c("LED-2", "basic")] },
  { code: "OVN", criteria: [c("OVN-1", "basic", "trainingAndExercisePlan"), c("OVN-2", "quality")] },
  { code: "KLN", criteria: [c("KLN-1", "basic", "crisisBoardRules")] },
];
const FIRST = ["rsa", "steeringDocument", "trainingAndExercisePlan", "emergencyPlan"] as const;

describe("visit criteria", () => {
  it("[R2.7-6] lists the areas with no selected criterion until every area is touched", () => {
    expect(untouchedAreas(AREAS, [])).toEqual(["RSA", "LED", "OVN", "KLN"]);
    expect(untouchedAreas(AREAS, ["rsa-2", "LED-1"])).toEqual(["OVN", "KLN"]);
    expect(untouchedAreas(AREAS, ["RSA-1", "LED-2", "OVN-2", "KLN-1"])).toEqual([]);
  });

  it("[R2.7-4] first of two: the document criteria plus one per remaining area (a basic requirement first)", () => {
    expect(proposeCriteria("first", AREAS, FIRST)).toEqual(["RSA-1", "RSA-2", "LED-2", "OVN-1", "KLN-1"]);
  });

  it("[R2.7-4] later: the criteria not tied to documents", () => {
    expect(proposeCriteria("later", AREAS, FIRST)).toEqual(["RSA-3", "LED-1", "LED-2", "OVN-2"]);
  });

  it("[R2.7-4] only: the first visit's set plus one criterion not tied to documents per area", () => {
    expect(proposeCriteria("only", AREAS, FIRST)).toEqual([
      "RSA-1",
      "RSA-2",
      "RSA-3",
      "LED-2",
      "OVN-1",
      "OVN-2",
      "KLN-1",
    ]);
  });
});
