/** Strings of the county's statements to the agency (features/statements). */
export const statementsSv = {
  tab: "Yttranden",
};

export const statementsEn: typeof statementsSv = {
  tab: "Statements",
};

declare module "../../i18n/featureStrings" {
  interface FeatureStrings {
    statements: typeof statementsSv;
  }
}
