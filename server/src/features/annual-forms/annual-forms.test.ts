import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { auditEvents } from "../../db/schema/index.js";
import { exampleFormDefinition, exampleFormDefinitionPrevious } from "./example-form.js";
import { annualForms } from "./schema.js";
import { insertPublishedForm } from "./test-support.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const auditOf = (t: TestContext, action: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

const formsOf = async (t: TestContext, year: number) =>
  Number((await t.database.db.select({ n: count() }).from(annualForms).where(eq(annualForms.year, year)))[0]?.n ?? 0);

describe("the agency's yearly form (R2.4-1)", () => {
  let t: TestContext;
  let agency: Client;
  let county: Client;
  let coordinator: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-11-27T10:00:00+01:00");
    agency = await t.as({ role: "agency", name: "Maja Lind" });
    county = await t.as({ role: "county", county: "01", countyHead: true });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    admin = await t.as({ role: "admin" });
  });
  afterAll(() => t.close());

  const create = (year: number, over: Record<string, unknown> = {}) =>
    agency.post("/api/v1/annual-forms", {
      year,
      title: `Årsuppföljning ${year}`,
      definition: exampleFormDefinition(year),
      ...over,
    });

  it("[R2.4-1] the example form parses, has the three question parts and keeps its keys across years", () => {
    const now = exampleFormDefinition(2026);
    const before = exampleFormDefinitionPrevious(2025);
    const keys = (d: typeof now) =>
      (["indicators", "events", "activities"] as const).flatMap((p) =>
        d[p].sections.flatMap((s) => s.questions.map((q) => q.key)),
      );
    expect(keys(now).length).toBeGreaterThanOrEqual(12);
    expect(keys(before).every((k) => keys(now).includes(k))).toBe(true);
    expect(keys(before).length).toBeLessThan(keys(now).length);
    const civil = now.indicators.sections.flatMap((s) => s.questions).filter((q) => q.area === "civilDefence");
    expect(civil.length).toBeGreaterThanOrEqual(3);
    const group = now.events.sections.flatMap((s) => s.questions).find((q) => q.key === "handelser");
    expect(group?.fields?.map((f) => f.key)).toEqual(["datum", "slag", "beskrivning", "krisledningsnamndSammankallad"]);
  });

  it("[R2.4-1] the deadline default: the report for 2026 is due 2027-02-15, the counties forward by 2027-03-31", async () => {
    const res = await create(2026);
    expect(res.statusCode, res.body).toBe(201);
    const form = res.json();
    expect(form).toMatchObject({
      year: 2026,
      number: 1,
      status: "draft",
      deadline: "2027-02-15",
      forwardingDeadline: "2027-03-31",
      current: false,
      createdBy: { name: "Maja Lind" },
    });
    expect((await auditOf(t, "annualForms.create", form.id)).length).toBe(1);
  });

  it("[R2.4-1] a second open draft of a year is refused; the agency edits the one there is", async () => {
    const res = await create(2026);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/utkast/);
  });

  it("[R2.4-1] a deadline within the year, or a forwarding deadline before the reports' deadline, is refused on its field", async () => {
    const res = await create(2031, { deadline: "2032-02-15", forwardingDeadline: "2032-02-01" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ field: "forwardingDeadline" });
    const early = await create(2031, { deadline: "2031-12-31" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toMatchObject({ field: "deadline" });
    expect(await formsOf(t, 2031)).toBe(0);
  });

  it("[R2.4-1] duplicate question keys are refused", async () => {
    const d = exampleFormDefinition(2032);
    d.activities.sections[0]!.questions[0]!.key = "krisledningOvat";
    const res = await create(2032, { definition: d });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/krisledningOvat finns två gånger/);
    expect(await formsOf(t, 2032)).toBe(0);
  });

  it("[R2.4-1] a published form is frozen: edit → 409, publish twice → 409; a change is a new version", async () => {
    const draft = (await agency.get("/api/v1/annual-forms?year=2026")).json().items[0];
    const full = (await agency.get(`/api/v1/annual-forms/${draft.id}`)).json();
    const edit = (version: number, title: string) =>
      agency.put(`/api/v1/annual-forms/${draft.id}`, {
        version,
        title,
        deadline: full.deadline,
        forwardingDeadline: full.forwardingDeadline,
        example: false,
        definition: full.definition,
      });
    const edited = await edit(1, "Årsuppföljning 2026, utkast");
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, title: "Årsuppföljning 2026, utkast" });
    expect((await edit(1, "Gammal version")).statusCode).toBe(409);
    expect((await agency.post(`/api/v1/annual-forms/${draft.id}/publish`, { version: 1 })).statusCode).toBe(409);

    const published = await agency.post(`/api/v1/annual-forms/${draft.id}/publish`, { version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", current: true });
    expect(published.json().publishedAt).toBeTruthy();
    expect((await auditOf(t, "annualForms.publish", draft.id)).length).toBe(1);
    expect((await auditOf(t, "annualForms.update", draft.id)).length).toBe(1);

    const frozen = await edit(3, "Ändrad efter publicering");
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toBe("Blanketten är publicerad och kan inte ändras. Skapa en ny version.");
    expect((await agency.post(`/api/v1/annual-forms/${draft.id}/publish`, { version: 3 })).statusCode).toBe(409);
    // Without a body too: a published form is never published again.
    expect((await agency.request({ method: "POST", url: `/api/v1/annual-forms/${draft.id}/publish` })).statusCode).toBe(
      409,
    );

    const next = await agency.post(`/api/v1/annual-forms/${draft.id}/versions`);
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ year: 2026, number: 2, status: "draft", current: false });
    expect(next.json().definition).toEqual(full.definition);
    expect((await auditOf(t, "annualForms.create", next.json().id))[0]?.after).toMatchObject({
      number: 2,
      from: { id: draft.id, number: 1 },
    });
    expect((await agency.post(`/api/v1/annual-forms/${draft.id}/versions`)).statusCode).toBe(409);
    const v2 = await agency.post(`/api/v1/annual-forms/${next.json().id}/publish`, { version: 1 });
    expect(v2.json()).toMatchObject({ number: 2, current: true });
    const list = (await agency.get("/api/v1/annual-forms?year=2026")).json().items;
    expect(list.map((f: { number: number; current: boolean }) => [f.number, f.current])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it("[R2.4-1] only the agency writes forms: county and municipality 403", async () => {
    const body = { year: 2033, title: "Årsuppföljning 2033", definition: exampleFormDefinition(2033) };
    for (const c of [county, coordinator, admin])
      expect((await c.post("/api/v1/annual-forms", body)).statusCode).toBe(403);
    const published = await insertPublishedForm(t.database.db, { year: 2025 });
    for (const c of [county, coordinator]) {
      expect((await c.post(`/api/v1/annual-forms/${published.id}/versions`)).statusCode).toBe(403);
      expect((await c.post(`/api/v1/annual-forms/${published.id}/publish`, { version: 1 })).statusCode).toBe(403);
    }
    expect(await formsOf(t, 2033)).toBe(0);
  });

  it("[R2.4-1] a municipality and a county see published forms only: a draft is not listed and is 404", async () => {
    const draft = (await create(2034)).json();
    for (const c of [county, coordinator, admin]) {
      expect((await c.get("/api/v1/annual-forms?year=2034")).json().items).toEqual([]);
      expect((await c.get(`/api/v1/annual-forms/${draft.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/annual-forms/${draft.id}/export.yaml`)).statusCode).toBe(404);
    }
    expect((await agency.get("/api/v1/annual-forms?year=2034")).json().items).toHaveLength(1);
    const published = (await coordinator.get("/api/v1/annual-forms?year=2026")).json().items;
    expect(published.map((f: { number: number }) => f.number)).toEqual([2, 1]);
    expect(published[0].questions).toBeGreaterThan(10);
    expect((await coordinator.get(`/api/v1/annual-forms/${published[0].id}`)).json().current).toBe(true);
  });
});
