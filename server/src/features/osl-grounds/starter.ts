import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import { insertMissingGrounds } from "./repository.js";

export interface StarterOslGround {
  /** Fixed, so that a ground the agency has renamed is not inserted again at the next start. */
  id: string;
  reference: string;
  description: string;
}

/**
 * The grounds in offentlighets- och sekretesslagen (2009:400) that a county officer following up
 * municipal crisis preparedness and civil defence is most likely to need. The agency edits the list in the app;
 * security-classified information (säkerhetsskydd) is never stored in Uppsikt, whatever the ground.
 */
export const STARTER_OSL_GROUNDS: StarterOslGround[] = [
  {
    id: "6f1b0c2e-4d3a-4c5e-9a10-000000000001",
    reference: "18 kap. 13 § OSL",
    description:
      "Risk- och sårbarhetsanalyser: uppgifter som lämnas eller upprättas enligt lagen (2006:544) om kommuners och " +
      "regioners åtgärder inför och vid extraordinära händelser i fredstid och höjd beredskap, eller föreskrifter " +
      "meddelade med stöd av den, och som rör risk- och sårbarhetsanalyser, t.ex. sårbarheter i samhällsviktig " +
      "verksamhet, om det kan antas att syftet med analysen motverkas om uppgiften röjs.",
  },
  {
    id: "6f1b0c2e-4d3a-4c5e-9a10-000000000002",
    reference: "18 kap. 8 § OSL",
    description:
      "Säkerhets- och bevakningsåtgärder: uppgifter om skydd av byggnader och anläggningar (t.ex. ledningsplatser), " +
      "om skydd av personer och om skydd av informationssystem, om det kan antas att syftet med åtgärden " +
      "motverkas om uppgiften röjs.",
  },
  {
    id: "6f1b0c2e-4d3a-4c5e-9a10-000000000003",
    reference: "15 kap. 2 § OSL",
    description:
      "Försvarssekretess: uppgifter om verksamhet för att försvara landet eller som i övrigt rör totalförsvaret, " +
      "t.ex. kommunens planering för civilt försvar och höjd beredskap, om det kan antas att landets försvar " +
      "skadas eller rikets säkerhet äventyras om uppgiften röjs. Säkerhetsskyddsklassificerade uppgifter får inte " +
      "lagras i Uppsikt.",
  },
  {
    id: "6f1b0c2e-4d3a-4c5e-9a10-000000000004",
    reference: "21 kap. 3 § OSL",
    description:
      "Skyddade personuppgifter: en enskilds adress och liknande uppgifter om var personen bor, om det av " +
      "särskild anledning kan antas att personen eller en närstående kan förföljas eller utsättas för allvarligt " +
      "men om uppgiften röjs (t.ex. i förteckningar över krisorganisation eller krigsplacerad personal). " +
      "Hänvisningen ej verifierad.",
  },
];

/** Inserts the starter grounds that are missing, at every start; never overwrites the agency's edits. */
export async function loadOslGrounds(db: Db, clock: Clock): Promise<{ oslGrounds: number }> {
  return db.transaction(async (tx) => {
    // Conflicts on the fixed id (already loaded, perhaps edited) or on the reference (added by hand) are skipped.
    const inserted = await insertMissingGrounds(
      tx,
      STARTER_OSL_GROUNDS.map((g, i) => ({ ...g, position: (i + 1) * 10 })),
    );
    if (inserted.length) {
      await recordAudit(
        tx,
        { actor: systemActor, requestId: null, clock },
        {
          action: "reference.load",
          entityType: "reference",
          after: { oslGrounds: inserted.length, references: inserted.map((g) => g.reference) },
        },
      );
    }
    return { oslGrounds: inserted.length };
  });
}
