import {
  CountyParams,
  DialogueEntryCreate,
  DialogueEntryDetail,
  DialogueEntryList,
  DialogueEntryParams,
  DialogueEntryUpdate,
  DialogueExportQuery,
  DialogueFollowUp,
  DialogueFollowUpParams,
  DialogueListQuery,
  DialogueSearchQuery,
  DialogueSearchResult,
  DocumentRequest,
  DocumentRequestCreate,
  DocumentRequestList,
  DocumentRequestListQuery,
  DocumentRequestParams,
  EarlyWarning,
  EarlyWarningCreate,
  EarlyWarningList,
  EarlyWarningListQuery,
  EarlyWarningParams,
  EarlyWarningResolve,
  EarlyWarningSummary,
  ErrorBody,
  FollowUpOwnerCandidates,
  FollowUpOwnerQuery,
  MunicipalityParams,
} from "@uppsikt/core";
import {
  DOCUMENT_FILE_LIMITS,
  fileDownloadRoute,
  notMultipart,
  readUpload,
  withMultipart,
} from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { exportDialogue } from "./export.js";
import { followUpOwnerCandidates } from "./owners.js";
import { documentRequestFileOwner } from "./requests-files.js";
import * as requests from "./requests-service.js";
import * as service from "./service.js";
import { dialogueFollowUpsSource, documentRequestsSource } from "./watch.js";
import * as warnings from "./warnings-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const dialogueTags = ["Dialog"];
const warningTags = ["Tidiga varningar"];
const requestTags = ["Begäran om underlag"];

