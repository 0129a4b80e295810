import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { pdfWith } from "../../../test/documents.js";
import { multipart } from "../../../test/multipart.js";
import { ROLE_SPECS, ROUTES, type RoleKey, type RouteCase, allowedRole, buildTargets } from "../../../test/routes.js";

/*
 * [I9.1] No 500 from any input: a property test over every route of the OpenAPI document. Bodies, path parameters
 * and query strings are generated from the route's own schemas in the document, mixed with hostile values; each
 * route is called as a role allowed to use it (the permission-matrix cases pick it) and once without a session. A
 * new route is covered with no edit here: its schemas come from the document, its role from its route case.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};
interface Operation {
  parameters?: { in: "path" | "query"; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}

const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);

const HOSTILE_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\uDBFF\uDBFF",
  "\uDE00\uD83D",
  "\u0001\u0002\u001b[31m\u007f",
  "\r\n\t\v\f",
  "\u202E\uFEFF\u200B",
  "0000-01-01",
  "2026-02-30",
  "2026-02-29",
  "1899-12-31",
  "2101-01-01",
  "9999-12-31",
  "-0001-01-01",
  "2026-00-00",
  "+002026-01-01",
  "00000000-0000-0000-0000-000000000000",
  "' or 1=1 --",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "NaN",
  "1e308",
  "-1",
  "",
  " ",
  "x".repeat(5_000),
  "å".repeat(70_000),
  "😀".repeat(300),
];
const HOSTILE_NUMBERS = [
  0,
  -1,
  -0,
  1.5,
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  -1e308,
  5e-324,
];
/** The three classes that reached the database (issue 9): NUL, a lone surrogate, a date PostgreSQL refuses. */
const POISON = ["\u0000", "\uD800", "\uDFFF", "\uDBFF\u0000", "x\uDC00"];
const BAD_DATES = ["0000-01-01", "0000-02-29", "1899-12-31", "2101-01-01", "9999-12-31", "2026-02-29"];
const hostileString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...POISON, ...BAD_DATES) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { nested: [true] }, deepArray(200)),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

/** The rows of a raw query, on PGlite and on node-postgres alike. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** One generated request. */
interface Input {
  body: unknown;
  params: Record<string, string | null>;
  query: Record<string, string>;
  form: { fields: [string, string][]; fileName: string };
  raw: string | null;
}

const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";
/** The schema of a value, where a union has one: the alternative of the value's own type. */
function alternativeFor(schema: Schema | undefined, value: unknown): Schema | undefined {
  const alternatives = schema?.anyOf ?? schema?.oneOf;
  if (!alternatives) return schema;
  const type = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return alternatives.find((a) => a.type === type || (type === "number" && a.type === "integer")) ?? alternatives[0];
}
/**
 * A well-formed value with its free-text leaves poisoned (NUL or a lone surrogate appended) and its dates made
 * impossible; enums, codes and ids are left as they are, so the request gets past validation to the database.
 */
function infect(value: unknown, schema: Schema | undefined, poison: string, badDate: string): unknown {
  const s = alternativeFor(schema, value);
  if (typeof value === "string") {
    if (s?.pattern === DATE_PATTERN || s?.format === "date") return badDate;
    if (s?.enum || s?.pattern || s?.format || s?.const !== undefined) return value;
    return `${value}${poison}`;
  }
  if (Array.isArray(value)) return value.map((v) => infect(v, s?.items, poison, badDate));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, infect(v, s?.properties?.[k], poison, badDate)]),
    );
  return value;
}
const infected = (value: fc.Arbitrary<unknown>, schema: Schema | undefined) =>
  fc
    .tuple(value, fc.constantFrom(...POISON), fc.constantFrom(...BAD_DATES))
    .map(([v, poison, badDate]) => infect(v, schema, poison, badDate));

