import { ErrorBody, User, UserCreate, UserList, UserListQuery, UserParams, UserUpdate } from "@uppsikt/core";
import { actorOf, writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["Användare"];

export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/users",
    {
      schema: { tags, querystring: UserListQuery, response: { 200: UserList, ...errors } },
      preHandler: can("users.read"),
    },
    (req) => service.listUsers(db, actorOf(req), req.query),
  );
  app.get(
    "/api/v1/users/:id",
    { schema: { tags, params: UserParams, response: { 200: User, ...errors } }, preHandler: can("users.read") },
    (req) => service.getUser(db, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/users",
    { schema: { tags, body: UserCreate, response: { 201: User, ...errors } }, preHandler: can("users.write") },
    async (req, reply) => reply.status(201).send(await service.createUser(db, writeContext(req, clock), req.body)),
  );
  app.patch(
    "/api/v1/users/:id",
    {
      schema: { tags, params: UserParams, body: UserUpdate, response: { 200: User, ...errors } },
      preHandler: can("users.write"),
    },
    (req) => service.updateUser(db, writeContext(req, clock), req.params.id, req.body),
  );
}
