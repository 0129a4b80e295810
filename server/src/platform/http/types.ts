import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import type { Clock } from "../clock.js";
import type { WatchRegistry } from "../watch/registry.js";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the composition root hands to every feature. */
export interface Deps {
  database: Database;
  config: Config;
  clock: Clock;
  version: string;
  /** Where features register the dates they need watched (bevakning). */
  watch: WatchRegistry;
}
