import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildUser } from "../../../test/factories.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;
interface Candidate {
  id: string;
  name: string;
  role: string;
  municipality: { code: string; name: string } | null;
}
const names = (res: { json(): { items: Candidate[] } }) => res.json().items.map((c) => c.name);

describe("[R2.3-1] who can own a follow-up item", () => {
  let t: TestContext;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01", name: "Johan Bergström" });
    const db = t.database.db;
    await buildUser(db, { role: "county", county: "01", name: "Åsa Öberg" });
    await buildUser(db, { role: "county", county: "01", name: "Zara Ek", countyHead: true });
    await buildUser(db, { role: "county", county: "01", name: "Slutat Handläggare", active: false });
    await buildUser(db, { role: "county", county: "14", name: "Erik Holmgren" });
    await buildUser(db, { role: "municipality", municipality: "0180", name: "Anders Wikström" });
    await buildUser(db, { role: "municipality", municipality: "0180", name: "Eva Strand", readOnly: true });
    await buildUser(db, { role: "municipality", municipality: "0182", name: "Nina Nacka" });
    await buildUser(db, { role: "municipality", municipality: "0181", name: "Sven Södertälje" });
    await buildUser(db, { role: "municipality", municipality: "1480", name: "Fatima Göteborg" });
  });
  afterAll(() => t.close());

  it("[R2.3-1] offers the county's active users in Swedish order, then the chosen municipalities' users who can act", async () => {
    const res = await officer.get("/api/v1/counties/01/follow-up-owners?municipalities=0182,0180,1480");
    expect(res.statusCode).toBe(200);
    // Å and Ö after Z; inactive, other counties' and read-only users are not offered.
    expect(names(res)).toEqual(["Johan Bergström", "Zara Ek", "Åsa Öberg", "Nina Nacka", "Anders Wikström"]);
    const nina = res.json().items.find((c: Candidate) => c.name === "Nina Nacka");
    expect(nina).toMatchObject({ role: "municipality", municipality: { code: "0182", name: "Nacka" } });
  });

  it("[R2.3-1] without municipalities only the county's users are offered", async () => {
    const res = await officer.get("/api/v1/counties/01/follow-up-owners");
    expect(names(res)).toEqual(["Johan Bergström", "Zara Ek", "Åsa Öberg"]);
  });

  it("[R2.3-1] another county answers 404 and a coordinator 403; a malformed code 400 in Swedish", async () => {
    expect((await officer.get("/api/v1/counties/14/follow-up-owners")).statusCode).toBe(404);
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    expect((await coordinator.get("/api/v1/counties/01/follow-up-owners")).statusCode).toBe(403);
    const bad = await officer.get("/api/v1/counties/01/follow-up-owners?municipalities=01800");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Kommunkoden ska vara fyra siffror/);
  });

  it("[R2.3-1] every offered user is accepted as the owner of a follow-up item of a shared entry", async () => {
    const res = await officer.get("/api/v1/counties/01/follow-up-owners?municipalities=0180,0182");
    for (const c of res.json().items as Candidate[]) {
      const created = await officer.post("/api/v1/dialogue-entries", {
        municipalities: ["0180", "0182"],
        date: "2026-11-20",
        form: "networkMeeting",
        subjects: ["planning"],
        followUps: [{ text: "Skicka reviderad tidplan", due: "2026-12-15", owner: { userId: c.id } }],
      });
      expect(created.statusCode, c.name).toBe(201);
      expect(created.json().followUps[0].owner).toEqual({ userId: c.id, name: c.name });
    }
  });
});
