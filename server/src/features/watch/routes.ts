import {
  CalendarFeedCreated,
  CalendarFeedParams,
  CalendarFeedRevoked,
  CalendarFeedStatus,
  CountyParams,
  ErrorBody,
  HandOverInput,
  HandOverResult,
  ReminderPreferences,
  ReminderPreferencesInput,
  WatchList,
  WatchListQuery,
} from "@uppsikt/core";
import type { FastifyReply } from "fastify";
import { NotFound } from "../../platform/errors.js";
import { actorOf, writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";

/** The body is iCalendar text, not JSON: the route's response schemas (errors only) do not apply. */
function sendCalendar(reply: FastifyReply, body: string) {
  return reply
    .header("content-type", "text/calendar; charset=utf-8")
    .header("content-disposition", 'inline; filename="uppsikt-bevakning.ics"')
    .send(body);
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Bevakning"];

/** The watch list (bevakning, R1-3), hand-over, reminder preferences and the private calendar feed. */
export function register(app: App, { database: { db }, clock, config, watch }: Deps) {
  app.get(
    "/api/v1/watch",
    {
      schema: {
        tags,
        summary: "Min bevakning: försenat först, sedan det som infaller inom horisonten (30 dagar)",
        description:
          "En handläggare ser det hen ansvarar för; en enhetschef hela länet med `scope=county`; en kommunanvändare " +
          "det länsstyrelsen inväntar från kommunen. MCF och administratörer har ingen bevakning (403).",
        querystring: WatchListQuery,
        response: { 200: WatchList, ...errors },
      },
      preHandler: can("watch.read"),
    },
    (req) => service.watchList(db, watch, actorOf(req), clock.today(), req.query),
  );

  app.post(
    "/api/v1/counties/:code/hand-over",
    {
      schema: {
        tags,
        summary: "Lämna över en handläggares kommuner och öppna uppföljningspunkter till en annan (enhetschef)",
        params: CountyParams,
        body: HandOverInput,
        response: { 200: HandOverResult, ...errors },
      },
      preHandler: can("watch.handOver"),
    },
    (req) => service.handOver(db, writeContext(req, clock), req.params.code, req.body),
  );

  app.get(
    "/api/v1/me/reminder-preferences",
    {
      schema: {
        tags,
        summary: "Påminnelser per slag av bevakning",
        response: { 200: ReminderPreferences, ...errors },
      },
      preHandler: can("reminderPreferences.manage"),
    },
    (req) => service.reminderPreferences(db, watch, actorOf(req)),
  );

  app.put(
    "/api/v1/me/reminder-preferences",
    {
      schema: {
        tags,
        summary: "Slå på eller av påminnelser per slag av bevakning",
        body: ReminderPreferencesInput,
        response: { 200: ReminderPreferences, ...errors },
      },
      preHandler: can("reminderPreferences.manage"),
    },
    (req) => service.saveReminderPreferences(db, watch, writeContext(req, clock), req.body),
  );

  app.get(
    "/api/v1/me/calendar-token",
    {
      schema: {
        tags,
        summary: "Om användaren har en kalenderprenumeration",
        response: { 200: CalendarFeedStatus, ...errors },
      },
      preHandler: can("calendarFeed.manage"),
    },
    (req) => service.calendarFeedStatus(db, actorOf(req)),
  );

  app.post(
    "/api/v1/me/calendar-token",
    {
      schema: {
        tags,
        summary: "Ny privat kalenderadress (iCalendar); den förra slutar fungera",
        response: { 201: CalendarFeedCreated, ...errors },
      },
      preHandler: can("calendarFeed.manage"),
    },
    async (req, reply) =>
      reply.status(201).send(await service.createCalendarFeed(db, writeContext(req, clock), config)),
  );

  app.delete(
    "/api/v1/me/calendar-token",
    {
      schema: {
        tags,
        summary: "Återkalla kalenderadressen",
        response: { 200: CalendarFeedRevoked, ...errors },
      },
      preHandler: can("calendarFeed.manage"),
    },
    (req) => service.revokeCalendarFeed(db, writeContext(req, clock)),
  );

  app.get(
    "/api/v1/calendar/:id.ics",
    {
      schema: {
        tags,
        summary: "Kalenderflöde (iCalendar) med användarens bevakade datum; kräver ingen inloggning, bara adressen",
        description: "`id` är den hemliga token som finns i adressen. Okänd eller återkallad token: 404.",
        params: CalendarFeedParams,
        response: { 404: ErrorBody },
        security: [],
      },
    },
    async (req, reply) => {
      const body = await service.calendarFeed(db, watch, clock, config, req.params.id);
      if (body === null) throw NotFound("Kalenderflödet finns inte eller har återkallats.");
      return sendCalendar(reply, body);
    },
  );
}
