import { watchTitle } from "@uppsikt/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { auditEvents } from "../../db/schema/index.js";
import { dialogueFollowUpsSource } from "./watch.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const entry = (over: Record<string, unknown> = {}) => ({
  municipalities: ["0180"],
  date: "2026-11-20",
  form: "meeting",
  subjects: ["rsa"],
  notes: "Genomgång av RSA-arbetet och tidplanen för nästa rapport.",
  participants: { municipality: ["Anders Wikström"], county: ["Johan Bergström"] },
  ...over,
});

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

describe("[R2.3-1] the continuous dialogue with the municipalities", () => {
  let t: TestContext;
  let officer: Client;
  let otherOfficer: Client;
  let coordinator0180: Client;
  let leadership0180: Client;
  let coordinator0182: Client;
  let coordinator0181: Client;
  let officer14: Client;
  let agency: Client;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01", name: "Johan Bergström" });
    otherOfficer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    coordinator0180 = await t.as({ role: "municipality", municipality: "0180", name: "Anders Wikström" });
    leadership0180 = await t.as({ role: "municipality", municipality: "0180", readOnly: true, name: "Eva Strand" });
    coordinator0182 = await t.as({ role: "municipality", municipality: "0182", name: "Nina Nacka" });
    coordinator0181 = await t.as({ role: "municipality", municipality: "0181", name: "Sven Södertälje" });
    officer14 = await t.as({ role: "county", county: "14", name: "Erik Holmgren" });
    agency = await t.as({ role: "agency" });
  });
  afterAll(() => t.close());

  it("[R2.3-1] a network-meeting entry appears for each of its municipalities and for nobody outside scope", async () => {
    const res = await officer.post(
      "/api/v1/dialogue-entries",
      entry({
        municipalities: ["0183", "0180", "0182"],
        form: "networkMeeting",
        subjects: ["civilDefence", "trainingAndExercises"],
        notes: "Nätverksträff om höjd beredskap. Gemensam övning planeras till våren.",
        participants: {
          municipality: ["Anders Wikström", "Nina Nacka", "Kim Sundbyberg"],
          county: ["Johan Bergström"],
        },
        followUps: [{ text: "Skicka förslag på övningsdatum", due: "2027-01-31" }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      county: "01",
      form: "networkMeeting",
      visibility: "shared",
      version: 1,
      confidential: null,
      author: { id: officer.user.id, name: "Johan Bergström" },
      versions: [],
      warnings: [],
    });
    expect(created.municipalities.map((m: { code: string }) => m.code)).toEqual(["0180", "0182", "0183"]);
    // The owner defaults to the author.
    expect(created.followUps[0]).toMatchObject({
      text: "Skicka förslag på övningsdatum",
      due: "2027-01-31",
      owner: { userId: officer.user.id, name: "Johan Bergström" },
      done: false,
      overdue: false,
    });

    for (const code of ["0180", "0182", "0183"])
      expect(ids(await otherOfficer.get(`/api/v1/municipalities/${code}/dialogue-entries`))).toContain(created.id);
    for (const client of [coordinator0180, leadership0180])
      expect(ids(await client.get("/api/v1/municipalities/0180/dialogue-entries"))).toContain(created.id);
    expect(ids(await coordinator0182.get("/api/v1/municipalities/0182/dialogue-entries"))).toContain(created.id);
    expect((await coordinator0182.get(`/api/v1/dialogue-entries/${created.id}`)).statusCode).toBe(200);

    // Not for a municipality outside the meeting, another county, the agency.
    expect(ids(await otherOfficer.get("/api/v1/municipalities/0181/dialogue-entries"))).not.toContain(created.id);
    expect((await coordinator0181.get(`/api/v1/dialogue-entries/${created.id}`)).statusCode).toBe(404);
    expect((await coordinator0181.get("/api/v1/municipalities/0180/dialogue-entries")).statusCode).toBe(404);
    expect((await officer14.get(`/api/v1/dialogue-entries/${created.id}`)).statusCode).toBe(404);
    expect((await officer14.get("/api/v1/municipalities/0180/dialogue-entries")).statusCode).toBe(404);
    expect((await agency.get(`/api/v1/dialogue-entries/${created.id}`)).statusCode).toBe(403);
    expect((await agency.get("/api/v1/municipalities/0180/dialogue-entries")).statusCode).toBe(403);

    // Leadership reads but does not write; coordinators do not write entries either.
    expect((await leadership0180.post("/api/v1/dialogue-entries", entry())).statusCode).toBe(403);
    expect((await coordinator0180.post("/api/v1/dialogue-entries", entry())).statusCode).toBe(403);
  });

  it("[R2.3-1] a county-internal entry is hidden from the coordinators, in the list, the detail and the export", async () => {
    const res = await officer.post(
      "/api/v1/dialogue-entries",
      entry({ visibility: "countyInternal", notes: "Intern bedömning inför besöket: ledningen verkar oengagerad." }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(ids(await otherOfficer.get("/api/v1/municipalities/0180/dialogue-entries"))).toContain(id);
    for (const client of [coordinator0180, leadership0180]) {
      expect(ids(await client.get("/api/v1/municipalities/0180/dialogue-entries"))).not.toContain(id);
      expect((await client.get(`/api/v1/dialogue-entries/${id}`)).statusCode).toBe(404);
      const xlsx = await client.get("/api/v1/municipalities/0180/dialogue-entries.xlsx");
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.toString("latin1")).not.toContain("oengagerad");
      const sheet = (await workbook(xlsx.rawPayload)).getWorksheet("Dialog")!;
      const notes: unknown[] = [];
      sheet.eachRow((row, n) => n > 1 && notes.push(row.getCell(7).value));
      expect(notes.join(" ")).not.toContain("oengagerad");
    }
  });

  it("[R2.3-1] only the author edits; the earlier version is kept and visible to those who may read the entry", async () => {
    const created = (
      await officer.post(
        "/api/v1/dialogue-entries",
        entry({
          date: "2026-11-24",
          form: "phone",
          notes: "Samordnaren berättade att styrdokumentet är försenat.",
          followUps: [
            { text: "Påminn om styrdokumentet", due: "2026-12-10" },
            { text: "Boka möte med kommundirektören", due: "2027-01-20", owner: { name: "Lars Persson" } },
          ],
        }),
      )
    ).json();
    const keptFollowUp = created.followUps.find((f: { text: string }) => f.text.startsWith("Påminn"));
    expect(created.followUps.find((f: { text: string }) => f.text.startsWith("Boka")).owner).toEqual({
      userId: null,
      name: "Lars Persson",
    });
    expect((await officer.post(`/api/v1/dialogue-follow-ups/${keptFollowUp.id}/done`)).json()).toMatchObject({
      done: true,
      doneBy: { id: officer.user.id },
    });

    const edit = {
      ...entry({
        date: "2026-11-24",
        form: "phone",
        subjects: ["planning", "rsa"],
        notes: "Samordnaren berättade att styrdokumentet beslutas i kommunfullmäktige i februari.",
      }),
      version: 1,
      followUps: [{ id: keptFollowUp.id, text: "Påminn om styrdokumentet i februari", due: "2027-02-28" }],
    };
    const forbidden = await otherOfficer.put(`/api/v1/dialogue-entries/${created.id}`, edit);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.message).toMatch(/Bara den som skrev/);
    expect((await coordinator0180.put(`/api/v1/dialogue-entries/${created.id}`, edit)).statusCode).toBe(403);
    expect((await officer14.put(`/api/v1/dialogue-entries/${created.id}`, edit)).statusCode).toBe(404);

    const res = await officer.put(`/api/v1/dialogue-entries/${created.id}`, edit);
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json();
    expect(updated).toMatchObject({
      version: 2,
      subjects: ["planning", "rsa"],
      notes: "Samordnaren berättade att styrdokumentet beslutas i kommunfullmäktige i februari.",
    });
    // The item kept by id keeps its done state; the one left out is gone.
    expect(updated.followUps).toHaveLength(1);
    expect(updated.followUps[0]).toMatchObject({ id: keptFollowUp.id, due: "2027-02-28", done: true });
    expect(updated.versions).toHaveLength(1);
    expect(updated.versions[0]).toMatchObject({
      version: 1,
      notes: "Samordnaren berättade att styrdokumentet är försenat.",
      subjects: ["rsa"],
      municipalities: [{ code: "0180", name: "Stockholm" }],
      editedBy: { id: officer.user.id, name: "Johan Bergström" },
    });
    expect(updated.versions[0].followUps).toHaveLength(2);

    // The coordinator reads the entry and its history; an edit from a stale version is refused.
    const seen = (await coordinator0180.get(`/api/v1/dialogue-entries/${created.id}`)).json();
    expect(seen.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(seen.warnings).toBeUndefined();
    const stale = await officer.put(`/api/v1/dialogue-entries/${created.id}`, edit);
    expect(stale.statusCode).toBe(409);

    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "dialogue.update"));
    expect(event).toMatchObject({ entityId: created.id, actorId: officer.user.id });
    expect(JSON.stringify(event)).not.toMatch(/styrdokumentet|Påminn/);
  });

  it("[issue 9 item 10] an edit must carry the version it edits: missing → 400, stale → 409 with the current version; nothing saved is lost", async () => {
    const created = (await officer.post("/api/v1/dialogue-entries", entry({ notes: "Första versionen." }))).json();
    const url = `/api/v1/dialogue-entries/${created.id}`;
    const updates = async () =>
      (await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id))).filter(
        (e) => e.action === "dialogue.update",
      ).length;

    const missing = await officer.put(url, entry({ notes: "Utan version." }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: "validation" });
    expect(missing.json().error.message).toMatch(/version/);
    for (const version of ["1", 0, 1.5, null]) {
      const bad = await officer.put(url, { ...entry({ notes: "Fel version." }), version });
      expect(bad.statusCode, JSON.stringify(version)).toBe(400);
    }
    expect((await officer.get(url)).json()).toMatchObject({ version: 1, notes: "Första versionen." });
    expect(await updates()).toBe(0);

    const second = await officer.put(url, { ...entry({ notes: "Andra versionen." }), version: 1 });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().version).toBe(2);

    // A second tab still on version 1: refused with the version now current, the newer text kept.
    const stale = await officer.put(url, { ...entry({ notes: "Från en gammal flik." }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "conflict",
      message: "Anteckningen har ändrats sedan du öppnade den. Ladda om och gör ändringen igen.",
      details: { version: 2 },
    });
    const ahead = await officer.put(url, { ...entry({ notes: "Från framtiden." }), version: 5 });
    expect(ahead.statusCode).toBe(409);
    expect(ahead.json().error.details).toEqual({ version: 2 });
    expect((await officer.get(url)).json()).toMatchObject({ version: 2, notes: "Andra versionen." });
    expect(await updates()).toBe(1);
  });

  it("[R2.3-1] refuses an empty list, an unknown code, a future date and an owner who may not read the entry; 404 for another county", async () => {
    const post = (body: object) => officer.post("/api/v1/dialogue-entries", body);
    expect((await post(entry({ municipalities: [] }))).statusCode).toBe(400);
    const unknown = await post(entry({ municipalities: ["0180", "9999"] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/9999/);
    expect((await post(entry({ municipalities: ["0180", "1480"] }))).statusCode).toBe(404);
    expect((await post(entry({ municipalities: ["0180", "0180"] }))).statusCode).toBe(400);
    expect((await post(entry({ date: "2026-11-28" }))).statusCode).toBe(400);
    expect((await post(entry({ form: "letter" }))).statusCode).toBe(400);
    expect((await post(entry({ subjects: ["weather"] }))).statusCode).toBe(400);
    expect((await post(entry({ subjects: [] }))).statusCode).toBe(400);
    const coordinatorOwns = {
      followUps: [{ text: "Skicka planen", due: "2026-12-01", owner: { userId: coordinator0180.user.id } }],
    };
    expect((await post(entry({ ...coordinatorOwns, visibility: "countyInternal" }))).statusCode).toBe(400);
    expect(
      (await post(entry({ followUps: [{ text: "x", due: "2026-12-01", owner: { userId: officer14.user.id } }] })))
        .statusCode,
    ).toBe(400);
    expect((await post(entry(coordinatorOwns))).statusCode).toBe(201);
    // Today is allowed.
    expect((await post(entry({ date: "2026-11-27" }))).statusCode).toBe(201);
  });

  it("[R2.3-1] follow-up items are marked done by the county or by the municipality user who owns them", async () => {
    const created = (
      await officer.post(
        "/api/v1/dialogue-entries",
        entry({
          municipalities: ["0180", "0182"],
          form: "email",
          followUps: [
            { text: "Skicka övningsplanen", due: "2026-11-20", owner: { userId: coordinator0180.user.id } },
            { text: "Svara om utbildningen", due: "2026-12-20", owner: { userId: coordinator0182.user.id } },
          ],
        }),
      )
    ).json();
    const [mine, theirs] = created.followUps;
    expect(mine.overdue).toBe(true);
    expect(theirs.overdue).toBe(false);
    expect((await leadership0180.post(`/api/v1/dialogue-follow-ups/${mine.id}/done`)).statusCode).toBe(403);
    expect((await coordinator0180.post(`/api/v1/dialogue-follow-ups/${theirs.id}/done`)).statusCode).toBe(403);
    expect((await coordinator0181.post(`/api/v1/dialogue-follow-ups/${mine.id}/done`)).statusCode).toBe(404);
    const done = await coordinator0180.post(`/api/v1/dialogue-follow-ups/${mine.id}/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ done: true, overdue: false, doneBy: { id: coordinator0180.user.id } });
    expect((await coordinator0180.post(`/api/v1/dialogue-follow-ups/${mine.id}/done`)).statusCode).toBe(409);
    expect((await otherOfficer.post(`/api/v1/dialogue-follow-ups/${theirs.id}/done`)).statusCode).toBe(200);
  });

  it("[R2.3-1] the list is newest first, paged and filtered by date and subject", async () => {
    for (const [date, subject] of [
      ["2026-03-02", "economy"],
      ["2026-05-12", "savings"],
      ["2026-09-30", "economy"],
    ] as const)
      expect(
        (await officer.post("/api/v1/dialogue-entries", entry({ municipalities: ["0186"], date, subjects: [subject] })))
          .statusCode,
      ).toBe(201);
    const all = (await officer.get("/api/v1/municipalities/0186/dialogue-entries")).json();
    expect(all.total).toBe(3);
    expect(all.items.map((i: { date: string }) => i.date)).toEqual(["2026-09-30", "2026-05-12", "2026-03-02"]);
    const page = (await officer.get("/api/v1/municipalities/0186/dialogue-entries?limit=1&offset=1")).json();
    expect(page.total).toBe(3);
    expect(page.items.map((i: { date: string }) => i.date)).toEqual(["2026-05-12"]);
    const economy = (
      await officer.get("/api/v1/municipalities/0186/dialogue-entries?subject=economy&from=2026-04-01")
    ).json();
    expect(economy.items.map((i: { date: string }) => i.date)).toEqual(["2026-09-30"]);
    expect((await officer.get("/api/v1/municipalities/0186/dialogue-entries?subject=weather")).statusCode).toBe(400);
    expect(
      (await officer.get("/api/v1/municipalities/0186/dialogue-entries?from=2026-10-01&to=2026-01-01")).statusCode,
    ).toBe(400);
  });

  it("[R2.3-1] the export is an Excel sheet with the entries in words", async () => {
    const res = await coordinator0180.get("/api/v1/municipalities/0180/dialogue-entries.xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("Dialog Stockholm 2026-11-27.xlsx"));
    const sheet = (await workbook(res.rawPayload)).getWorksheet("Dialog")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual([
      "Datum",
      "Form",
      "Ämnen",
      "Kommuner",
      "Deltagare från kommunen",
      "Deltagare från länsstyrelsen",
      "Anteckningar",
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    const network = rows.find((r) => r[1] === "Nätverksmöte")!;
    expect(network[2]).toBe("Civilt försvar, Utbildning och övning");
    expect(network[3]).toBe("Stockholm, Nacka, Sundbyberg");
    expect(network[6]).toMatch(/Nätverksträff om höjd beredskap/);
  });

  it("[R2.3-1] search finds notes with Swedish stemming, municipality names and subject labels; only for the county", async () => {
    expect(
      (
        await officer.post(
          "/api/v1/dialogue-entries",
          entry({
            municipalities: ["0184"],
            subjects: ["geographicResponsibility"],
            notes: "Kommunen saknar reservkraft vid två vattenverk. Vi återkommer om samverkan.",
          }),
        )
      ).statusCode,
    ).toBe(201);
    const stem = (
      await otherOfficer.get(`/api/v1/counties/01/dialogue-entries/search?q=${encodeURIComponent("vattenverken")}`)
    ).json();
    expect(stem.total).toBe(1);
    expect(stem.items[0].excerpt).toMatch(/«vattenverk»/);
    const byName = (await otherOfficer.get("/api/v1/counties/01/dialogue-entries/search?q=Solna")).json();
    expect(byName.total).toBe(1);
    const bySubject = (
      await otherOfficer.get(`/api/v1/counties/01/dialogue-entries/search?q=${encodeURIComponent("områdesansvar")}`)
    ).json();
    expect(bySubject.items.map((i: { municipalities: { code: string }[] }) => i.municipalities[0]!.code)).toContain(
      "0184",
    );
    expect((await officer14.get("/api/v1/counties/01/dialogue-entries/search?q=Solna")).statusCode).toBe(404);
    expect((await coordinator0180.get("/api/v1/counties/01/dialogue-entries/search?q=Solna")).statusCode).toBe(403);
    expect((await otherOfficer.get("/api/v1/counties/01/dialogue-entries/search?q=a")).statusCode).toBe(400);
  });

  it("[R1-3] open follow-up items are watched: one item per follow-up, owner or author responsible, filtered by county and municipality", async () => {
    const created = (
      await officer.post(
        "/api/v1/dialogue-entries",
        entry({
          municipalities: ["0187", "0188", "0160"],
          form: "networkMeeting",
          followUps: [
            { text: "Sammanställ kontaktlistan för Rakel", due: "2026-12-03" },
            {
              text: "Bjud in till gemensam övning",
              due: "2027-02-01",
              owner: { name: "Lars Persson, räddningstjänsten" },
            },
          ],
        }),
      )
    ).json();
    const [first, second] = created.followUps;
    const source = dialogueFollowUpsSource;
    const all = await source(t.database.db, { today: "2026-11-27", counties: ["01"] });
    const titled = all.map((i) => ({ ...i, title: watchTitle(i.kind, i.subject) }));
    const a = titled.find((i) => i.key === `dialogue.followUp:${first.id}`)!;
    expect({ ...a, subject: undefined }).toEqual({
      subject: undefined,
      key: `dialogue.followUp:${first.id}`,
      kind: "dialogueFollowUp",
      due: "2026-12-03",
      title: "Uppföljningspunkt: Sammanställ kontaktlistan för Rakel – nätverksmöte med 3 kommuner",
      county: "01",
      municipality: { code: "0160", name: "Täby" },
      responsibleUserId: officer.user.id,
      responsibleName: "Johan Bergström",
      awaitedFromMunicipality: false,
      link: "/kommun/0160?flik=dialog",
    });
    expect(titled.find((i) => i.key === `dialogue.followUp:${second.id}`)).toMatchObject({
      title: expect.stringContaining("(ansvarig: Lars Persson, räddningstjänsten)"),
      responsibleUserId: officer.user.id,
    });
    // A coordinator's query names their municipality: the item is theirs.
    const mine = await source(t.database.db, { today: "2026-11-27", municipalities: ["0188"] });
    expect(mine.find((i) => i.key === a.key)?.municipality).toEqual({ code: "0188", name: "Norrtälje" });
    expect((await source(t.database.db, { today: "2026-11-27", counties: ["14"] })).map((i) => i.key)).not.toContain(
      a.key,
    );
    expect(
      (await source(t.database.db, { today: "2026-11-27", municipalities: ["0181"] })).map((i) => i.key),
    ).not.toContain(a.key);
    // Owned by a coordinator: awaited from the municipality; done: no longer watched.
    const owned = all.filter((i) => i.awaitedFromMunicipality);
    expect(owned.length).toBeGreaterThan(0);
    expect(
      owned.every(
        (i) => i.responsibleUserId === coordinator0180.user.id || i.responsibleUserId === coordinator0182.user.id,
      ),
    ).toBe(true);
    await officer.post(`/api/v1/dialogue-follow-ups/${first.id}/done`);
    expect((await source(t.database.db, { today: "2026-11-27" })).map((i) => i.key)).not.toContain(a.key);
  });

  it("audits every write without notes", async () => {
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "dialogue.create"));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(rows)).not.toMatch(/Nätverksträff|oengagerad|vattenverk/);
  });
});
