import { afterAll, beforeAll, describe, expect, it } from "vitest";
// A test-only action and entity type, outside the features' declarations.
import type { AuditAction, AuditEntityType } from "@uppsikt/core";
import { inject } from "vitest";
import { asc, sql } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { auditEvents } from "../../db/schema/index.js";
import { systemActor } from "../actor.js";
import { recordAudit } from "./audit.js";
import { verifyAuditChain } from "./verify.js";

describe("audit log hash chain", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const write = (n: number) =>
    t.database.db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: systemActor, requestId: `req-${n}`, clock: t.clock },
        {
          action: "test.write" as AuditAction,
          entityType: "test" as AuditEntityType,
          entityId: String(n),
          after: { n, nested: { b: 1, a: [1, 2] } },
        },
      ),
    );

  it("chains every row to the previous one and verifies", async () => {
    for (let i = 0; i < 5; i++) await write(i);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(result.checked).toBe(rows.length);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });

  it("never forks under concurrent writers", async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => write(100 + i)));
    const result = await verifyAuditChain(t.database.db, 7);
    expect(result.ok).toBe(true);
    const ids = (await t.database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).map(
      (r) => r.id,
    );
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
  });

  it("is append-only: UPDATE and DELETE are refused by the database", async () => {
    await expect(t.database.db.execute(sql`update audit_events set action = 'x' where id = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events where id = 1`)).rejects.toThrow();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  // A database owner can bypass the trigger; the chain still shows it.
  const bypass = async (statement: ReturnType<typeof sql>) => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      await tx.execute(statement);
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    });
  };

  it("detects an edited row", async () => {
    await bypass(sql`update audit_events set after = '{"n": 999}'::jsonb where id = 3`);
    const result = await verifyAuditChain(t.database.db);
    expect(result).toMatchObject({ ok: false, breakAt: { id: 3, reason: "innehållet har ändrats" } });
  });

  it(`detects a deleted row (${inject("dbKind")})`, async () => {
    const fresh = await createTestContext();
    try {
      for (let i = 0; i < 4; i++)
        await fresh.database.db.transaction((tx) =>
          recordAudit(
            tx,
            { actor: systemActor, requestId: null, clock: fresh.clock },
            { action: "test.write" as AuditAction, entityType: "test" as AuditEntityType },
          ),
        );
      await fresh.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
        await tx.execute(sql`delete from audit_events where id = 3`);
        await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      });
      const result = await verifyAuditChain(fresh.database.db);
      expect(result).toMatchObject({ ok: false, breakAt: { id: 3 } });
    } finally {
      await fresh.close();
    }
  });
});
