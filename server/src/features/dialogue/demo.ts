import { type DialogueForm, type DialogueSubject, addDays, yearOf } from "@uppsikt/core";
import { count, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  dialogueEntries,
  dialogueEntryMunicipalities,
  dialogueEntryVersions,
  dialogueFollowUps,
  users,
  warnings,
} from "../../db/schema/index.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import { demoInstant as at } from "../../db/seed/demo-clock.js";
import type { DemoStep } from "../../platform/feature.js";

/*
 * A year of dialogue in Stockholms and Västra Götalands län, relative to the clock (R2.3-1, R2.3-2, R2.5-4):
 * calls, meetings and e-mails with single municipalities, network meetings with several, a county-internal note,
 * a confidential one (18 kap. 13 § OSL), an open and a resolved early warning, follow-up items both overdue and
 * due soon, and requests for documents: one overdue to Stockholm, one answered with a PDF.
 */

const OSL = "18 kap. 13 § OSL";

interface FollowUpSeed {
  text: string;
  /** Days from today. */
  due: number;
  /** A demo user's e-mail, or a named person outside the system; default the author. */
  owner?: { email: string } | { name: string };
  /** Days from today it was done. */
  doneDaysAgo?: number;
}
interface WarningSeed {
  municipality: string;
  kind: "wrongfulUse" | "largeSavings" | "other";
  description: string;
  resolved?: { daysAgo: number; by: string; note: string };
}
interface EntrySeed {
  author: string;
  /** Days before today. */
  daysAgo: number;
  municipalities: string[];
  form: DialogueForm;
  subjects: DialogueSubject[];
  notes: string;
  participants: { municipality: string[]; county: string[] };
  visibility?: "shared" | "countyInternal";
  confidentialBasis?: string;
  followUps?: FollowUpSeed[];
  warnings?: WarningSeed[];
  /** An earlier version of the notes, edited the day after. */
  earlierNotes?: string;
}

const L01 = {
  head: "lst01@uppsikt.example",
  johan: "lst01-handlaggare@uppsikt.example",
  sara: "lst01-handlaggare2@uppsikt.example",
};
const L14 = {
  erik: "lst14@uppsikt.example",
  head: "lst14-chef@uppsikt.example",
  maria: "lst14-handlaggare@uppsikt.example",
  ahmed: "lst14-handlaggare2@uppsikt.example",
};
const ANDERS = "kommun0180@uppsikt.example";
const FATIMA = "kommun1480@uppsikt.example";

