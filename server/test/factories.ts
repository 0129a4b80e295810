import { randomUUID } from "node:crypto";
import {
  DialogueEntryCreate,
  type DialogueFollowUpInput,
  DocumentRequestCreate,
  DocumentReviewInput,
  EarlyWarningCreate,
  FeedbackInput,
  type Role,
} from "@uppsikt/core";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Executor } from "../src/db/client.js";
import { clearances, municipalities, users } from "../src/db/schema/index.js";
import { createEntry } from "../src/features/dialogue/service.js";
import { answerRequest, createRequest } from "../src/features/document-requests/service.js";
import { raiseWarning } from "../src/features/early-warnings/service.js";
import { createFeedback, markFeedbackSent } from "../src/features/documents/feedback-service.js";
import { saveReview } from "../src/features/documents/review-service.js";
import * as documentsRepo from "../src/features/documents/repository.js";
import { submitDocument } from "../src/features/documents/service.js";
import * as yearTwoRepo from "../src/features/documents/year-two-repository.js";
import type { Actor } from "../src/platform/actor.js";
import { createSession } from "../src/platform/auth/sessions.js";
import type { Clock } from "../src/platform/clock.js";
import type { ActorContext } from "../src/platform/http/context.js";
import { type SubmitInput, pdfWith } from "./documents.js";
import { forgetReferenceData } from "../src/platform/cache/reference-cache.js";

/** Not a valid argon2 hash: factory users log in through sessions, never with a password. */
export const NO_PASSWORD = "factory-user-without-password";

export interface UserSpec {
  role: Role;
  county?: string | null;
  municipality?: string | null;
  countyHead?: boolean;
  readOnly?: boolean;
  active?: boolean;
  name?: string;
  email?: string;
  passwordHash?: string;
}

export async function buildUser(db: Executor, spec: UserSpec) {
  const id = randomUUID();
  const [row] = await db
    .insert(users)
    .values({
      id,
      email: spec.email ?? `${spec.role}-${id.slice(0, 8)}@test.example`,
      name: spec.name ?? `Testanvändare ${id.slice(0, 4)}`,
      role: spec.role,
      countyCode: spec.county ?? (spec.municipality ? spec.municipality.slice(0, 2) : null),
      municipalityCode: spec.municipality ?? null,
      countyHead: spec.countyHead ?? false,
      readOnly: spec.readOnly ?? false,
      active: spec.active ?? true,
      passwordHash: spec.passwordHash ?? NO_PASSWORD,
    })
    .returning();
  return row!;
}

/** A logged-in session straight from the database (no argon2 round trip). */
export async function sessionFor(db: Executor, userId: string, now = new Date(), ttlHours = 8): Promise<string> {
  const { token } = await createSession(db, userId, now, ttlHours);
  return token;
}

export async function setResponsibleOfficer(db: Executor, municipality: string, userId: string | null) {
  await db.update(municipalities).set({ responsibleOfficerId: userId }).where(eq(municipalities.code, municipality));
  forgetReferenceData();
}

// --- Entities through the app's own services ------------------------------------------------------------------
//
// Each factory below goes through the service the route calls (so rows, defaults and audit events are exactly
// what the app writes), acting as the given user, on the test's clock. Input is parsed by core's contract
// schema first, so its defaults apply as they do for a request body. A clearance is a plain insert of the
// row grantClearance writes (tests grant themselves, without an admin in between).

export type UserRow = typeof users.$inferSelect;

/** What a factory needs of the test: its database and its clock (a `TestContext` fits). */
export interface FactoryEnv {
  database: { db: Db };
  clock: Clock;
}

/** The actor a session of this user would be. */
export const actorFor = (user: UserRow): Actor => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role as Role,
  county: user.countyCode,
  municipality: user.municipalityCode,
  countyHead: user.countyHead,
  readOnly: user.readOnly,
  sessionId: null,
});

export const contextFor = (env: FactoryEnv, user: UserRow): ActorContext => ({
  actor: actorFor(user),
  requestId: "factory",
  clock: env.clock,
});

/** A coordinator (or, with `readOnly`, leadership) of a municipality. */
export function buildMunicipalityUser(db: Executor, municipality: string, spec: Partial<UserSpec> = {}) {
  return buildUser(db, { ...spec, role: "municipality", municipality });
}

