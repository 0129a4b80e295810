import {
  CompilationAssessmentPut,
  CompilationForward,
  CompilationParams,
  CompilationQuery,
  CompilationYearParams,
  CountyCompilation,
  ErrorBody,
  ImportQuery,
  NationalCompilation,
  ReportImportResult,
} from "@uppsikt/core";
import { notMultipart, readUpload, withMultipart } from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { forwardCompilation, getCountyCompilation, saveAssessment } from "./county-service.js";
import { assertMayImport, exportCompilation, exportTemplate, importCompilation } from "./excel-service.js";
import { exportNational } from "./national-export.js";
import { nationalCompilation } from "./national-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Årsuppföljning: sammanställning"];
const IMPORT_LIMITS = { maxFiles: 1, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 };
const base = "/api/v1/counties/:code/annual-compilation/:year";

/** The county's compilation and its forwarding (R2.4-2), the Excel round trip, and the national compilation (R1-6). */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;

  app.get(
    base,
    {
      schema: {
        tags,
        summary:
          "Länets sammanställning av kommunernas årsuppföljning: en rad per kommun, en kolumn per fråga (filter: del och område)",
        params: CompilationParams,
        querystring: CompilationQuery,
        response: { 200: CountyCompilation, ...errors },
      },
      preHandler: can("annualCompilations.read"),
    },
    (req) => getCountyCompilation(db, writeContext(req, clock), req.params.code, req.params.year, req.query),
  );
  app.put(
    `${base}/assessment`,
    {
      schema: {
        tags,
        summary: "Spara länets bedömning av effekten av de vidtagna åtgärderna (utkast, med version)",
        params: CompilationParams,
        body: CompilationAssessmentPut,
        response: { 200: CountyCompilation, ...conflict, ...errors },
      },
      preHandler: can("annualCompilations.write"),
    },
    (req) => saveAssessment(db, writeContext(req, clock), req.params.code, req.params.year, req.body),
  );
  app.post(
    `${base}/forward`,
    {
      schema: {
        tags,
        summary:
          "Lämna sammanställningen till MCF (enhetschef): en ny, låst version med datum, diarienummer och de kommuner vars rapport saknas eller inte är godkänd",
        params: CompilationParams,
        body: CompilationForward,
        response: { 200: CountyCompilation, ...conflict, ...errors },
      },
      preHandler: can("annualCompilations.forward"),
    },
    (req) => forwardCompilation(db, writeContext(req, clock), req.params.code, req.params.year, req.body),
  );
  app.get(
    `${base}.xlsx`,
    {
      schema: {
        tags,
        summary:
          "Sammanställningen som Excel: ett blad per del, en rad per kommun, en kolumn per fråga, ett blad per upprepad grupp",
        params: CompilationParams,
        response: errors,
      },
      preHandler: can("annualCompilations.read"),
    },
    async (req, reply) =>
      sendFile(reply, await exportCompilation(db, writeContext(req, clock), req.params.code, req.params.year)),
  );
  app.get(
    `${base}/template.xlsx`,
    {
      schema: {
        tags,
        summary:
          "Blankettens Excelmall för kommuner som rapporterar utanför systemet (en rad per kommun som inte lämnat in)",
        params: CompilationParams,
        response: errors,
      },
      preHandler: can("annualReports.import"),
    },
    async (req, reply) =>
      sendFile(reply, await exportTemplate(db, writeContext(req, clock), req.params.code, req.params.year)),
  );
  withMultipart(app, IMPORT_LIMITS, (scoped) => {
    scoped.post(
      `${base}/import`,
      {
        schema: {
          tags,
          summary:
            "Läs in kommunernas rapporter från blankettens Excelmall (multipart, en .xlsx i fältet file); dryRun=true förhandsgranskar. Inget sparas om någon cell har fel.",
          consumes: ["multipart/form-data"],
          params: CompilationParams,
          querystring: ImportQuery,
          response: { 200: ReportImportResult, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("annualReports.import"),
      },
      async (req) => {
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka Excelfilen som multipart/form-data i ett fält som heter file.");
        const ctx = writeContext(req, clock);
        await assertMayImport(db, ctx, req.params.code);
        const upload = await readUpload(req, IMPORT_LIMITS);
        return importCompilation(db, ctx, req.params.code, req.params.year, upload, req.query.dryRun);
      },
    );
  });
  app.get(
    "/api/v1/national/annual-compilation/:year",
    {
      schema: {
        tags,
        summary:
          "Den nationella sammanställningen: varje läns status, och per fråga fördelningen i riket och per län med trenden över åren",
        params: CompilationYearParams,
        response: { 200: NationalCompilation, ...errors },
      },
      preHandler: can("annualCompilations.national"),
    },
    (req) => nationalCompilation(db, writeContext(req, clock), req.params.year),
  );
  app.get(
    "/api/v1/national/annual-compilation/:year.xlsx",
    {
      schema: {
        tags,
        summary: "Den nationella sammanställningen som Excel (bladen Län och Frågor)",
        params: CompilationYearParams,
        response: errors,
      },
      preHandler: can("annualCompilations.national"),
    },
    async (req, reply) => sendFile(reply, await exportNational(db, writeContext(req, clock), req.params.year)),
  );
}