/** The continuous dialogue (R2.3-1), early warnings (R2.3-2) and requests for documents (R2.5-4). */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
    watch,
  } = deps;
  watch.register("dialogueFollowUp", dialogueFollowUpsSource);
  watch.register("documentRequest", documentRequestsSource);

  // --- Dialogue entries -------------------------------------------------------------------------------------
  app.post(
    "/api/v1/dialogue-entries",
    {
      schema: {
        tags: dialogueTags,
        summary: "Logga en kontakt med en eller flera av länets kommuner (med uppföljningspunkter och ev. varningar)",
        body: DialogueEntryCreate,
        response: { 201: DialogueEntryDetail, ...errors },
      },
      preHandler: can("dialogue.write"),
    },
    async (req, reply) => reply.status(201).send(await service.createEntry(db, writeContext(req, clock), req.body)),
  );

  app.get(
    "/api/v1/municipalities/:code/dialogue-entries",
    {
      schema: {
        tags: dialogueTags,
        summary: "Kommunens dialog, senaste först (kommunen ser bara delade anteckningar)",
        params: MunicipalityParams,
        querystring: DialogueListQuery,
        response: { 200: DialogueEntryList, ...errors },
      },
      preHandler: can("dialogue.read"),
    },
    (req) => service.listEntries(db, writeContext(req, clock), req.params.code, req.query),
  );

  app.get(
    "/api/v1/municipalities/:code/dialogue-entries.xlsx",
    {
      schema: {
        tags: dialogueTags,
        summary: "Kommunens dialog som Excel-fil, med samma urval och sekretess som listan",
        params: MunicipalityParams,
        querystring: DialogueExportQuery,
        response: errors,
      },
      preHandler: can("dialogue.read"),
    },
    async (req, reply) =>
      sendFile(reply, await exportDialogue(db, writeContext(req, clock), req.params.code, req.query)),
  );

  app.get(
    "/api/v1/dialogue-entries/:id",
    {
      schema: {
        tags: dialogueTags,
        summary: "En dialoganteckning med tidigare versioner",
        params: DialogueEntryParams,
        response: { 200: DialogueEntryDetail, ...errors },
      },
      preHandler: can("dialogue.read"),
    },
    (req) => service.getEntry(db, writeContext(req, clock), req.params.id),
  );

  app.put(
    "/api/v1/dialogue-entries/:id",
    {
      schema: {
        tags: dialogueTags,
        summary: "Ändra en dialoganteckning (bara den som skrev den); tidigare version sparas",
        params: DialogueEntryParams,
        body: DialogueEntryUpdate,
        response: { 200: DialogueEntryDetail, ...conflict, ...errors },
      },
      preHandler: can("dialogue.write"),
    },
    (req) => service.updateEntry(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.post(
    "/api/v1/dialogue-follow-ups/:id/done",
    {
      schema: {
        tags: dialogueTags,
        summary: "Markera en uppföljningspunkt som klar (länsstyrelsen, eller kommunens användare som äger den)",
        params: DialogueFollowUpParams,
        response: { 200: DialogueFollowUp, ...conflict, ...errors },
      },
      preHandler: can("dialogue.followUpDone"),
    },
    (req) => service.markFollowUpDone(db, writeContext(req, clock), req.params.id),
  );

  app.get(
    "/api/v1/counties/:code/dialogue-entries/search",
    {
      schema: {
        tags: dialogueTags,
        summary: "Sök i länets dialog: anteckningar, deltagare, uppföljningspunkter, kommunnamn och ämnen",
        params: CountyParams,
        querystring: DialogueSearchQuery,
        response: { 200: DialogueSearchResult, ...errors },
      },
      preHandler: can("dialogue.search"),
    },
    (req) => service.searchEntries(db, writeContext(req, clock), req.params.code, req.query),
  );

  app.get(
    "/api/v1/counties/:code/follow-up-owners",
    {
      schema: {
        tags: dialogueTags,
        summary:
          "Vilka som kan vara ansvariga för en uppföljningspunkt: länets användare och kommunernas (?municipalities=0180,0181)",
        params: CountyParams,
        querystring: FollowUpOwnerQuery,
        response: { 200: FollowUpOwnerCandidates, ...errors },
      },
      preHandler: can("dialogue.write"),
    },
    (req) => followUpOwnerCandidates(db, writeContext(req, clock), req.params.code, req.query.municipalities),
  );

  // --- Early warnings ---------------------------------------------------------------------------------------
  app.post(
    "/api/v1/municipalities/:code/warnings",
    {
      schema: {
        tags: warningTags,
        summary: "Lyft en tidig varning för en kommun (länsstyrelseintern)",
        params: MunicipalityParams,
        body: EarlyWarningCreate,
        response: { 201: EarlyWarning, ...errors },
      },
      preHandler: can("warnings.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await warnings.raiseWarning(db, writeContext(req, clock), req.params.code, req.body)),
  );

  app.get(
    "/api/v1/municipalities/:code/warnings",
    {
      schema: {
        tags: warningTags,
        summary: "Kommunens tidiga varningar (?open=true: bara olösta)",
        params: MunicipalityParams,
        querystring: EarlyWarningListQuery,
        response: { 200: EarlyWarningList, ...errors },
      },
      preHandler: can("warnings.read"),
    },
    (req) => warnings.listMunicipalityWarnings(db, writeContext(req, clock), req.params.code, req.query.open),
  );

  app.get(
    "/api/v1/counties/:code/warnings",
    {
      schema: {
        tags: warningTags,
        summary: "Länets tidiga varningar (?open=true: bara olösta)",
        params: CountyParams,
        querystring: EarlyWarningListQuery,
        response: { 200: EarlyWarningList, ...errors },
      },
      preHandler: can("warnings.read"),
    },
    (req) => warnings.listCountyWarnings(db, writeContext(req, clock), req.params.code, req.query.open),
  );

  app.get(
    "/api/v1/counties/:code/warnings/summary",
    {
      schema: {
        tags: warningTags,
        summary: "Antal olösta varningar per kommun i länet",
        params: CountyParams,
        response: { 200: EarlyWarningSummary, ...errors },
      },
      preHandler: can("warnings.read"),
    },
    (req) => warnings.countyWarningSummary(db, writeContext(req, clock), req.params.code),
  );

  app.post(
    "/api/v1/warnings/:id/resolve",
    {
      schema: {
        tags: warningTags,
        summary: "Lös en varning med en anteckning (409 om den redan är löst)",
        params: EarlyWarningParams,
        body: EarlyWarningResolve,
        response: { 200: EarlyWarning, ...conflict, ...errors },
      },
      preHandler: can("warnings.write"),
    },
    (req) => warnings.resolveWarning(db, writeContext(req, clock), req.params.id, req.body.note),
  );

  // --- Document requests ------------------------------------------------------------------------------------
  app.post(
    "/api/v1/municipalities/:code/document-requests",
    {
      schema: {
        tags: requestTags,
        summary: "Begär in underlag från kommunen med ett svarsdatum",
        params: MunicipalityParams,
        body: DocumentRequestCreate,
        response: { 201: DocumentRequest, ...errors },
      },
      preHandler: can("documentRequests.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await requests.createRequest(db, writeContext(req, clock), req.params.code, req.body)),
  );

  app.get(
    "/api/v1/municipalities/:code/document-requests",
    {
      schema: {
        tags: requestTags,
        summary: "Kommunens begäranden om underlag med status (väntar, besvarad, försenad, avslutad)",
        params: MunicipalityParams,
        querystring: DocumentRequestListQuery,
        response: { 200: DocumentRequestList, ...errors },
      },
      preHandler: can("documentRequests.read"),
    },
    (req) => requests.listRequests(db, writeContext(req, clock), req.params.code, req.query.status),
  );

  // Multipart only here, with the 25 MB per file limit.
  withMultipart(app, DOCUMENT_FILE_LIMITS, (scoped) => {
    scoped.post(
      "/api/v1/document-requests/:id/answers",
      {
        schema: {
          tags: requestTags,
          summary:
            "Besvara en begäran (multipart: fältet message, ev. confidentialBasis, och filer i delar som heter file)",
          consumes: ["multipart/form-data"],
          params: DocumentRequestParams,
          response: { 201: DocumentRequest, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("documentRequests.answer"),
      },
      async (req, reply) => {
        // A body of another type is refused before anything is looked up.
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka svaret som multipart/form-data med filerna i fält som heter file.");
        const ctx = writeContext(req, clock);
        await requests.assertMayAnswer(db, ctx, req.params.id);
        const upload = await readUpload(req, DOCUMENT_FILE_LIMITS);
        return reply.status(201).send(await requests.answerRequest(db, ctx, req.params.id, upload));
      },
    );
  });

  app.post(
    "/api/v1/document-requests/:id/close",
    {
      schema: {
        tags: requestTags,
        summary: "Avsluta en begäran (409 om den redan är avslutad)",
        params: DocumentRequestParams,
        response: { 200: DocumentRequest, ...conflict, ...errors },
      },
      preHandler: can("documentRequests.write"),
    },
    (req) => requests.closeRequest(db, writeContext(req, clock), req.params.id),
  );

  fileDownloadRoute(app, deps, {
    url: "/api/v1/document-request-files/:id/content",
    kind: documentRequestFileOwner.kind,
    tags: requestTags,
    summary: "Hämta en fil från ett svar",
  });
}