/** A county officer (with `countyHead`, the unit head). */
export function buildCountyOfficer(db: Executor, county: string, spec: Partial<UserSpec> = {}) {
  return buildUser(db, { ...spec, role: "county", county });
}

export interface ClearanceSpec {
  userId: string;
  county: string;
  /** null: the whole county. */
  municipality?: string | null;
  undertakingSignedOn?: string;
  validUntil?: string | null;
  grantedBy?: string;
  grantedAt?: Date;
}

/** A clearance (behörighet) to read confidential content, as grantClearance stores it. */
export async function buildClearance(env: FactoryEnv, spec: ClearanceSpec) {
  const [row] = await env.database.db
    .insert(clearances)
    .values({
      userId: spec.userId,
      countyCode: spec.county,
      municipalityCode: spec.municipality ?? null,
      undertakingSignedOn: spec.undertakingSignedOn ?? "2026-01-10",
      validUntil: spec.validUntil ?? null,
      note: null,
      grantedBy: spec.grantedBy ?? spec.userId,
      grantedAt: spec.grantedAt ?? env.clock.now(),
    })
    .returning();
  return row!;
}

export interface DocumentSpec extends Partial<Omit<SubmitInput, "files">> {
  files?: { name: string; content: Buffer }[];
}

/**
 * A new version of a required document with its files, as POST /municipalities/:code/documents registers it
 * (by default an RSA for 2023 decided by the council, one small PDF). `confidentialBasis` makes the version
 * confidential; `confidentialFiles` + `fileConfidentialBasis` single files.
 */
export async function buildDocument(env: FactoryEnv, by: UserRow, municipality: string, spec: DocumentSpec = {}) {
  const { files, ...fields } = spec;
  const content = files ?? [
    { name: "rsa.pdf", content: await pdfWith([{ heading: "1. Inledning", body: "Risk- och sårbarhetsanalys." }]) },
  ];
  const values: Record<string, string> = {
    type: "rsa",
    period: "2023",
    decidedBy: "council",
    decidedOn: "2023-06-12",
    ...Object.fromEntries(
      Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ),
  };
  const item = await submitDocument(env.database.db, contextFor(env, by), municipality, {
    fields: values,
    files: content.map((f) => ({ fileName: f.name, buffer: f.content })),
  });
  const version = item.versions[0]!;
  return { item, version, versionId: version.id, fileIds: version.files.map((f) => f.id) };
}

/** A dialogue entry (default: a meeting with 0180 today-ish, one subject), with follow-ups and warnings if given. */
export function buildDialogueEntry(
  env: FactoryEnv,
  by: UserRow,
  input: Partial<z.input<typeof DialogueEntryCreate>> = {},
) {
  const parsed = DialogueEntryCreate.parse({
    municipalities: [by.municipalityCode ?? "0180"],
    date: env.clock.today(),
    form: "meeting",
    subjects: ["geographicResponsibility"],
    ...input,
  });
  return createEntry(env.database.db, contextFor(env, by), parsed);
}

/** One follow-up item (uppföljningspunkt) on a new dialogue entry; returns the item and the entry. */
export async function buildFollowUp(
  env: FactoryEnv,
  by: UserRow,
  followUp: z.input<typeof DialogueFollowUpInput>,
  entry: Partial<z.input<typeof DialogueEntryCreate>> = {},
) {
  const created = await buildDialogueEntry(env, by, { ...entry, followUps: [followUp] });
  return { entry: created, followUp: created.followUps[0]! };
}

/** An early warning raised by a county officer for a municipality. */
export function buildWarning(
  env: FactoryEnv,
  by: UserRow,
  municipality: string,
  input: Partial<z.input<typeof EarlyWarningCreate>> = {},
) {
  const parsed = EarlyWarningCreate.parse({ kind: "other", description: "Kommunen saknar reservkraft.", ...input });
  return raiseWarning(env.database.db, contextFor(env, by), municipality, parsed);
}

export interface DocumentRequestSpec extends Partial<z.input<typeof DocumentRequestCreate>> {
  /** Answered by this user (a coordinator of the municipality) with a message and files (default none). */
  answer?: {
    by: UserRow;
    message?: string;
    confidentialBasis?: string;
    files?: { name: string; content: Buffer }[];
  };
}