/** The entries, with the years they mention relative to the clock's (written in 2026). */
const entriesFor = (year: number): EntrySeed[] => [
  // --- Stockholms län ---------------------------------------------------------------------------------------
  {
    author: L01.johan,
    daysAgo: 345,
    municipalities: ["0180"],
    form: "phone",
    subjects: ["rsa"],
    notes:
      "Samtal med Anders Wikström om tidplanen för den nya risk- och sårbarhetsanalysen. Staden arbetar med identifiering av samhällsviktig verksamhet tillsammans med stadsdelsförvaltningarna; workshoppar planeras under våren. Vi påminde om att rapporten ska följa dispositionen i MSBFS 2015:5.",
    participants: { municipality: ["Anders Wikström (beredskapssamordnare)"], county: ["Johan Bergström"] },
    followUps: [{ text: "Skicka länets stöddokument för RSA-processen", due: -330, doneDaysAgo: 338 }],
  },
  {
    author: L01.sara,
    daysAgo: 310,
    municipalities: ["0181"],
    form: "meeting",
    subjects: ["planning", "trainingAndExercises"],
    notes:
      "Möte på kommunhuset i Södertälje. Kommunen har en ny beredskapssamordnare sedan januari och håller på att ta fram en utbildnings- och övningsplan för mandatperioden. Krisledningsnämndens reglemente ses över efter erfarenheterna från vattenläckan i höstas.",
    participants: {
      municipality: ["Maja Lindberg (beredskapssamordnare)", "Tomas Ek (säkerhetschef)"],
      county: ["Sara Nyström"],
    },
    earlierNotes:
      "Möte på kommunhuset i Södertälje. Kommunen har en ny beredskapssamordnare och håller på att ta fram en utbildnings- och övningsplan.",
    followUps: [
      {
        text: "Kommunen skickar utkastet till utbildnings- och övningsplan",
        due: -240,
        owner: { name: "Maja Lindberg, Södertälje kommun" },
        doneDaysAgo: 236,
      },
    ],
  },
  {
    author: L01.johan,
    daysAgo: 272,
    municipalities: ["0180", "0182", "0183", "0184"],
    form: "networkMeeting",
    subjects: ["civilDefence", "trainingAndExercises", "geographicResponsibility"],
    notes:
      "Nätverksträff för beredskapssamordnarna i centrala länet, i länsstyrelsens lokaler. Teman: krigsorganisation och krigsplacering av personal, samt en gemensam ledningsövning under hösten. Nacka och Sundbyberg har kommit längst med krigsplaceringen; Solna efterfrågar stöd med säkerhetsskyddsanalysen. Länsstyrelsen redogjorde för läget i arbetet med geografiskt områdesansvar.",
    participants: {
      municipality: [
        "Anders Wikström (Stockholm)",
        "Hanna Sjögren (Nacka)",
        "Kim Ek (Sundbyberg)",
        "Olof Berg (Solna)",
      ],
      county: ["Johan Bergström", "Sara Nyström"],
    },
    followUps: [
      { text: "Sammanställ ett gemensamt övningsscenario för ledningsövningen", due: -200, doneDaysAgo: 205 },
      {
        text: "Skicka kontaktlistor för krigsorganisationen till länsstyrelsen",
        due: 9,
        owner: { name: "Kim Ek, Sundbybergs stad" },
      },
    ],
  },
  {
    author: L01.sara,
    daysAgo: 232,
    municipalities: ["0186"],
    form: "email",
    subjects: ["economy"],
    notes:
      "E-post från Lidingö stad med frågor om hur kostnader för samordnarens tjänst ska redovisas när tjänsten delas med säkerhetsenheten. Vi svarade att fördelningen ska framgå av redovisningen och att en manuell sammanställning går bra om kostnaderna inte kan särskiljas i bokföringen.",
    participants: { municipality: ["Petra Holm (ekonom)"], county: ["Sara Nyström"] },
  },
  {
    author: L01.sara,
    daysAgo: 184,
    municipalities: ["0182"],
    form: "videoMeeting",
    subjects: ["savings", "economy"],
    notes:
      "Videomöte om Nackas ackumulerade sparande, som motsvarar drygt två års ersättning. Kommunen förklarar sparandet med vakanser och en planerad investering i ledningsplats som skjutits upp. Vi bad om en plan för sparande.",
    participants: {
      municipality: ["Hanna Sjögren (beredskapssamordnare)", "Erik Dahl (controller)"],
      county: ["Sara Nyström"],
    },
    followUps: [
      {
        text: "Nacka lämnar en plan för hur sparandet ska användas",
        due: -130,
        owner: { name: "Hanna Sjögren, Nacka kommun" },
        doneDaysAgo: 126,
      },
    ],
    warnings: [
      {
        municipality: "0182",
        kind: "largeSavings",
        description: "Ackumulerat sparande motsvarar drygt två års ersättning och har ökat tre år i rad.",
        resolved: {
          daysAgo: 120,
          by: L01.sara,
          note: `Kommunstyrelsen har beslutat en plan för sparande: medlen används till ledningsplatsen ${year} och en extra övning. Följs upp i den årliga redovisningen.`,
        },
      },
    ],
  },
  {
    author: L01.johan,
    daysAgo: 150,
    municipalities: ["0191", "0188", "0187"],
    form: "networkMeeting",
    subjects: ["geographicResponsibility", "planning"],
    notes:
      "Nätverksmöte för norra länet om samverkan vid långvariga elavbrott. Kommunerna delade erfarenheter från stormen i januari; Norrtälje beskrev hur trygghetspunkterna fungerade. Behov av gemensam planering för reservvatten lyftes.",
    participants: {
      municipality: ["Lina Ahl (Sigtuna)", "Mats Öberg (Norrtälje)", "Jenny Vik (Vaxholm)"],
      county: ["Johan Bergström"],
    },
    followUps: [{ text: "Bjud in Norrvatten till nästa nätverksmöte", due: -90, doneDaysAgo: 95 }],
  },
  {
    author: L01.head,
    daysAgo: 62,
    municipalities: ["0180"],
    form: "meeting",
    subjects: ["planning", "other"],
    visibility: "countyInternal",
    notes:
      "Intern avstämning inför uppföljningsbesöket i Stockholm. Styrdokumentet är beslutat men utbildnings- och övningsplanen har dröjt. Vi bör be om att kommundirektören deltar vid besöket och lyfta frågan om bemanningen av krisledningsorganisationen.",
    participants: { municipality: [], county: ["Karin Lindqvist", "Johan Bergström"] },
    followUps: [{ text: "Förbered frågor till kommunledningen inför besöket", due: 12, owner: { email: L01.johan } }],
  },
  {
    author: L01.sara,
    daysAgo: 44,
    municipalities: ["0181"],
    form: "meeting",
    subjects: ["economy"],
    notes: `Genomgång av Södertälje kommuns kostnadsredovisning för ersättningen ${year - 1}. Bland kostnaderna finns inköp av 15 Rakelterminaler (cirka 180 000 kr) bokade mot ersättningen. Kommunen uppgav att terminalerna ska användas av krisledningsorganisationen. Vi påpekade att inköp av Rakelutrustning inte får finansieras med ersättningen enligt anvisningarna.`,
    participants: {
      municipality: ["Maja Lindberg (beredskapssamordnare)", "Lars Nilsson (ekonomichef)"],
      county: ["Sara Nyström"],
    },
    followUps: [
      {
        text: "Kommunen redovisar hur Rakelinköpet ska bokas om",
        due: -14,
        owner: { name: "Lars Nilsson, Södertälje kommun" },
      },
    ],
    warnings: [
      {
        municipality: "0181",
        kind: "wrongfulUse",
        description: `15 Rakelterminaler (cirka 180 000 kr) bokade mot ersättningen ${year - 1}. Rakelutrustning får inte finansieras med ersättningen.`,
      },
    ],
  },
  {
    author: L01.johan,
    daysAgo: 38,
    municipalities: ["0180"],
    form: "phone",
    subjects: ["trainingAndExercises"],
    notes:
      "Anders Wikström meddelade att den reviderade utbildnings- och övningsplanen ska beslutas av kommundirektören. Staden planerar en stabsövning för krisledningsnämnden i vår.",
    participants: { municipality: ["Anders Wikström"], county: ["Johan Bergström"] },
    followUps: [
      { text: "Skicka den beslutade utbildnings- och övningsplanen", due: -8, owner: { email: ANDERS } },
      { text: "Ge återkoppling på övningsplanens upplägg", due: 16 },
    ],
  },
  {
    author: L01.johan,
    daysAgo: 24,
    municipalities: ["0180"],
    form: "meeting",
    subjects: ["geographicResponsibility", "rsa"],
    confidentialBasis: OSL,
    notes:
      "Genomgång av sårbarheter i stadens vattenförsörjning som identifierats i RSA-arbetet. Reservkraften vid två tryckstegringsstationer saknar bränsleavtal för drift längre än 72 timmar, och en av stationerna saknar fast anslutningspunkt för mobilt reservkraftverk. Staden tar fram en åtgärdsplan tillsammans med Stockholm Vatten och Avfall.",
    participants: {
      municipality: ["Anders Wikström", "Cecilia Lund (Stockholm Vatten och Avfall)"],
      county: ["Johan Bergström"],
    },
    followUps: [
      {
        text: "Staden redovisar tidplan för åtgärderna vid tryckstegringsstationerna",
        due: 14,
        owner: { email: ANDERS },
      },
    ],
  },
  {
    author: L01.sara,
    daysAgo: 6,
    municipalities: ["0183"],
    form: "phone",
    subjects: ["civilDefence"],
    notes:
      "Kim Ek ringde om krigsplaceringen: stadens förvaltningar är klara utom socialförvaltningen. Kontaktlistorna kommer inom två veckor.",
    participants: { municipality: ["Kim Ek"], county: ["Sara Nyström"] },
    followUps: [{ text: "Stäm av krigsplaceringen för socialförvaltningen", due: 4 }],
  },
  // --- Västra Götalands län ---------------------------------------------------------------------------------
  {
    author: L14.erik,
    daysAgo: 330,
    municipalities: ["1480"],
    form: "meeting",
    subjects: ["rsa", "planning"],
    notes:
      "Möte med Göteborgs stad om upplägget för den nya RSA:n. Staden vill samordna analysen med regionens arbete för att undvika dubbelarbete kring kritiska beroenden i hamnen och fjärrvärmen.",
    participants: { municipality: ["Fatima Haddad (beredskapssamordnare)"], county: ["Erik Holmgren"] },
    followUps: [{ text: "Skicka exempel på hur beroenden kan redovisas", due: -300, doneDaysAgo: 305 }],
  },
  {
    author: L14.maria,
    daysAgo: 255,
    municipalities: ["1480", "1481", "1401", "1402"],
    form: "networkMeeting",
    subjects: ["civilDefence", "geographicResponsibility"],
    notes: `Nätverksmöte för Göteborgsregionens kommuner om höjd beredskap: gemensam planering för befolkningsskydd och utrymning samt hur kommunerna stödjer varandra med ledningsplatser. Mölndal och Partille vill ha en gemensam övning ${year + 1}.`,
    participants: {
      municipality: [
        "Fatima Haddad (Göteborg)",
        "Jonas Lind (Mölndal)",
        "Sofia Karlsson (Härryda)",
        "Ali Hassan (Partille)",
      ],
      county: ["Maria Sjöberg", "Erik Holmgren"],
    },
    followUps: [
      { text: `Ta fram förslag på gemensam övning ${year + 1}`, due: 25, owner: { name: "Jonas Lind, Mölndals stad" } },
      { text: "Samla in kommunernas ledningsplatser i en gemensam lista", due: -150, doneDaysAgo: 160 },
    ],
  },
  {
    author: L14.ahmed,
    daysAgo: 160,
    municipalities: ["1490"],
    form: "phone",
    subjects: ["savings"],
    notes:
      "Borås stad har inte förbrukat ersättningen de senaste tre åren och sparandet växer. Kommunen planerar att anställa en andra beredskapssamordnare men rekryteringen har dragit ut på tiden.",
    participants: { municipality: ["Emma Strand (säkerhetschef)"], county: ["Ahmed Karimi"] },
    warnings: [
      {
        municipality: "1490",
        kind: "largeSavings",
        description:
          "Sparandet har ökat tre år i rad och motsvarar nu nästan halva årets ersättning; gränsen för stort sparande är snart nådd.",
      },
    ],
  },
  {
    author: L14.maria,
    daysAgo: 95,
    municipalities: ["1485"],
    form: "email",
    subjects: ["trainingAndExercises"],
    notes:
      "Uddevalla skickade sin utbildnings- och övningsplan för kommentarer innan beslut. Planen saknar övningar för krisledningsnämnden; vi föreslog en seminarieövning under året.",
    participants: { municipality: ["Karl Moberg (beredskapssamordnare)"], county: ["Maria Sjöberg"] },
  },
  {
    author: L14.erik,
    daysAgo: 19,
    municipalities: ["1480"],
    form: "videoMeeting",
    subjects: ["economy"],
    notes:
      "Genomgång av Göteborgs ekonomiska redovisning. Kostnaderna för civilt försvar och krisberedskap är väl separerade. Staden skickar underlag för de gemensamma kostnaderna för stadens ledningscentral.",
    participants: { municipality: ["Fatima Haddad", "Per Ström (controller)"], county: ["Erik Holmgren"] },
    followUps: [{ text: "Skicka underlag för ledningscentralens kostnader", due: 3, owner: { email: FATIMA } }],
  },
  {
    author: L14.ahmed,
    daysAgo: 3,
    municipalities: ["1488"],
    form: "phone",
    subjects: ["other"],
    notes: "Trollhättans stad frågade om länsstyrelsens regionala övning i vår. Vi skickar inbjudan när datum är satt.",
    participants: { municipality: ["Nils Berg"], county: ["Ahmed Karimi"] },
    followUps: [{ text: "Skicka inbjudan till den regionala övningen", due: 20 }],
  },
];

