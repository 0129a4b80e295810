/** Strings of early warnings (tidiga varningar, R2.3-2). Same keys in both languages. */
export const warningsSv = {
  heading: "Öppna varningar",
  intro: "Tidiga varningar syns bara för länsstyrelsen.",
  none: "Kommunen har inga öppna varningar.",
  raised: "Lyft {{date}} av {{name}}",
  resolve: "Åtgärda",
  resolveLabel: "Åtgärda varningen: {{kind}}",
  resolveTitle: "Åtgärda varningen",
  note: "Hur varningen har lösts",
  noteHelp: "Minst tre tecken. Anteckningen sparas med varningen.",
  resolved: "Varningen är åtgärdad.",
  column: "Varningar",
  count_one: "{{count}} öppen varning",
  count_other: "{{count}} öppna varningar",
};

export const warningsEn: typeof warningsSv = {
  heading: "Open warnings",
  intro: "Early warnings are visible to the county administrative board only.",
  none: "The municipality has no open warnings.",
  raised: "Raised {{date}} by {{name}}",
  resolve: "Resolve",
  resolveLabel: "Resolve the warning: {{kind}}",
  resolveTitle: "Resolve the warning",
  note: "How the warning was resolved",
  noteHelp: "At least three characters. The note is kept with the warning.",
  resolved: "The warning is resolved.",
  column: "Warnings",
  count_one: "{{count}} open warning",
  count_other: "{{count}} open warnings",
};

declare module "../../i18n/featureStrings" {
  interface FeatureStrings {
    warnings: typeof warningsSv;
  }
}
