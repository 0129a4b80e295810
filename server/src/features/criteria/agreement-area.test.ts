import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { stringify } from "yaml";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { criteriaLibraryVersions } from "../../db/schema/index.js";
import { loadStarterCriteria } from "../../db/seed/criteria-starter.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const library = (version: string, areas: Record<string, unknown>[]) =>
  stringify({
    format: "uppsikt-criteria/1",
    name: "Gemensamma bedömningskriterier (test)",
    version,
    sourceReference: "MSB1475 (2020), dnr 2019-10545",
    areas,
  });
const area = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  title: `Område ${code}`,
  criteria: [{ code: `${code}-1`, tier: "basic", text: "Ett kriterium.", documentTypes: [] }],
  ...extra,
});

describe("[R2.1-2] criteria areas carry their agreement area", () => {
  let t: TestContext;
  let agency: Client;
  const upload = (name: string, content: string | Buffer) => {
    const body = multipart([
      { name: "file", value: Buffer.from(content), fileName: name, contentType: "application/octet-stream" },
    ]);
    return agency.request({
      method: "POST",
      url: "/api/v1/criteria/versions/import",
      payload: body.payload,
      headers: body.headers,
    });
  };

  beforeAll(async () => {
    t = await createTestContext();
    agency = await t.as({ role: "agency" });
  });
  afterAll(() => t.close());

  it("[R2.1-2] the starter library marks its civil-defence area; the others are crisis preparedness", async () => {
    const lib = (await agency.get("/api/v1/criteria/library")).json();
    expect(lib.version.version).toBe("exempel-2026.2");
    const byCode = Object.fromEntries(
      lib.areas.map((a: { code: string; agreementArea: string }) => [a.code, a.agreementArea]),
    );
    expect(byCode.CF).toBe("civilDefence");
    expect(byCode.RSA).toBe("crisisPreparedness");
  });

  it("[R2.1-2] YAML: defaults to crisis preparedness, refuses an unknown part, and exports it for a round trip", async () => {
    const ok = await upload("k.yaml", library("t-1", [area("A"), area("B", { agreementArea: "civilDefence" })]));
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id;
    const lib = (await agency.get(`/api/v1/criteria/library?version=${id}`)).json();
    expect(lib.areas.map((a: { agreementArea: string }) => a.agreementArea)).toEqual([
      "crisisPreparedness",
      "civilDefence",
    ]);
    const bad = await upload("k.yaml", library("t-2", [area("A", { agreementArea: "civil" })]));
    expect(bad.statusCode).toBe(400);
    const exported = (await agency.get(`/api/v1/criteria/versions/${id}/export?format=xlsx`)).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const areas = wb.getWorksheet("Områden")!;
    expect(areas.getRow(1).getCell(4).value).toBe("Överenskommelsedel");
    expect(areas.getRow(3).getCell(4).value).toBe("Civilt försvar");
    areas.getRow(2).getCell(4).value = "Civilt försvar";
    wb.getWorksheet("Version")!.eachRow((row) => {
      if (row.getCell(1).value === "Version") row.getCell(2).value = "t-3";
    });
    const again = await upload("k.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(again.statusCode, again.body).toBe(201);
    const relib = (await agency.get(`/api/v1/criteria/library?version=${again.json().id}`)).json();
    expect(relib.areas.map((a: { agreementArea: string }) => a.agreementArea)).toEqual([
      "civilDefence",
      "civilDefence",
    ]);
  });

  it("[R2.1-2] an installation on the earlier example version gets the new one, never over an official version", async () => {
    const db = t.database.db;
    // Pretend the active example is the earlier one: relabel it, then start again.
    await db
      .update(criteriaLibraryVersions)
      .set({ version: "exempel-2026.1" })
      .where(eq(criteriaLibraryVersions.version, "exempel-2026.2"));
    await db.update(criteriaLibraryVersions).set({ active: false });
    await db
      .update(criteriaLibraryVersions)
      .set({ active: true })
      .where(eq(criteriaLibraryVersions.version, "exempel-2026.1"));
    expect(await loadStarterCriteria(db, t.clock)).toEqual({ inserted: true });
    expect((await agency.get("/api/v1/criteria/library")).json().version.version).toBe("exempel-2026.2");
    expect(await loadStarterCriteria(db, t.clock)).toEqual({ inserted: false });
    // An official version active: the starter leaves it.
    await db.update(criteriaLibraryVersions).set({ active: false });
    await db.update(criteriaLibraryVersions).set({ active: true }).where(eq(criteriaLibraryVersions.version, "t-1"));
    await db
      .update(criteriaLibraryVersions)
      .set({ version: "exempel-2026.0" })
      .where(eq(criteriaLibraryVersions.version, "exempel-2026.2"));
    expect(await loadStarterCriteria(db, t.clock)).toEqual({ inserted: false });
  });
});