/** Demo dialogue and the warnings raised with it; run after the demo users and documents. */
export async function seedDemoDialogue(db: Db, clock: Clock): Promise<void> {
  const today = clock.today();
  const emails = [...new Set([...Object.values(L01), ...Object.values(L14), ANDERS, FATIMA])];
  const people = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.email, emails));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;

  await db.transaction(async (tx) => {
    let entries = 0;
    let warningCount = 0;
    for (const e of entriesFor(yearOf(today))) {
      const authorId = idOf(e.author);
      if (!authorId) continue;
      const createdAt = at(clock, e.daysAgo, 16);
      const edited = e.earlierNotes ? at(clock, e.daysAgo - 1, 9) : createdAt;
      const [row] = await tx
        .insert(dialogueEntries)
        .values({
          countyCode: e.municipalities[0]!.slice(0, 2),
          version: e.earlierNotes ? 2 : 1,
          date: addDays(today, -e.daysAgo),
          form: e.form,
          subjects: e.subjects,
          notes: e.notes,
          participants: e.participants,
          visibility: e.visibility ?? "shared",
          confidentialBasis: e.confidentialBasis ?? null,
          authorId,
          createdAt,
          updatedAt: edited,
        })
        .returning({ id: dialogueEntries.id });
      const entryId = row!.id;
      entries++;
      await tx
        .insert(dialogueEntryMunicipalities)
        .values(e.municipalities.map((municipalityCode) => ({ entryId, municipalityCode })));
      const followUps = (e.followUps ?? []).map((f) => {
        const ownerUserId =
          f.owner && "email" in f.owner ? (idOf(f.owner.email) ?? authorId) : f.owner ? null : authorId;
        return {
          entryId,
          text: f.text,
          due: addDays(today, f.due),
          ownerUserId,
          ownerName: f.owner && "name" in f.owner ? f.owner.name : null,
          doneAt: f.doneDaysAgo !== undefined ? at(clock, f.doneDaysAgo, 11) : null,
          doneBy: f.doneDaysAgo !== undefined ? (ownerUserId ?? authorId) : null,
        };
      });
      if (followUps.length) await tx.insert(dialogueFollowUps).values(followUps);
      if (e.earlierNotes)
        await tx.insert(dialogueEntryVersions).values({
          entryId,
          version: 1,
          snapshot: {
            date: addDays(today, -e.daysAgo),
            form: e.form,
            subjects: e.subjects,
            notes: e.earlierNotes,
            participants: e.participants,
            visibility: e.visibility ?? "shared",
            municipalities: e.municipalities,
            followUps: [],
          },
          confidentialBasis: e.confidentialBasis ?? null,
          editedBy: authorId,
          editedAt: createdAt,
        });
      for (const w of e.warnings ?? []) {
        const resolvedBy = w.resolved ? idOf(w.resolved.by) : undefined;
        await tx.insert(warnings).values({
          entryId,
          municipalityCode: w.municipality,
          kind: w.kind,
          description: w.description,
          raisedBy: authorId,
          raisedAt: createdAt,
          resolvedBy: resolvedBy ?? null,
          resolvedAt: w.resolved && resolvedBy ? at(clock, w.resolved.daysAgo, 10) : null,
          resolutionNote: w.resolved && resolvedBy ? w.resolved.note : null,
        });
        warningCount++;
      }
    }
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      {
        action: "demo.seed",
        entityType: "dialogue",
        after: { entries, warnings: warningCount },
      },
    );
  });
}

/** The dialogue's demo step (with its early warnings): runs while no dialogue entry is logged. */
export const dialogueDemo: DemoStep = {
  name: "dialogue",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(dialogueEntries))[0]?.n ?? 0) === 0,
  seed: seedDemoDialogue,
};
