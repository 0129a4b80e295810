import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { stringify } from "yaml";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { auditEvents, criteria, criteriaAreas, criteriaLibraryVersions } from "../../db/schema/index.js";
import { loadStarterCriteria, starterCriteria } from "../../db/seed/criteria-starter.js";

type Library = {
  version: { id: string; name: string; version: string; sourceReference: string; isExample: boolean; active: boolean };
  areas: {
    code: string;
    title: string;
    description: string | null;
    criteria: { id: string; code: string; tier: string; text: string; help: string | null; documentTypes: string[] }[];
  }[];
};

/** The library's content without ids and version metadata, to compare two versions. */
const content = (lib: Library) =>
  lib.areas.map(({ code, title, description, criteria: cs }) => ({
    code,
    title,
    description,
    criteria: cs.map(({ id: _id, ...c }) => c),
  }));

function importFile(
  client: Client,
  file: { name: string; content: Buffer | string; contentType?: string },
  fields: Record<string, string> = {},
) {
  const body = multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    {
      name: "file",
      value: typeof file.content === "string" ? Buffer.from(file.content) : file.content,
      fileName: file.name,
      contentType: file.contentType ?? "application/octet-stream",
    },
  ]);
  return client.request({
    method: "POST",
    url: "/api/v1/criteria/versions/import",
    payload: body.payload,
    headers: body.headers,
  });
}

/** A small valid library as YAML. */
function smallLibrary(version: string, extra: Record<string, unknown> = {}) {
  return stringify({
    format: "uppsikt-criteria/1",
    name: "Gemensamma bedömningskriterier (test)",
    version,
    sourceReference: "MSB1475 (2020), dnr 2019-10545",
    isExample: false,
    areas: [
      {
        code: "RSA",
        title: "Risk- och sårbarhetsanalys",
        criteria: [
          { code: "R1", tier: "basic", text: "Följer MSBFS 2015:5 § 4.", documentTypes: ["rsa"] },
          { code: "R2", tier: "quality", text: "Aktörer har deltagit.", help: "Se metodavsnittet.", documentTypes: [] },
        ],
      },
    ],
    ...extra,
  });
}

