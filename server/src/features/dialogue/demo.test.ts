import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@uppsikt/core";
import { eq } from "drizzle-orm";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import { buildClearance, sessionFor } from "../../../test/factories.js";
import { dialogueEntries, dialogueFollowUps, users } from "../../db/schema/index.js";
import { seedDemo } from "../../db/seed/demo.js";
import { seedDemoDocumentRequests } from "../document-requests/demo.js";
import { seedDemoDialogue } from "./demo.js";
import { extractText } from "../../platform/files/extract.js";
import { documentRequestsSource } from "../document-requests/watch-source.js";
import { dialogueFollowUpsSource } from "./watch.js";

describe("demo dialogue", () => {
  let t: TestContext;
  const as = async (email: string) => {
    const [u] = await t.database.db.select().from(users).where(eq(users.email, email));
    return clientFor(t.app, await sessionFor(t.database.db, u!.id, t.clock.now()));
  };

  beforeAll(async () => {
    t = await createTestContext();
    await seedDemo(t.database.db, t.clock);
    await seedDemoDialogue(t.database.db, t.clock);
    await seedDemoDocumentRequests(t.database.db, t.clock);
    // The demo documents grant the county head a clearance for the county (seedDemoDocuments); the same here.
    const [head] = await t.database.db.select().from(users).where(eq(users.email, "lst01@uppsikt.example"));
    await buildClearance(t, { userId: head!.id, county: "01", undertakingSignedOn: addDays(t.clock.today(), -200) });
  });
  afterAll(() => t.close());

  it("[R2.3-1] a year of dialogue in both demo counties, relative to the clock", async () => {
    const today = t.clock.today();
    const rows = await t.database.db.select().from(dialogueEntries);
    expect(new Set(rows.map((r) => r.countyCode))).toEqual(new Set(["01", "14"]));
    expect(rows.every((r) => r.date <= today && r.date >= addDays(today, -366))).toBe(true);
    expect(rows.some((r) => r.visibility === "countyInternal")).toBe(true);
    expect(rows.some((r) => r.confidentialBasis === "18 kap. 13 § OSL")).toBe(true);
    expect(rows.some((r) => r.version === 2)).toBe(true);

    const head = await as("lst01@uppsikt.example");
    const stockholm = (await head.get("/api/v1/municipalities/0180/dialogue-entries")).json();
    expect(
      stockholm.items.some(
        (e: { form: string; municipalities: unknown[] }) => e.form === "networkMeeting" && e.municipalities.length >= 3,
      ),
    ).toBe(true);
    // The head is cleared for the county: the confidential entry is readable; the coordinator sees no internal note.
    expect(stockholm.items.find((e: { confidential: unknown }) => e.confidential)?.notes).toMatch(/reservkraft/i);
    const coordinator = await as("kommun0180@uppsikt.example");
    const seen = (await coordinator.get("/api/v1/municipalities/0180/dialogue-entries")).json();
    expect(seen.total).toBe(stockholm.total - 1);

    const followUps = await t.database.db.select().from(dialogueFollowUps);
    const open = followUps.filter((f) => f.doneAt === null);
    expect(open.some((f) => f.due < today)).toBe(true);
    expect(open.some((f) => f.due >= today && f.due <= addDays(today, 30))).toBe(true);
    const watched = await dialogueFollowUpsSource(t.database.db, { today, counties: ["01", "14"] });
    expect(watched.some((i) => i.awaitedFromMunicipality && i.municipality?.code === "0180")).toBe(true);
  });

  it("[R2.3-2] an open warning on wrongful use and a resolved one", async () => {
    const head = await as("lst01@uppsikt.example");
    const warnings = (await head.get("/api/v1/counties/01/warnings")).json();
    expect(
      warnings.items.find((w: { kind: string; open: boolean }) => w.kind === "wrongfulUse" && w.open).description,
    ).toMatch(/Rakel/);
    expect(warnings.items.some((w: { open: boolean; resolutionNote: string }) => !w.open && w.resolutionNote)).toBe(
      true,
    );
    const summary = (await head.get("/api/v1/counties/01/warnings/summary")).json();
    expect(summary.items.find((i: { municipality: { code: string } }) => i.municipality.code === "0181").open).toBe(1);
  });

  it("[R2.5-4] an overdue request to Stockholm and one answered with a readable PDF", async () => {
    const coordinator = await as("kommun0180@uppsikt.example");
    const stockholm = (await coordinator.get("/api/v1/municipalities/0180/document-requests")).json();
    expect(stockholm.items.map((r: { status: string }) => r.status)).toContain("overdue");
    const officer = await as("lst14@uppsikt.example");
    const goteborg = (await officer.get("/api/v1/municipalities/1480/document-requests")).json();
    const answered = goteborg.items.find((r: { status: string }) => r.status === "answered");
    const file = await officer.get(answered.answers[0].files[0].downloadUrl);
    expect(file.statusCode).toBe(200);
    expect((await extractText(file.rawPayload, "pdf")).text).toMatch(/krisledningsnämndens stabsövning/);
    const watched = await documentRequestsSource(t.database.db, { today: t.clock.today(), municipalities: ["0180"] });
    expect(watched[0]).toMatchObject({ awaitedFromMunicipality: true, municipality: { code: "0180" } });
    expect(watched[0]!.due < t.clock.today()).toBe(true);
  });
});
