import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";

describe("health", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("answers ok with the database kind and version, without login", async () => {
    const res = await t.anonymous.get("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: inject("dbKind"), version: "test" });
  });

  it("serves the OpenAPI document and a docs page", async () => {
    const spec = await t.anonymous.get("/api/v1/openapi.json");
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json().paths)).toContain("/api/v1/counties/{code}/municipalities");
    const docs = await t.anonymous.get("/api/v1/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("<html");
  });

  it("answers an unknown API path with a Swedish 404 error body", async () => {
    const res = await t.anonymous.get("/api/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: "notFound", message: expect.stringMatching(/finns inte/) });
    expect(res.json().error.requestId).toBe(res.headers["x-request-id"]);
  });
});