/** Values of the right shape for a schema, leaves sometimes hostile. */
function fromSchema(schema: Schema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const valid = validFromSchema(schema, ids, depth);
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

const isoDates = fc.oneof(
  fc
    .date({ min: new Date("1890-01-01T00:00:00Z"), max: new Date("2110-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("0000-01-01", "2026-02-29", "2028-02-29", "1900-01-01", "2100-12-31", "2026-13-01"),
);

function validFromSchema(schema: Schema, ids: string[], depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validFromSchema(s, ids, depth)));
  if (schema.allOf?.[0]) return validFromSchema(schema.allOf[0], ids, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "uuid") return fc.oneof(fc.constantFrom(...ids), fc.uuid());
      if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$" || schema.format === "date") return isoDates;
      if (schema.pattern === "^\\d{4}$") return fc.constantFrom("0180", "0181", "1480", "9999");
      if (schema.pattern === "^\\d{2}$") return fc.constantFrom("01", "14", "99");
      return fc.oneof(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) }),
        fc.string({ unit: "binary", minLength: schema.minLength ?? 0, maxLength: 20 }),
      );
    case "integer":
      return fc.integer({
        min: Math.max(schema.minimum ?? -10, -10_000),
        max: Math.min(schema.maximum ?? 3000, 10_000),
      });
    case "number":
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return depth > 4
        ? fc.constant([])
        : fc.array(schema.items ? fromSchema(schema.items, ids, depth + 1) : hostileValue, {
            minLength: Math.min(schema.minItems ?? 0, 2),
            maxLength: Math.min(schema.maxItems ?? 3, 3),
          });
    case "object": {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const model = Object.fromEntries(
        Object.entries(schema.properties).map(([k, s]) => [k, fromSchema(s, ids, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    default:
      return hostileValue;
  }
}

/** The route case's valid body with one field replaced (or added) by a generated or hostile value. */
function mutated(body: unknown, schema: Schema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (v: unknown, at: string[]) => {
    if (at.length) paths.push(at);
    if (v && typeof v === "object" && at.length < 5)
      for (const [k, c] of Object.entries(v as Record<string, unknown>)) walk(c, [...at, k]);
  };
  walk(body, []);
  for (const k of Object.keys(schema?.properties ?? {})) if (!paths.some((p) => p[0] === k)) paths.push([k]);
  if (!paths.length) return fc.constant(body);
  return fc.tuple(fc.constantFrom(...paths), fc.boolean()).chain(([path, fromItsSchema]) => {
    let fieldSchema: Schema | undefined = schema;
    for (const k of path) fieldSchema = fieldSchema?.properties?.[k] ?? fieldSchema?.items;
    const value = fromItsSchema && fieldSchema ? fromSchema(fieldSchema, ids) : hostileValue;
    return value.map((v) => {
      const copy = structuredClone(body) as Record<string, unknown>;
      let node: Record<string, unknown> = copy;
      for (const k of path.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
      node[path.at(-1)!] = v;
      return copy;
    });
  });
}

/** encodeURIComponent throws on a lone surrogate: send the bytes a broken client would (CESU-8). */
function encode(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}
const asQueryValue = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/** The field names any request body in the document uses, and those the upload forms read. */
function fieldNames(spec: { paths: Record<string, Record<string, Operation>> }): string[] {
  const names = new Set(["type", "period", "decidedBy", "decidedOn", "receivedOn", "message", "confidentialFiles"]);
  const walk = (s: Schema | undefined) => {
    if (!s) return;
    for (const [k, c] of Object.entries(s.properties ?? {})) {
      names.add(k);
      walk(c);
    }
    walk(s.items);
    for (const a of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(a);
  };
  for (const ops of Object.values(spec.paths))
    for (const op of Object.values(ops)) walk(op.requestBody?.content?.["application/json"]?.schema);
  return [...names];
}

describe("[I9.1] no 500 from any input: every route of the OpenAPI document, generated and hostile input", () => {
  let t: TestContext;
  let spec: { paths: Record<string, Record<string, Operation>> };
  let targets: Awaited<ReturnType<typeof buildTargets>>;
  let snapshotQuery: ReturnType<typeof sql.raw>;
  let pdf: Buffer;
  const clients = {} as Record<RoleKey, Client>;

  beforeAll(async () => {
    t = await createTestContext();
    spec = (await t.anonymous.get("/api/v1/openapi.json")).json();
    for (const [key, spec] of Object.entries(ROLE_SPECS)) clients[key as RoleKey] = await t.as(spec);
    clients.anonymous = t.anonymous;
    const agreements = (await clients.agency.get("/api/v1/agreements")).json();
    targets = await buildTargets(t, agreements.items[0].id);
    pdf = await pdfWith([{ heading: "1. Inledning", body: "Text." }]);
    // Everything saved, table by table, apart from login attempts and throttles and the audit trail.
    const tables = rowsOf<{ name: string }>(
      await t.database.db.execute(
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('login_attempts', 'login_throttles', 'audit_events') order by 1`,
      ),
    ).map((r) => r.name);
    snapshotQuery = sql.raw(
      tables
        .map(
          (name) =>
            `select '${name}' as name, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
        )
        .join(" union all "),
    );
  }, 120_000);
  afterAll(() => t.close());

  const snapshot = async () =>
    Object.fromEntries(
      rowsOf<{ name: string; n: number; h: string }>(await t.database.db.execute(snapshotQuery)).map((r) => [
        r.name,
        `${r.n}:${r.h}`,
      ]),
    );

  it("[I9.1] every route in the OpenAPI document has a route case (so it is fuzzed below)", () => {
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(documented.sort());
  });

  const request = (route: RouteCase, opts: InjectOptions, role: RoleKey) => clients[role].request(opts);

  for (const route of ROUTES) {
    it(`[I9.1] ${route.method} ${route.path}: no 5xx, and a refused write changes nothing`, async () => {
      const op = spec.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, "the route is in the OpenAPI document").toBeDefined();
      const role = allowedRole(route);
      const ids = [
        targets.inScope.userId,
        targets.inScope.officerId,
        targets.inScope.secondOfficerId,
        targets.inScope.agreementId,
      ];
      const bodySchema = op!.requestBody?.content?.["application/json"]?.schema;
      const validBody = route.body?.(targets.inScope);
      const pathParams = (op!.parameters ?? []).filter((p) => p.in === "path");
      const queryParams = (op!.parameters ?? []).filter((p) => p.in === "query");
      const names = fieldNames(spec);

      const body: fc.Arbitrary<unknown> = bodySchema
        ? fc.oneof(
            { weight: 3, arbitrary: infected(fc.constant(validBody ?? {}), bodySchema) },
            { weight: 2, arbitrary: infected(validFromSchema(bodySchema, ids, 0), bodySchema) },
            { weight: 3, arbitrary: mutated(validBody ?? {}, bodySchema, ids) },
            { weight: 2, arbitrary: fromSchema(bodySchema, ids) },
            { weight: 1, arbitrary: hostileValue },
          )
        : fc.constant(validBody);
      const params = fc.record(
        Object.fromEntries(
          pathParams.map((p) => [
            p.name,
            fc.option(fc.oneof(fromSchema(p.schema, ids), hostileString).map(asQueryValue), { freq: 2 }),
          ]),
        ),
      );
      const query = fc.record(
        Object.fromEntries(
          queryParams.map((p) => [
            p.name,
            fc
              .oneof(fromSchema(p.schema, ids), infected(validFromSchema(p.schema, ids, 0), p.schema))
              .map(asQueryValue),
          ]),
        ),
        { requiredKeys: [] },
      );
      const caseFields = Object.entries((route.multipart ? validBody : undefined) ?? {}).map(
        ([k, v]) => [k, String(v)] as [string, string],
      );
      const form = fc.record({
        fields: fc
          .array(
            fc.tuple(
              fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileString }),
              fc.oneof(hostileString, infected(fc.string({ minLength: 1 }), { type: "string" }), fc.string()),
            ),
            { maxLength: 6 },
          )
          .map((extra) => [...caseFields, ...extra]),
        fileName: fc.oneof(hostileString, fc.constant("plan.pdf")),
      });
      const rawBody = fc.constantFrom("[".repeat(5_000) + "]".repeat(5_000), '{"a":"\\u0000"}', '{"a":"\\ud800"}');
      const input = fc.record({
        body,
        params,
        query,
        form,
        raw: fc.oneof({ weight: 1, arbitrary: rawBody }, { weight: 7, arbitrary: fc.constant(null) }),
      }) as fc.Arbitrary<Input>;

      const send = async (c: Input, as: RoleKey) => {
        let url = route.url(targets.inScope);
        // Replace each documented path parameter's value (in the order of the path) when one was generated.
        const segments = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const templ = route.path.split("/");
        const parts = url.split("?")[0]!.split("/");
        templ.forEach((seg, i) => {
          const name = /\{(\w+)\}/.exec(seg)?.[1];
          const value = name && segments.includes(name) ? (c.params as Record<string, string | null>)[name] : null;
          if (name && value != null) parts[i] = seg.replace(`{${name}}`, encode(value));
        });
        url = parts.join("/");
        const qs = Object.entries(c.query as Record<string, string>)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`)
          .join("&");
        if (qs) url += (url.includes("?") ? "&" : "?") + qs;
        let opts: InjectOptions;
        if (route.multipart) {
          const m = multipart([
            ...c.form.fields.map(([name, value]) => ({ name, value })),
            { name: "file", value: pdf, fileName: c.form.fileName, contentType: "application/pdf" },
          ]);
          opts = { method: route.method, url, payload: m.payload, headers: m.headers };
        } else if (c.raw) {
          opts = { method: route.method, url, payload: c.raw, headers: { "content-type": "application/json" } };
        } else {
          opts = {
            method: route.method,
            url,
            ...(c.body === undefined
              ? {}
              : { payload: JSON.stringify(c.body), headers: { "content-type": "application/json" } }),
          };
        }
        // Logout ends the session: use a throwaway one so the other routes keep theirs.
        if (route.path.endsWith("/logout") && as !== "anonymous") {
          const throwaway = await t.as(ROLE_SPECS[as]);
          return throwaway.request(opts);
        }
        return request(route, opts, as);
      };

      // Always tried, besides the random runs: each poison in the case's own body, then in each query parameter alone.
      const CLASSES = [
        ["\u0000", "0000-01-01"],
        ["\uD800", "2026-02-29"],
        ["x\uDC00", "2101-01-01"],
      ] as const;
      const noParams = Object.fromEntries(pathParams.map((p) => [p.name, null]));
      const cleanForm = { fields: [] as [string, string][], fileName: "plan.pdf" };
      // A multipart route's case body holds its form fields: each is poisoned alone, then the file name.
      const formFields = caseFields;
      const poisonField = (value: string, poison: string, badDate: string) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value) ? badDate : `${value}${poison}`;
      const formExamples = (poison: string, badDate: string): Input[] =>
        route.multipart
          ? [
              { fields: formFields, fileName: `plan${poison}.pdf` },
              ...formFields.map(([name]) => ({
                fields: formFields.map(
                  ([k, v]) => [k, k === name ? poisonField(v, poison, badDate) : v] as [string, string],
                ),
                fileName: "plan.pdf",
              })),
            ].map((form) => ({ body: undefined, params: noParams, query: {}, form, raw: null }))
          : [];
      const examples: Input[] = CLASSES.flatMap(([poison, badDate]) => [
        ...formExamples(poison, badDate),
        {
          body: validBody === undefined ? undefined : infect(validBody, bodySchema, poison, badDate),
          params: noParams,
          query: {},
          form: {
            fields: [
              ["message", `Svar${poison}`],
              ["decidedOn", badDate],
              ["registrationNumber", `Dnr 1${poison}`],
            ],
            fileName: `plan${poison}.pdf`,
          } as Input["form"],
          raw: null,
        },
        ...queryParams.map((p) => ({
          body: validBody,
          params: noParams,
          query: <Record<string, string>>{
            [p.name]: asQueryValue(
              infect(
                fc.sample(validFromSchema(p.schema, ids, 0), { numRuns: 1, seed: SEED })[0],
                p.schema,
                poison,
                badDate,
              ),
            ),
          },
          form: cleanForm,
          raw: null,
        })),
      ]) as never;

      // Once without a session: refused before anything is read, and never a 5xx.
      const anonymous = await send(examples[0]!, "anonymous");
      expect(anonymous.statusCode, `anonymous: ${anonymous.body.slice(0, 500)}`).toBeLessThan(500);

      await fc.assert(
        fc.asyncProperty(input, async (c) => {
          const as = role;
          const write = route.method !== "GET";
          const before = write ? await snapshot() : null;
          const res = await send(c, as);
          expect(res.statusCode, `${as}: ${res.body.slice(0, 500)}`).toBeLessThan(500);
          if (write && res.statusCode >= 400) {
            const after = await snapshot();
            expect(after, `refused ${res.statusCode} changed saved data: ${res.body.slice(0, 300)}`).toEqual(before);
          }
        }),
        {
          numRuns: RUNS + examples.length,
          seed: SEED + ROUTES.indexOf(route),
          endOnFailure: true,
          examples: examples.map((e) => [e]) as never,
        },
      );
    }, 120_000);
  }
});
