import { AnnualFormDefinition } from "@uppsikt/core";
import type { z } from "zod";

/*
 * An example of the agency's yearly form (R2.4-1), modelled on the indicators of MSBFS 2015:5's appendix. It is marked
 * as an example: the official indicator list was not available, the agency imports it. Keys are stable across years
 * and versions (answers carry over and trends are drawn by them).
 */

type DefinitionInput = z.input<typeof AnnualFormDefinition>;
type QuestionInput = DefinitionInput["indicators"]["sections"][number]["questions"][number];

const notDone = (text: string) => ({ op: "equals" as const, value: false, text });

const yesNo = (
  key: string,
  label: string,
  area: QuestionInput["area"],
  warning: string,
  extra: Partial<QuestionInput> = {},
): QuestionInput => ({
  key,
  type: "yesNo",
  label,
  area,
  required: true,
  warning: notDone(warning),
  better: "higher",
  ...extra,
});

function raw(year: number): DefinitionInput {
  return {
    indicators: {
      sections: [
        {
          key: "riskOchSarbarhetsanalys",
          title: "Risk- och sårbarhetsanalys",
          questions: [
            yesNo(
              "rsaFastslagen",
              `Har kommunen en risk- och sårbarhetsanalys för mandatperioden som fastställts av fullmäktige?`,
              "crisisPreparedness",
              "Kommunen saknar en fastställd risk- och sårbarhetsanalys.",
              { help: "Analysen ska fastställas av fullmäktige senast den 31 oktober året efter ett ordinarie val." },
            ),
            yesNo(
              "rsaUppfoljd",
              `Har kommunen följt upp risk- och sårbarhetsanalysen under ${year}?`,
              "crisisPreparedness",
              "Risk- och sårbarhetsanalysen har inte följts upp under året.",
            ),
            yesNo(
              "styrdokumentFastslaget",
              "Har kommunen ett styrdokument för arbetet med krisberedskap för mandatperioden?",
              "crisisPreparedness",
              "Kommunen saknar styrdokument för krisberedskapen.",
            ),
          ],
        },
        {
          key: "krisledning",
          title: "Krisledningsnämnd och ledning",
          questions: [
            yesNo(
              "krisledningsplan",
              "Har kommunen en plan för hur extraordinära händelser ska hanteras (krisledningsplan)?",
              "crisisPreparedness",
              "Kommunen saknar en plan för extraordinära händelser.",
            ),
            yesNo(
              "krisledningOvat",
              `Har krisledningsnämnden övats under ${year}?`,
              "crisisPreparedness",
              "Krisledningsnämnden har inte övats under året.",
            ),
            {
              key: "ledningsformaga",
              type: "singleChoice",
              label: "Hur bedömer kommunen sin förmåga att leda och samordna vid en kris?",
              help: "Kommunens egen bedömning.",
              area: "crisisPreparedness",
              required: true,
              choices: [
                { value: "bristfallig", label: "Bristfällig" },
                { value: "viss", label: "Viss förmåga" },
                { value: "god", label: "God förmåga" },
                { value: "mycketGod", label: "Mycket god förmåga" },
              ],
              warning: {
                op: "equals",
                value: "bristfallig",
                text: "Kommunen bedömer sin ledningsförmåga som bristfällig.",
              },
              better: "higher",
            },
            yesNo(
              "tjanstemanIBeredskap",
              "Har kommunen en funktion för att upptäcka, larma och snabbt påbörja hantering (tjänsteman i beredskap)?",
              "crisisPreparedness",
              "Kommunen saknar tjänsteman i beredskap eller motsvarande.",
            ),
          ],
        },
        {
          key: "utbildningOchOvning",
          title: "Utbildning och övning",
          questions: [
            yesNo(
              "utbildningsplan",
              "Har kommunen en plan för utbildning och övning för mandatperioden?",
              "crisisPreparedness",
              "Kommunen saknar plan för utbildning och övning.",
            ),
            {
              key: "antalOvningar",
              type: "number",
              label: `Antal genomförda krisberedskapsövningar under ${year}`,
              help: "Räkna övningar där kommunens krisorganisation deltog, även samverkansövningar.",
              area: "crisisPreparedness",
              required: true,
              warning: { op: "below", value: 1, text: "Kommunen har inte genomfört någon övning under året." },
              better: "higher",
            },
          ],
        },
        {
          key: "geografisktOmradesansvar",
          title: "Geografiskt områdesansvar",
          questions: [
            yesNo(
              "samverkansforum",
              "Har kommunen ett forum för samverkan med aktörer inom det geografiska området?",
              "crisisPreparedness",
              "Kommunen saknar samverkansforum inom sitt geografiska område.",
              { required: false },
            ),
          ],
        },
        {
          key: "civiltForsvar",
          title: "Civilt försvar",
          questions: [
            yesNo(
              "krigsorganisation",
              "Har kommunen beslutat om en krigsorganisation?",
              "civilDefence",
              "Kommunen har inte beslutat om en krigsorganisation.",
            ),
            yesNo(
              "sakerhetsskyddsanalys",
              "Har kommunen genomfört en säkerhetsskyddsanalys?",
              "civilDefence",
              "Kommunen har inte genomfört en säkerhetsskyddsanalys.",
            ),
            yesNo(
              "hojdBeredskapOvat",
              `Har kommunen övat ledning under höjd beredskap under ${year}?`,
              "civilDefence",
              "Kommunen har inte övat ledning under höjd beredskap.",
              { required: false },
            ),
            yesNo(
              "krigsplaceringar",
              "Har kommunen krigsplacerat personal i krigsorganisationen?",
              "civilDefence",
              "Kommunen har inte krigsplacerat personal.",
            ),
          ],
        },
      ],
    },
    events: {
      sections: [
        {
          key: "handelserUnderAret",
          title: "Extraordinära händelser och allvarliga störningar",
          questions: [
            {
              key: "haftHandelser",
              type: "yesNo",
              label: "Har kommunen haft extraordinära händelser eller allvarliga störningar under året?",
              area: "crisisPreparedness",
              required: true,
            },
            {
              key: "handelser",
              type: "group",
              label: "Händelser under året",
              help: "En rad per händelse.",
              area: "crisisPreparedness",
              fields: [
                { key: "datum", type: "date", label: "Datum", required: true },
                {
                  key: "slag",
                  type: "singleChoice",
                  label: "Slag av händelse",
                  choices: [
                    { value: "extraordinarHandelse", label: "Extraordinär händelse" },
                    { value: "allvarligStorning", label: "Allvarlig störning" },
                  ],
                },
                { key: "beskrivning", type: "text", label: "Beskrivning", required: true },
                { key: "krisledningsnamndSammankallad", type: "yesNo", label: "Sammankallades krisledningsnämnden?" },
              ],
            },
          ],
        },
      ],
    },
    activities: {
      sections: [
        {
          key: "atgarderKrisberedskap",
          title: "Åtgärder för krisberedskapen",
          questions: [
            {
              key: "atgarderKrisberedskap",
              type: "text",
              label: "Vilka åtgärder har vidtagits för att stärka krisberedskapen?",
              area: "crisisPreparedness",
              required: true,
            },
            {
              key: "aktivitetstyper",
              type: "multipleChoice",
              label: "Vilka slags aktiviteter har genomförts?",
              area: "crisisPreparedness",
              choices: [
                { value: "utbildning", label: "Utbildning" },
                { value: "ovning", label: "Övning" },
                { value: "planering", label: "Planering" },
                { value: "samverkan", label: "Samverkan" },
                { value: "investering", label: "Investering" },
              ],
            },
            {
              key: "senasteOvningDatum",
              type: "date",
              label: "Datum för den senaste övningen",
              area: "crisisPreparedness",
            },
          ],
        },
        {
          key: "atgarderCiviltForsvar",
          title: "Åtgärder för civilt försvar",
          questions: [
            {
              key: "atgarderCiviltForsvar",
              type: "text",
              label: "Vilka åtgärder har vidtagits för att stärka det civila försvaret?",
              area: "civilDefence",
              required: true,
            },
          ],
        },
      ],
    },
  };
}

/** The example form of `year` (marked as an example when stored). */
export const exampleFormDefinition = (year: number): AnnualFormDefinition => AnnualFormDefinition.parse(raw(year));

/**
 * The example as the year before had it: two questions fewer and one worded differently, with the same keys, so a
 * trend across the years follows a question by its stable key.
 */
export function exampleFormDefinitionPrevious(year: number): AnnualFormDefinition {
  const d = raw(year);
  const sections = d.indicators.sections.map((s) => ({
    ...s,
    questions: s.questions
      .filter((q) => q.key !== "krigsplaceringar" && q.key !== "tjanstemanIBeredskap")
      .map((q) => (q.key === "krisledningOvat" ? { ...q, label: `Har krisledningsnämnden övat under ${year}?` } : q)),
  }));
  return AnnualFormDefinition.parse({ ...d, indicators: { sections } });
}

/** The title of a stored example form: it says it is an example. */
export const exampleFormTitle = (year: number) => `Årsuppföljning ${year} (exempel)`;
