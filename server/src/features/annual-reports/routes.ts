import {
  AnnualReport,
  AnnualReportFileParams,
  AnnualReportList,
  AnnualReportParams,
  AnnualReportPut,
  AnnualReportReturn,
  AnnualReportVersion,
  CountyParams,
  ErrorBody,
  Year,
} from "@uppsikt/core";
import { z } from "zod";
import { DOCUMENT_FILE_LIMITS, notMultipart, openFile, readUpload, withMultipart } from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { annualReportFileOwner } from "./files.js";
import { getReport, listCountyReports } from "./service.js";
import * as write from "./write-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Årsuppföljning"];
const REPORT = "/api/v1/municipalities/:code/annual-reports/:year";
const ListQuery = z.object({ year: Year.optional() }).strict();

/** The municipalities' annual reports and the county's review (R2.4-2). */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;

  app.get(
    REPORT,
    {
      schema: {
        tags,
        summary: "Kommunens årsuppföljning för ett år: status, svar, kostnader, omgångar och bilagor",
        params: AnnualReportParams,
        response: { 200: AnnualReport, ...errors },
      },
      preHandler: can("annualReports.read"),
    },
    (req) => getReport(db, writeContext(req, clock), req.params.code, req.params.year),
  );
  app.put(
    REPORT,
    {
      schema: {
        tags,
        summary: "Spara utkastet (version 0 påbörjar rapporten på årets gällande blankett)",
        params: AnnualReportParams,
        body: AnnualReportPut,
        response: { 200: AnnualReport, ...conflict, ...errors },
      },
      preHandler: can("annualReports.write"),
    },
    (req) => write.saveReport(db, writeContext(req, clock), req.params.code, req.params.year, req.body),
  );
  const step = (
    path: string,
    summary: string,
    permission: "annualReports.write" | "annualReports.review",
    run: typeof write.submitReport,
  ) =>
    app.post(
      `${REPORT}/${path}`,
      {
        schema: {
          tags,
          summary,
          params: AnnualReportParams,
          // A request without a body applies to the report as it is now.
          body: AnnualReportVersion.nullable(),
          response: { 200: AnnualReport, ...conflict, ...errors },
        },
        preHandler: can(permission),
      },
      (req) => run(db, writeContext(req, clock), req.params.code, req.params.year, req.body?.version),
    );
  step("submit", "Lämna in årsuppföljningen till länsstyrelsen", "annualReports.write", write.submitReport);
  step(
    "accept",
    "Godkänn årsuppföljningen (kostnaderna blir kommunens kostnader för året)",
    "annualReports.review",
    write.acceptReport,
  );
  step(
    "upgrade",
    "Flytta rapporten till den senaste versionen av årets blankett (svaren följer med per nyckel)",
    "annualReports.write",
    write.upgradeReport,
  );
  app.post(
    `${REPORT}/return`,
    {
      schema: {
        tags,
        summary: "Returnera årsuppföljningen för komplettering med kommentarer per fråga",
        params: AnnualReportParams,
        body: AnnualReportReturn,
        response: { 200: AnnualReport, ...conflict, ...errors },
      },
      preHandler: can("annualReports.review"),
    },
    (req) => write.returnReport(db, writeContext(req, clock), req.params.code, req.params.year, req.body),
  );
  withMultipart(app, DOCUMENT_FILE_LIMITS, (scoped) => {
    scoped.post(
      `${REPORT}/files`,
      {
        schema: {
          tags,
          summary: "Bifoga filer till årsuppföljningen (multipart: filer i delar som heter file)",
          consumes: ["multipart/form-data"],
          params: AnnualReportParams,
          response: { 201: AnnualReport, 413: ErrorBody, 415: ErrorBody, ...conflict, ...errors },
        },
        preHandler: can("annualReports.write"),
      },
      async (req, reply) => {
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka bilagorna som multipart/form-data med filerna i fält som heter file.");
        const ctx = writeContext(req, clock);
        await write.assertMayAttach(db, ctx, req.params.code, req.params.year);
        const upload = await readUpload(req, DOCUMENT_FILE_LIMITS);
        return reply.status(201).send(await write.attachFiles(db, ctx, req.params.code, req.params.year, upload));
      },
    );
  });
  app.get(
    `${REPORT}/files/:fileId`,
    {
      schema: {
        tags,
        summary: "Hämta en bilaga till årsuppföljningen",
        params: AnnualReportFileParams,
        response: { 200: z.any().describe("Filens innehåll"), ...errors },
      },
      preHandler: can(annualReportFileOwner.readPolicy.permission),
    },
    async (req, reply) => {
      const ctx = writeContext(req, clock);
      await write.assertFileOfReport(db, ctx, req.params.code, req.params.year, req.params.fileId);
      return sendFile(reply, await openFile(db, ctx, annualReportFileOwner.kind, req.params.fileId));
    },
  );
  app.get(
    "/api/v1/counties/:code/annual-reports",
    {
      schema: {
        tags,
        summary: "Länets kommuner och status för deras årsuppföljning ett år (förval: senaste året med blankett)",
        params: CountyParams,
        querystring: ListQuery,
        response: { 200: AnnualReportList, ...errors },
      },
      preHandler: can("annualReports.read"),
    },
    (req) => listCountyReports(db, writeContext(req, clock), req.params.code, req.query),
  );
}
