import {
  CountyDialogue,
  CountyDialogueCreate,
  CountyDialogueFollowUpDone,
  CountyDialogueFollowUpParams,
  CountyDialogueList,
  CountyParams,
  ErrorBody,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Dialog med län"];

/** The agency's follow-up dialogues with the counties (R1-7). */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;

  app.post(
    "/api/v1/county-dialogues",
    {
      schema: {
        tags,
        summary: "Registrera en uppföljningsdialog mellan MCF och ett län, med uppföljningspunkter",
        body: CountyDialogueCreate,
        response: { 201: CountyDialogue, ...errors },
      },
      preHandler: can("countyDialogues.write"),
    },
    async (req, reply) => reply.status(201).send(await service.createDialogue(db, writeContext(req, clock), req.body)),
  );
  app.get(
    "/api/v1/counties/:code/county-dialogues",
    {
      schema: {
        tags,
        summary: "MCF:s uppföljningsdialoger med länet, senaste först",
        params: CountyParams,
        response: { 200: CountyDialogueList, ...errors },
      },
      preHandler: can("countyDialogues.read"),
    },
    (req) => service.listDialogues(db, writeContext(req, clock), req.params.code),
  );
  app.post(
    "/api/v1/county-dialogue-follow-ups/:id/done",
    {
      schema: {
        tags,
        summary: "Markera en uppföljningspunkt från en dialog med länet som klar",
        params: CountyDialogueFollowUpParams,
        body: CountyDialogueFollowUpDone,
        response: { 200: CountyDialogue, ...errors, 409: ErrorBody },
      },
      preHandler: can("countyDialogues.write"),
    },
    (req) => service.markFollowUpDone(db, writeContext(req, clock), req.params.id, req.body),
  );
}