async function xlsxWith(edit: (wb: ExcelJS.Workbook) => void, from: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(from as unknown as ExcelJS.Buffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("criteria library", () => {
  let t: TestContext;
  let agency: Awaited<ReturnType<TestContext["as"]>>;
  let county: Client;
  let coordinator: Client;
  let starterId: string;

  const counts = async () => ({
    versions: (await t.database.db.select({ n: count() }).from(criteriaLibraryVersions))[0]!.n,
    areas: (await t.database.db.select({ n: count() }).from(criteriaAreas))[0]!.n,
    criteria: (await t.database.db.select({ n: count() }).from(criteria))[0]!.n,
    audit: (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n,
  });

  beforeAll(async () => {
    t = await createTestContext();
    agency = await t.as({ role: "agency" });
    // Every start loads it (the test template too); loading again changes nothing.
    await loadStarterCriteria(t.database.db, t.clock);
    county = await t.as({ role: "county", county: "01", countyHead: true });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    starterId = (await agency.get("/api/v1/criteria/library")).json().version.id;
  });
  afterAll(() => t.close());

  it("[R4-1] ships an active example library built from the guidance, loaded once", async () => {
    expect(await loadStarterCriteria(t.database.db, t.clock)).toEqual({ inserted: false });
    const lib: Library = (await coordinator.get("/api/v1/criteria/library")).json();
    expect(lib.version).toMatchObject({
      name: "Exempel – startbibliotek (ersätts av MCF:s officiella version)",
      sourceReference: "Uppsikt exempel, byggt på MSB:s vägledning; ej MSB1475",
      isExample: true,
      active: true,
    });
    expect(lib.areas.length).toBeGreaterThanOrEqual(8);
    const all = lib.areas.flatMap((a) => a.criteria);
    expect(all.length).toBeGreaterThanOrEqual(35);
    // Every document type has basic requirements to check it against.
    for (const type of ["rsa", "steeringDocument", "crisisBoardRules", "emergencyPlan", "trainingAndExercisePlan"])
      expect(all.filter((c) => c.tier === "basic" && c.documentTypes.includes(type)).length).toBeGreaterThan(0);
    expect(all.find((c) => /MSBFS 2015:5 § 4/.test(c.text))?.documentTypes).toEqual(["rsa"]);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.action, ["criteria.import", "criteria.activate"]));
    expect(events.map((e) => e.action)).toEqual(["criteria.import", "criteria.activate"]);
    expect(events[0]!.actorRole).toBe("admin"); // the system actor
  });

  it("[R4-1] import YAML → the versions list shows it with its source reference; activation is audited", async () => {
    const res = await importFile(agency, { name: "kriterier.yaml", content: smallLibrary("2020.1") });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      version: "2020.1",
      sourceReference: "MSB1475 (2020), dnr 2019-10545",
      isExample: false,
      active: false,
      areaCount: 1,
      criterionCount: 2,
    });
    const list = (await county.get("/api/v1/criteria/versions")).json();
    expect(list.total).toBe(2);
    expect(list.items.find((v: { version: string }) => v.version === "2020.1")).toMatchObject({
      sourceReference: "MSB1475 (2020), dnr 2019-10545",
      active: false,
    });
    // Still the starter until the agency activates the new one.
    expect((await county.get("/api/v1/criteria/library")).json().version.id).toBe(starterId);
    const other = await county.get(`/api/v1/criteria/library?version=${res.json().id}`);
    expect(other.json().areas[0].criteria.map((c: { code: string }) => c.code)).toEqual(["R1", "R2"]);

    const activated = await agency.post(`/api/v1/criteria/versions/${res.json().id}/activate`);
    expect(activated.json()).toMatchObject({ id: res.json().id, active: true });
    const lib = (await county.get("/api/v1/criteria/library")).json();
    expect(lib.version.version).toBe("2020.1");
    const actives = await t.database.db
      .select()
      .from(criteriaLibraryVersions)
      .where(eq(criteriaLibraryVersions.active, true));
    expect(actives.map((a) => a.version)).toEqual(["2020.1"]);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, res.json().id))
      .orderBy(auditEvents.id);
    expect(event).toMatchObject({ action: "criteria.import", actorEmail: agency.user.email });
    expect(event!.after).toMatchObject({ version: "2020.1", areas: 1, criteria: 2, fileName: "kriterier.yaml" });
    const activations = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "criteria.activate"));
    expect(activations.at(-1)!.after).toMatchObject({ activeVersion: "2020.1" });

    // Back to the starter, so the rest of the file reviews against it.
    await agency.post(`/api/v1/criteria/versions/${starterId}/activate`);
  });

  it("[R4-1] imports with activate=true make the new version the only active one", async () => {
    const res = await importFile(agency, { name: "k.yml", content: smallLibrary("2020.2") }, { activate: "true" });
    expect(res.json()).toMatchObject({ version: "2020.2", active: true });
    const actives = await t.database.db
      .select({ version: criteriaLibraryVersions.version })
      .from(criteriaLibraryVersions)
      .where(eq(criteriaLibraryVersions.active, true));
    expect(actives).toEqual([{ version: "2020.2" }]);
    await agency.post(`/api/v1/criteria/versions/${starterId}/activate`);
  });

  it("[R4-1] export YAML round-trips: the export imported under a new label has the same content", async () => {
    const res = await county.get(`/api/v1/criteria/versions/${starterId}/export?format=yaml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/yaml/);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="kriterier-exempel-2026\.2\.yaml"/);
    expect(res.body).toMatch(/^# Kriteriebibliotek för Uppsikt/);
    const relabelled = res.body.replace(/^version: .*$/m, "version: rundtur-yaml");
    const imported = await importFile(agency, { name: "export.yaml", content: relabelled });
    expect(imported.statusCode, imported.body).toBe(201);
    const a: Library = (await agency.get(`/api/v1/criteria/library?version=${starterId}`)).json();
    const b: Library = (await agency.get(`/api/v1/criteria/library?version=${imported.json().id}`)).json();
    expect(b.version).toMatchObject({
      name: a.version.name,
      sourceReference: a.version.sourceReference,
      isExample: true,
    });
    expect(content(b)).toEqual(content(a));
  });

  it("[R4-1] export Excel round-trips, with the sheets Kriterier and Version", async () => {
    const res = await coordinator.get(`/api/v1/criteria/versions/${starterId}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="kriterier-exempel-2026\.2\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Kriterier")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Område-kod",
      "Område",
      "Kriterium-kod",
      "Nivå",
      "Text",
      "Hjälptext",
      "Dokumenttyper",
    ]);
    expect(sheet.getRow(2).getCell(4).value).toBe("Grundläggande krav");
    expect(wb.getWorksheet("Version")).toBeDefined();

    const relabelled = await xlsxWith((w) => {
      w.getWorksheet("Version")!.eachRow((row) => {
        if (row.getCell(1).value === "Version") row.getCell(2).value = "rundtur-xlsx";
      });
    }, res.rawPayload);
    const imported = await importFile(agency, { name: "export.xlsx", content: relabelled });
    expect(imported.statusCode, imported.body).toBe(201);
    const a: Library = (await agency.get(`/api/v1/criteria/library?version=${starterId}`)).json();
    const b: Library = (await agency.get(`/api/v1/criteria/library?version=${imported.json().id}`)).json();
    expect(b.version).toMatchObject({ name: a.version.name, version: "rundtur-xlsx", isExample: true });
    expect(content(b)).toEqual(content(a));
  });

  it("[R1-2] a county or municipality user reads the active library but cannot import or activate (403)", async () => {
    for (const client of [county, coordinator, await t.as({ role: "county", county: "14" })]) {
      expect((await client.get("/api/v1/criteria/library")).statusCode).toBe(200);
      expect((await client.get("/api/v1/criteria/versions")).statusCode).toBe(200);
      const imported = await importFile(client, { name: "k.yaml", content: smallLibrary("förbjuden") });
      expect(imported.statusCode).toBe(403);
      expect(imported.json().error.code).toBe("forbidden");
      expect((await client.post(`/api/v1/criteria/versions/${starterId}/activate`)).statusCode).toBe(403);
    }
    const admin = await t.as({ role: "admin" });
    expect((await importFile(admin, { name: "k.yaml", content: smallLibrary("förbjuden") })).statusCode).toBe(403);
    expect((await t.anonymous.get("/api/v1/criteria/library")).statusCode).toBe(401);
    const rows = await t.database.db
      .select()
      .from(criteriaLibraryVersions)
      .where(eq(criteriaLibraryVersions.version, "förbjuden"));
    expect(rows).toEqual([]);
  });

  describe("[R1-2] bad files are refused with a 400 naming the row, and nothing is saved", () => {
    let before: Awaited<ReturnType<typeof counts>>;
    let xlsx: Buffer;
    beforeAll(async () => {
      before = await counts();
      xlsx = (await agency.get(`/api/v1/criteria/versions/${starterId}/export?format=xlsx`)).rawPayload;
    });
    afterAll(async () => {
      expect(await counts()).toEqual(before);
    });

    const refused = async (
      file: { name: string; content: Buffer | string },
      status: number,
      message: RegExp,
    ): Promise<{ message: string; details?: { issues?: { location: string; message: string }[] } }> => {
      const res = await importFile(agency, file);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.message).toMatch(message);
      return res.json().error;
    };

    it("a YAML syntax error names the line", async () => {
      await refused(
        { name: "k.yaml", content: "name: [oavslutad\nversion: 1\n" },
        400,
        /inte giltig YAML.*Rad \d+, kolumn \d+/,
      );
    });

    it("a wrong tier names the line, the area and the criterion", async () => {
      const yaml = smallLibrary("dålig-nivå").replace("tier: quality", "tier: mandatory");
      const line = yaml.split("\n").findIndex((l) => l.includes("tier: mandatory")) + 1;
      const error = await refused(
        { name: "k.yaml", content: yaml },
        400,
        new RegExp(`Rad ${line}, område 1 \\(RSA\\), kriterium 2 \\(R2\\), fältet tier`),
      );
      expect(error.details!.issues![0]!.location).toBe(`rad ${line}, område 1 (RSA), kriterium 2 (R2), fältet tier`);
    });

    it("a duplicated code, an unknown document type, an unknown key or a missing field is refused", async () => {
      await refused(
        { name: "k.yaml", content: smallLibrary("dubbel").replace("code: R2", "code: R1") },
        400,
        /Kriteriekoden R1 används redan/,
      );
      await refused(
        { name: "k.yaml", content: smallLibrary("typ").replace("- rsa", "- plan") },
        400,
        /kriterium 1 \(R1\), fältet documentTypes/,
      );
      await refused(
        { name: "k.yaml", content: smallLibrary("nyckel").replace("help:", "hjalp:") },
        400,
        /Okänd nyckel: "hjalp"/,
      );
      await refused(
        { name: "k.yaml", content: smallLibrary("saknas", { sourceReference: undefined }) },
        400,
        /fältet sourceReference: Fältet saknas/,
      );
      await refused({ name: "k.yaml", content: "- bara\n- en lista\n" }, 400, /YAML-filen innehåller fel/);
    });

    it("a wrong level in Excel names the sheet, the row and the column", async () => {
      const bad = await xlsxWith((w) => {
        const version = w.getWorksheet("Version")!;
        version.eachRow((row) => {
          if (row.getCell(1).value === "Version") row.getCell(2).value = "dålig-excel";
        });
        w.getWorksheet("Kriterier")!.getRow(4).getCell(4).value = "Viktigt";
      }, xlsx);
      const error = await refused({ name: "k.xlsx", content: bad }, 400, /Bladet Kriterier, rad 4, kolumn Nivå/);
      expect(error.message).toMatch(/”Viktigt” är ingen nivå/);
    });

    it("an empty text and an unknown document type in Excel name their rows", async () => {
      const bad = await xlsxWith((w) => {
        w.getWorksheet("Version")!.eachRow((row) => {
          if (row.getCell(1).value === "Version") row.getCell(2).value = "dålig-excel-2";
        });
        const sheet = w.getWorksheet("Kriterier")!;
        sheet.getRow(3).getCell(5).value = "";
        sheet.getRow(6).getCell(7).value = "rsa, okänd";
      }, xlsx);
      const error = await refused(
        { name: "k.xlsx", content: bad },
        400,
        /Bladet Kriterier, rad 6, kolumn Dokumenttyper/,
      );
      expect(error.details!.issues!.length).toBe(1);
      const noText = await xlsxWith((w) => {
        w.getWorksheet("Version")!.eachRow((row) => {
          if (row.getCell(1).value === "Version") row.getCell(2).value = "dålig-excel-3";
        });
        w.getWorksheet("Kriterier")!.getRow(3).getCell(5).value = "";
      }, xlsx);
      await refused(
        { name: "k.xlsx", content: noText },
        400,
        /Bladet Kriterier, rad 3, kolumn Text: Ange kriteriets text/,
      );
    });

    it("a missing column or sheet, or a file that is not Excel, is refused", async () => {
      const noColumn = await xlsxWith((w) => {
        w.getWorksheet("Kriterier")!.getRow(1).getCell(4).value = "Tier";
      }, xlsx);
      await refused({ name: "k.xlsx", content: noColumn }, 400, /Bladet Kriterier, rad 1: kolumnen ”Nivå” saknas/);
      const noSheet = await xlsxWith((w) => w.removeWorksheet(w.getWorksheet("Version")!.id), xlsx);
      await refused({ name: "k.xlsx", content: noSheet }, 400, /bladet ”Version” saknas/);
      await refused({ name: "k.xlsx", content: "inte en zip" }, 400, /ingen Excelfil/);
      await refused(
        { name: "k.xlsx", content: Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(100)]) },
        400,
        /kunde inte läsas/,
      );
      await refused({ name: "k.csv", content: "a,b" }, 400, /Filtypen stöds inte/);
      await refused({ name: "k.yaml", content: Buffer.from([0xff, 0xfe, 0x00]) }, 400, /UTF-8/);
    });

    it("an existing version label is a conflict (409)", async () => {
      await refused({ name: "k.yaml", content: smallLibrary("exempel-2026.2") }, 409, /finns redan/);
    });

    it("a request that is not a file upload is refused: JSON 415, no file 400, too large 413", async () => {
      const json = await agency.post("/api/v1/criteria/versions/import", { name: "x" });
      expect(json.statusCode).toBe(415);
      expect(json.json().error.code).toBe("unsupportedMediaType");
      const noFile = multipart([{ name: "activate", value: "true" }]);
      const res = await agency.request({
        method: "POST",
        url: "/api/v1/criteria/versions/import",
        payload: noFile.payload,
        headers: noFile.headers,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/Välj en fil/);
      const big = await importFile(agency, { name: "k.yaml", content: Buffer.alloc(6 * 1024 * 1024, "a") });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.message).toMatch(/högst 5 MB/);
      const broken = await agency.request({
        method: "POST",
        url: "/api/v1/criteria/versions/import",
        payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.yaml"\r\n\r\nabc',
        headers: { "content-type": "multipart/form-data; boundary=x" },
      });
      expect(broken.statusCode).toBe(400);
      const noBoundary = await agency.request({
        method: "POST",
        url: "/api/v1/criteria/versions/import",
        payload: "abc",
        headers: { "content-type": "multipart/form-data" },
      });
      expect(noBoundary.statusCode).toBe(400);
      const badFlag = await importFile(agency, { name: "k.yaml", content: smallLibrary("flagga") }, { activate: "ja" });
      expect(badFlag.statusCode).toBe(400);
    });
  });

  it("[R4-1] two imports of the same label at once: one is saved whole, the other is a conflict", async () => {
    const before = await counts();
    const results = await Promise.all([
      importFile(agency, { name: "a.yaml", content: smallLibrary("samtidig") }),
      importFile(agency, { name: "b.yaml", content: smallLibrary("samtidig") }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const after = await counts();
    expect(after.versions).toBe(before.versions + 1);
    expect(after.areas).toBe(before.areas + 1);
    expect(after.criteria).toBe(before.criteria + 2);
  });

  it("[R4-1] while no version is active the library answers with no version rather than an error", async () => {
    await t.database.db.update(criteriaLibraryVersions).set({ active: false });
    try {
      expect((await county.get("/api/v1/criteria/library")).json()).toEqual({ version: null, areas: [] });
    } finally {
      await t.database.db
        .update(criteriaLibraryVersions)
        .set({ active: true })
        .where(eq(criteriaLibraryVersions.id, starterId));
    }
  });

  it("[R4-1] unknown versions answer 404; the starter file itself validates", async () => {
    expect((await agency.get("/api/v1/criteria/library?version=abc")).statusCode).toBe(400);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await agency.get(`/api/v1/criteria/library?version=${unknown}`)).statusCode).toBe(404);
    expect((await agency.post(`/api/v1/criteria/versions/${unknown}/activate`)).statusCode).toBe(404);
    expect((await agency.get(`/api/v1/criteria/versions/${unknown}/export?format=yaml`)).statusCode).toBe(404);
    expect((await agency.get(`/api/v1/criteria/versions/${starterId}/export?format=pdf`)).statusCode).toBe(400);
    expect(starterCriteria().isExample).toBe(true);
  });
});
