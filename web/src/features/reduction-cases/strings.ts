/** Strings of the agency's reduction cases (features/reduction-cases). */
export const reductionCasesSv = {
  nav: "Ärenden om ersättning",
};

export const reductionCasesEn: typeof reductionCasesSv = {
  nav: "Compensation cases",
};

declare module "../../i18n/featureStrings" {
  interface FeatureStrings {
    reductionCases: typeof reductionCasesSv;
  }
}
