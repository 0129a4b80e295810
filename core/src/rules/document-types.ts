import type { DocumentTypeId } from "../contracts/documents.js";

/**
 * The identity and names of a required document (table 2.2 of the guidance), which documents reference. What it
 * requires (decision level, deadline, feedback) is national-rules data, versioned with its source.
 */
export interface DocumentTypeName {
  id: DocumentTypeId;
  name: string;
  nameEn: string;
  position: number;
}

/** Seeded as national reference data (`document_types`). */
export const DOCUMENT_TYPES: readonly DocumentTypeName[] = [
  {
    id: "rsa",
    name: "Risk- och sårbarhetsanalys (RSA)",
    nameEn: "Risk and vulnerability analysis (RSA)",
    position: 1,
  },
  {
    id: "steeringDocument",
    name: "Styrdokument för krisberedskap",
    nameEn: "Steering document for crisis preparedness",
    position: 2,
  },
  {
    id: "crisisBoardRules",
    name: "Reglemente för krisledningsnämnden",
    nameEn: "Rules for the crisis management board",
    position: 3,
  },
  {
    id: "emergencyPlan",
    name: "Plan för hantering av extraordinära händelser",
    nameEn: "Plan for handling extraordinary events",
    position: 4,
  },
  {
    id: "trainingAndExercisePlan",
    name: "Utbildnings- och övningsplan",
    nameEn: "Training and exercise plan",
    position: 5,
  },
];
