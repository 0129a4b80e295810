import { addDays, yearOf } from "@uppsikt/core";
import { count, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { countyDialogueFollowUps, countyDialogues, users } from "../../db/schema/index.js";
import { demoInstant as at } from "../../db/seed/demo-clock.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";

/*
 * The agency's dialogue with each demo county (R1-7), relative to the clock: one follow-up item of each falls due
 * within 30 days, owned by the agency's demo officer.
 */

const AGENCY = "agency@uppsikt.example";

interface DialogueSeed {
  county: string;
  daysAgo: number;
  form: "meeting" | "videoMeeting";
  participants: string[];
  subjects: string[];
  conclusions: string;
  followUps: { text: string; dueIn: number }[];
}

const dialoguesFor = (year: number): DialogueSeed[] => [
  {
    county: "01",
    daysAgo: 12,
    form: "meeting",
    participants: [
      "Per Andersson, MCF",
      "Karin Lindqvist, enhetschef, Länsstyrelsen i Stockholms län",
      "Johan Bergström, handläggare, Länsstyrelsen i Stockholms län",
    ],
    subjects: [
      `Årsuppföljningen ${year - 1} och länets sammanställning`,
      "Kommuner med stort sparande av ersättningen",
      "Stöd till kommunerna inför nästa mandatperiods risk- och sårbarhetsanalys",
    ],
    conclusions:
      "Länsstyrelsen har följt upp samtliga kommuners årsrapporter. Två kommuner har ett stort sparande; länet för en dialog med dem om planer för sparandet. MCF tar fram ett gemensamt underlag om hur ersättningen får användas för civilt försvar.",
    followUps: [
      { text: "Skicka underlaget om ersättningens användning för civilt försvar till länsstyrelsen", dueIn: 18 },
      { text: "Stämma av länets plan för stöd till kommunernas risk- och sårbarhetsanalyser", dueIn: 75 },
    ],
  },
  {
    county: "14",
    daysAgo: 26,
    form: "videoMeeting",
    participants: [
      "Per Andersson, MCF",
      "Lena Åkesson, enhetschef, Länsstyrelsen i Västra Götalands län",
      "Erik Holmgren, handläggare, Länsstyrelsen i Västra Götalands län",
    ],
    subjects: [`Sena och saknade årsrapporter för ${year - 1}`, "Länets uppföljningsbesök under året"],
    conclusions:
      "Länet har många kommuner och prioriterar uppföljningsbesök hos dem som saknar beslutade styrdokument. MCF följer upp hur länets sammanställning kan lämnas i tid.",
    followUps: [{ text: "Följa upp länets tidplan för sammanställningen av årsuppföljningen", dueIn: 9 }],
  },
];

export async function seedDemoCountyDialogues(db: Db, clock: Clock): Promise<void> {
  const [agency] = await db.select({ id: users.id }).from(users).where(eq(users.email, AGENCY)).limit(1);
  if (!agency) return;
  const today = clock.today();
  await db.transaction(async (tx) => {
    let followUps = 0;
    const seeds = dialoguesFor(yearOf(today));
    for (const d of seeds) {
      const [row] = await tx
        .insert(countyDialogues)
        .values({
          countyCode: d.county,
          heldOn: addDays(today, -d.daysAgo),
          form: d.form,
          participants: d.participants,
          subjects: d.subjects,
          conclusions: d.conclusions,
          createdAt: at(clock, d.daysAgo, 16),
          createdBy: agency.id,
        })
        .returning({ id: countyDialogues.id });
      await tx.insert(countyDialogueFollowUps).values(
        d.followUps.map((f) => ({
          dialogueId: row!.id,
          text: f.text,
          dueOn: addDays(today, f.dueIn),
          ownerId: agency.id,
        })),
      );
      followUps += d.followUps.length;
    }
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      { action: "demo.seed", entityType: "countyDialogue", after: { countyDialogues: seeds.length, followUps } },
    );
  });
}

/** The county dialogues' demo step: runs while no dialogue is recorded. */
export const countyDialoguesDemo: DemoStep = {
  name: "county-dialogues",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(countyDialogues))[0]?.n ?? 0) === 0,
  seed: seedDemoCountyDialogues,
};
