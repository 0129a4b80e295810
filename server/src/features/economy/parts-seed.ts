import type { Db } from "../../db/client.js";
import { systemActor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import * as repo from "./repository.js";

const KRIS_2019 = "Överenskommelse om kommunernas krisberedskap 2019–2022";
const CF_2018 = "Överenskommelse om kommunernas arbete med civilt försvar 2018–2020";
const BER_2024 = "Överenskommelse om kommunernas arbete med civil beredskap 2024–2026";

interface KnownPart {
  code: string;
  name: string;
  nameEn: string;
  agreement: string | null;
  firstYear: number;
  lastYear: number | null;
  countsTowardSavings: boolean;
  predecessor: string | null;
  source: string | null;
  unverified: boolean;
}

/** The compensation parts known from the agreements (R1-5); the agency completes the 2027 placeholders. */
export const KNOWN_PARTS: KnownPart[] = [
  {
    code: "okkb-2019",
    name: "Krisberedskap (ÖKKB)",
    nameEn: "Crisis preparedness (ÖKKB)",
    agreement: KRIS_2019,
    firstYear: 2019,
    lastYear: 2023,
    countsTowardSavings: true,
    predecessor: null,
    source: "Överenskommelse om kommunernas krisberedskap 2019–2022 (förlängd 2023), MSB dnr 2018-09779",
    unverified: false,
  },
  {
    code: "okcf-2019",
    name: "Civilt försvar (ÖKCF)",
    nameEn: "Civil defence (ÖKCF)",
    agreement: CF_2018,
    firstYear: 2019,
    lastYear: 2023,
    countsTowardSavings: true,
    predecessor: null,
    source: "Överenskommelse om civilt försvar 2018–2020 (förlängd till 2023), MSB dnr 2018-05681",
    unverified: false,
  },
  {
    code: "del1-2024",
    name: "Del 1: uppgifter enligt LEH",
    nameEn: "Part 1: tasks under LEH",
    agreement: BER_2024,
    firstYear: 2024,
    lastYear: 2026,
    countsTowardSavings: true,
    predecessor: "okkb-2019",
    source: BER_2024,
    unverified: false,
  },
  {
    code: "del2-2024",
    name: "Del 2: civilt försvar",
    nameEn: "Part 2: civil defence",
    agreement: BER_2024,
    firstYear: 2024,
    lastYear: 2026,
    countsTowardSavings: true,
    predecessor: "okcf-2019",
    source: BER_2024,
    unverified: false,
  },
  {
    code: "rakel-2024",
    name: "Rakel",
    nameEn: "Rakel",
    agreement: BER_2024,
    firstYear: 2024,
    lastYear: 2026,
    countsTowardSavings: true,
    predecessor: null,
    source: BER_2024,
    unverified: false,
  },
  {
    code: "ledningsplatser",
    name: "Särskilt stöd till ledningsplatser",
    nameEn: "Special support for command posts",
    agreement: null,
    firstYear: 2022,
    lastYear: null,
    countsTowardSavings: false,
    predecessor: null,
    source: "Utanför överenskommelserna (domain-facts); räknas inte in i sparandet",
    unverified: false,
  },
  {
    code: "del1-2027",
    name: "Del 1 (överenskommelse från 2027)",
    nameEn: "Part 1 (agreement from 2027)",
    agreement: null,
    firstYear: 2027,
    lastYear: 2030,
    countsTowardSavings: true,
    predecessor: "del1-2024",
    source: null,
    unverified: true,
  },
  {
    code: "del2-2027",
    name: "Del 2 (överenskommelse från 2027)",
    nameEn: "Part 2 (agreement from 2027)",
    agreement: null,
    firstYear: 2027,
    lastYear: 2030,
    countsTowardSavings: true,
    predecessor: "del2-2024",
    source: null,
    unverified: true,
  },
];

/** Inserts the known parts that are missing (never overwrites the agency's edits); audited as reference.load. */
export async function loadCompensationParts(db: Db, clock: Clock): Promise<number> {
  return db.transaction(async (tx) => {
    const existing = new Set(await repo.partCodes(tx));
    const byTitle = await repo.agreementIdsByTitle(tx);
    const missing = KNOWN_PARTS.map((p, i) => ({ p, position: (i + 1) * 10 })).filter(({ p }) => !existing.has(p.code));
    if (missing.length === 0) return 0;
    const inserted = await repo.insertParts(
      tx,
      missing.map(({ p, position }) => ({
        code: p.code,
        name: p.name,
        nameEn: p.nameEn,
        agreementId: p.agreement ? (byTitle.get(p.agreement) ?? null) : null,
        firstYear: p.firstYear,
        lastYear: p.lastYear,
        countsTowardSavings: p.countsTowardSavings,
        predecessor: p.predecessor,
        position,
        source: p.source,
        unverified: p.unverified,
        createdAt: clock.now(),
      })),
    );
    if (inserted.length)
      await recordAudit(
        tx,
        { actor: systemActor, requestId: null, clock },
        { action: "reference.load", entityType: "reference", after: { compensationParts: inserted.length } },
      );
    return inserted.length;
  });
}