/** A request for further documents (begäran om underlag) by a county officer, answered if `answer` is given. */
export async function buildDocumentRequest(
  env: FactoryEnv,
  by: UserRow,
  municipality: string,
  spec: DocumentRequestSpec = {},
) {
  const { answer, ...input } = spec;
  const parsed = DocumentRequestCreate.parse({
    subject: "Komplettering av RSA",
    message: "Skicka bilagan om kritiska beroenden.",
    replyBy: env.clock.today(),
    ...input,
  });
  const request = await createRequest(env.database.db, contextFor(env, by), municipality, parsed);
  if (!answer) return request;
  const fields: Record<string, string> = { message: answer.message ?? "Här är bilagan." };
  if (answer.confidentialBasis) fields.confidentialBasis = answer.confidentialBasis;
  return answerRequest(env.database.db, contextFor(env, answer.by), request.id, {
    fields,
    files: (answer.files ?? []).map((f) => ({ fileName: f.name, buffer: f.content })),
  });
}

/** The county's review of a document version (items by criterion id; with `outcome`, completed). */
export function buildReview(
  env: FactoryEnv,
  by: UserRow,
  versionId: string,
  input: Partial<z.input<typeof DocumentReviewInput>> = {},
) {
  return saveReview(
    env.database.db,
    contextFor(env, by),
    versionId,
    DocumentReviewInput.parse({ items: [], ...input }),
  );
}

/** Feedback (återkoppling) on a document version; a draft unless `sentOn` is given. */
export async function buildFeedback(
  env: FactoryEnv,
  by: UserRow,
  versionId: string,
  input: Partial<z.input<typeof FeedbackInput>> & { sentOn?: string } = {},
) {
  const { sentOn, ...rest } = input;
  const ctx = contextFor(env, by);
  const created = await createFeedback(
    env.database.db,
    ctx,
    versionId,
    FeedbackInput.parse({ body: "Tack för analysen.", ...rest }),
  );
  return sentOn ? markFeedbackSent(env.database.db, ctx, created.id, sentOn) : created;
}

export interface VersionSpec {
  municipality: string;
  type: string;
  createdBy: string;
  period?: number;
  decidedBy?: string;
  /** Default: the day received. */
  decidedOn?: string;
  receivedOn: string;
  status?: string;
  registrationNumber?: string | null;
  createdAt?: Date;
  /** A placeholder file row (4 bytes, no text) as the version's only file; default none. */
  withFile?: boolean;
}

/**
 * A document version straight into the tables through the documents repository (no upload, no audit), for
 * tests of what follows a received version: the review, feedback, the matrix, the year-two listing, the watch
 * list. The next version number of the (municipality, period, type) document, like the upload route.
 */
export async function insertDocumentVersion(env: FactoryEnv, s: VersionSpec) {
  const db = env.database.db;
  const createdAt = s.createdAt ?? env.clock.now();
  const doc = await documentsRepo.findOrCreateDocument(db, s.municipality, s.period ?? 2023, s.type, createdAt);
  const versionId = await documentsRepo.insertVersion(db, {
    documentId: doc.id,
    versionNo: await documentsRepo.nextVersionNo(db, doc.id),
    decidedBy: s.decidedBy ?? "council",
    decidedOn: s.decidedOn ?? s.receivedOn,
    receivedOn: s.receivedOn,
    ...(s.status ? { status: s.status } : {}),
    registrationNumber: s.registrationNumber ?? null,
    createdBy: s.createdBy,
    createdAt,
  });
  if (s.withFile)
    await documentsRepo.insertFile(db, {
      versionId,
      fileName: "dokument.pdf",
      mediaType: "application/pdf",
      sizeBytes: 4,
      sha256: "0".repeat(64),
      content: Buffer.from("%PDF"),
      textStatus: "failed",
      createdAt,
    });
  return { documentId: doc.id, versionId };
}

export interface DocumentFollowUpSpec {
  municipality: string;
  type: string;
  period?: number;
  reason: string;
  /** The date agreed with the municipality by which the missing document comes (year two). */
  agreedDate: string;
  recordedBy: string;
  updatedAt?: Date;
}

/** The county's follow-up of a missing document in year two (reason, agreed date), through the repository. */
export async function buildDocumentFollowUp(env: FactoryEnv, s: DocumentFollowUpSpec) {
  await yearTwoRepo.upsertFollowUp(env.database.db, {
    municipalityCode: s.municipality,
    period: s.period ?? 2023,
    typeId: s.type,
    reason: s.reason,
    agreedDate: s.agreedDate,
    recordedBy: s.recordedBy,
    updatedAt: s.updatedAt ?? env.clock.now(),
  });
}
