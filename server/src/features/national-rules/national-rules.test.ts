import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { auditEvents, nationalRuleVersions } from "../../db/schema/index.js";

type Version = {
  id: string;
  appliesFrom: string;
  sourceTitle: string;
  sourceDnr: string | null;
  version: number;
  inForce: boolean;
  upcoming: boolean;
  rules: {
    documentTypes: { id: string; deadline: { month: number; day: number }; requiredDecisionLevel: string | null }[];
    limitedInvestmentsAllowed: { value: boolean };
    feedbackWaitDays: { value: number };
    largeSavingsShare: { value: number; source?: string; unverified: boolean };
    rsaDisposition: { sections: { position: number; required: boolean }[]; unverified: boolean };
  };
};

describe("[R1-2] national rules as versioned data", () => {
  let t: TestContext;
  let agency: Awaited<ReturnType<TestContext["as"]>>;
  let county: Awaited<ReturnType<TestContext["as"]>>;
  const list = async () => (await county.get("/api/v1/national-rules")).json().items as Version[];
  const inputOf = (v: Version, appliesFrom = v.appliesFrom) => ({
    appliesFrom,
    sourceTitle: v.sourceTitle,
    sourceDnr: v.sourceDnr,
    rules: v.rules,
  });
  const auditCount = async (action: string) =>
    (await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action)))[0]!.n;

  beforeAll(async () => {
    t = await createTestContext();
    agency = await t.as({ role: "agency" });
    county = await t.as({ role: "county", county: "14" });
  });
  afterAll(() => t.close());

  it("[R1-2] ships the 2019 and 2024 versions with sources; the one from 2024-01-01 is in force (the 2024 change)", async () => {
    const [v2019, v2024] = await list();
    expect([v2019!.appliesFrom, v2024!.appliesFrom]).toEqual(["2019-01-01", "2024-01-01"]);
    expect([v2019!.inForce, v2024!.inForce]).toEqual([false, true]);
    expect(v2019!.sourceDnr).toBe("MSB 2018-09779");
    expect(v2019!.rules.limitedInvestmentsAllowed.value).toBe(false);
    expect(v2024!.rules.limitedInvestmentsAllowed.value).toBe(true);
    expect(v2024!.rules.largeSavingsShare).toMatchObject({ value: 0.5, unverified: true });
    expect(v2024!.rules.largeSavingsShare.source).toMatch(/2019-10546/);
    expect(v2024!.rules.feedbackWaitDays.value).toBe(60);
    expect(v2024!.rules.rsaDisposition.unverified).toBe(true);
    expect(v2024!.rules.rsaDisposition.sections.filter((s) => s.required)).toHaveLength(7);
    const current = (await county.get("/api/v1/national-rules/current")).json();
    expect(current.id).toBe(v2024!.id);
  });

  it("[R1-2] only the agency creates a version; it must apply from a later day; every write is audited", async () => {
    const latest = (await list()).at(-1)!;
    expect((await county.post("/api/v1/national-rules", inputOf(latest, "2027-01-01"))).statusCode).toBe(403);
    const municipality = await t.as({ role: "municipality", municipality: "1480" });
    expect((await municipality.post("/api/v1/national-rules", inputOf(latest, "2027-01-01"))).statusCode).toBe(403);
    expect((await municipality.get("/api/v1/national-rules")).statusCode).toBe(200);

    const past = await agency.post("/api/v1/national-rules", inputOf(latest, "2026-11-27"));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toMatch(/senare datum än i dag/);

    const before = await auditCount("nationalRules.create");
    const created = await agency.post("/api/v1/national-rules", inputOf(latest, "2027-01-01"));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ appliesFrom: "2027-01-01", inForce: false, upcoming: true, version: 1 });
    expect(await auditCount("nationalRules.create")).toBe(before + 1);
    const again = await agency.post("/api/v1/national-rules", inputOf(latest, "2027-01-01"));
    expect(again.statusCode).toBe(409);
  });

  it("[R1-2] edits a version not yet in force with optimistic locking: missing version → 400, stale → 409", async () => {
    const all = await list();
    const upcoming = all.find((v) => v.appliesFrom === "2027-01-01")!;
    const inForce = all.find((v) => v.inForce)!;
    const body = inputOf(upcoming);
    expect((await agency.put(`/api/v1/national-rules/${upcoming.id}`, body)).statusCode).toBe(400);
    const stale = await agency.put(`/api/v1/national-rules/${upcoming.id}`, { ...body, version: 7 });
    expect(stale.statusCode).toBe(409);
    // [issue 9 item 10] the same shape as every stale update: the version now current.
    expect(stale.json().error).toMatchObject({ code: "conflict", details: { version: upcoming.version } });
    const saved = await agency.put(`/api/v1/national-rules/${upcoming.id}`, { ...body, version: upcoming.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(upcoming.version + 1);
    const locked = await agency.put(`/api/v1/national-rules/${inForce.id}`, {
      ...inputOf(inForce),
      version: inForce.version,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toMatch(/gäller redan/);
    expect(await auditCount("nationalRules.update")).toBe(1);
  });

  it("[R2.2-1] a document's deadline follows the version deciding its period: a new version changes it", async () => {
    const upcoming = (await list()).find((v) => v.appliesFrom === "2027-01-01")!;
    const rules = structuredClone(upcoming.rules);
    const rsa = rules.documentTypes.find((d) => d.id === "rsa")!;
    rsa.deadline = { ...rsa.deadline, month: 11, day: 30 };
    const saved = await agency.put(`/api/v1/national-rules/${upcoming.id}`, {
      ...inputOf(upcoming),
      rules,
      version: upcoming.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const deadlineOf = async (period: number) =>
      (await county.get(`/api/v1/municipalities/1480/documents?period=${period}`))
        .json()
        .items.find((i: { type: string }) => i.type === "rsa").deadline;
    expect(await deadlineOf(2027)).toBe("2027-11-30");
    expect(await deadlineOf(2023)).toBe("2023-10-31");
  });

  it("[R1-2] exports YAML and imports it back unchanged (round trip); an edit of an upcoming version is imported", async () => {
    const exported = await county.get("/api/v1/national-rules.yaml");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/yaml/);
    expect(exported.body).toMatch(/format: uppsikt-national-rules\/1/);
    const same = await agency.post("/api/v1/national-rules/import", { content: exported.body });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual({ created: 0, updated: 0, unchanged: 3 });

    const file = parse(exported.body);
    file.versions[2].rules.feedbackWaitDays = { value: 45, source: "Test: ändrad väntetid" };
    const edited = await agency.post("/api/v1/national-rules/import", { content: stringify(file) });
    expect(edited.json()).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect((await list())[2]!.rules.feedbackWaitDays.value).toBe(45);
    expect(await auditCount("nationalRules.import")).toBe(2);

    const one = (await list())[0]!;
    const single = await county.get(`/api/v1/national-rules/${one.id}/export`);
    expect(parse(single.body).versions).toHaveLength(1);
  });

  it("[R1-2] refuses an import with an unknown key in Swedish and saves nothing", async () => {
    const before = await t.database.db.select().from(nationalRuleVersions);
    const file = parse((await county.get("/api/v1/national-rules.yaml")).body);
    file.versions.push({ ...file.versions[2], appliesFrom: "2031-01-01" });
    file.versions[2].rules.feedbackWaitDays = { value: 10, source: "Test" };
    file.versions[1].rules.unknownRule = { value: 1, source: "Test" };
    const refused = await agency.post("/api/v1/national-rules/import", { content: stringify(file) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/Okänd nyckel: unknownRule/);
    expect(await t.database.db.select().from(nationalRuleVersions)).toEqual(before);

    const notYaml = await agency.post("/api/v1/national-rules/import", { content: "versions: [ : :" });
    expect(notYaml.statusCode).toBe(400);
    expect((await county.post("/api/v1/national-rules/import", { content: "versions: []" })).statusCode).toBe(403);
  });

  it("[R2.2-5] the RSA disposition is read from the rules in force; the agency corrects it there", async () => {
    const sections = (await county.get("/api/v1/rsa-sections")).json();
    expect(sections.total).toBe(8);
    expect(sections.items.find((s: { position: number }) => s.position === 6)).toMatchObject({ required: false });
    const current = (await county.get("/api/v1/national-rules/current")).json() as Version;
    expect(current.rules.rsaDisposition.sections).toHaveLength(8);
  });
});
