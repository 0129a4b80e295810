import type { FastifyRequest } from "fastify";
import type { Actor } from "../actor.js";
import type { WriteContext } from "../audit/audit.js";
import type { Clock } from "../clock.js";
import { Unauthenticated } from "../errors.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The logged-in actor; the route's guard has already refused anonymous requests. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw Unauthenticated();
  return req.actor;
}

/** A write made by a logged-in user. */
export interface ActorContext extends WriteContext {
  actor: Actor;
}

export function writeContext(req: FastifyRequest, clock: Clock): ActorContext {
  return { actor: actorOf(req), requestId: String(req.id), clock };
}
