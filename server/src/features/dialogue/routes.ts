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
  ErrorBody,
  FollowUpOwnerCandidates,
  FollowUpOwnerQuery,
  MunicipalityParams,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { exportDialogue } from "./export.js";
import { followUpOwnerCandidates } from "./owners.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const dialogueTags = ["Dialog"];

/** The continuous dialogue (R2.3-1); warnings raised with an entry are created through it. */
export function register(app: App, { database: { db }, clock }: Deps) {
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
}
