import type { AuditEntityType } from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import { clearanceScope, covers, recordConfidentialRead } from "../confidentiality/index.js";
import { Forbidden, NotFound } from "../errors.js";
import type { ActorContext } from "../http/context.js";
import { type Action, type Target, authorize } from "../permissions.js";
import type { AcceptedFile } from "./intake.js";

/*
 * Files live in the database, in one table per owner (document_files, document_request_files, …): each owner
 * keeps its own foreign key and columns, the intake is the same. An owner kind registers how its files are
 * stored and found, and its read policy: which permission reads them, where a file sits in the
 * county/municipality tree, and whether it is confidential. The download routes ask the owner, never the table.
 */

/** A stored file as a download needs it, plus whatever the owner's read policy looks at. */
export interface StoredFile {
  id: string;
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** One accepted file on its way into the owner's table. */
export interface FileRow {
  /** The owner's row the file belongs to (a document version, a request answer, …). */
  ownerId: string;
  /** Upload order within the owner's row. */
  position: number;
  file: AcceptedFile;
  confidentialBasis: string | null;
  createdAt: Date;
}

export interface FileReadPolicy<F extends StoredFile> {
  /** The permission that reads this owner's files (also the download route's guard). */
  permission: Action;
  /** Where the file sits: outside the actor's scope is 404. */
  target(file: F): Required<Target> & { municipality: string };
  /** The secrecy ground when the file is confidential, else null: then only cleared readers get it (403). */
  confidentialBasis(file: F): string | null;
}

export interface FileOwner<F extends StoredFile = StoredFile> {
  /** The owner kind; also the audit entity type of a confidential read (`documentFile`, `documentRequestFile`). */
  kind: string;
  find(db: Executor, fileId: string): Promise<F | undefined>;
  /** Inserts one file row; returns its id. */
  insert(tx: Executor, row: FileRow): Promise<string>;
  readPolicy: FileReadPolicy<F>;
}

const owners = new Map<string, FileOwner>();

/** Declares an owner kind; registering the same kind twice with another owner is a programming error. */
export function registerFileOwner<F extends StoredFile>(owner: FileOwner<F>): FileOwner<F> {
  const known = owners.get(owner.kind);
  if (known && known !== (owner as unknown as FileOwner))
    throw new Error(`Filägaren ${owner.kind} är redan registrerad.`);
  owners.set(owner.kind, owner as unknown as FileOwner);
  return owner;
}

export function fileOwner(kind: string): FileOwner {
  const owner = owners.get(kind);
  if (!owner) throw new Error(`Okänd filägare: ${kind}.`);
  return owner;
}

/** Stores accepted files under one owner row, in upload order; returns their ids. */
export async function storeFiles(
  tx: Executor,
  kind: string,
  ownerId: string,
  files: AcceptedFile[],
  options: { createdAt: Date; confidentialBasis: (file: AcceptedFile, position: number) => string | null },
): Promise<string[]> {
  const owner = fileOwner(kind);
  const ids: string[] = [];
  for (const [position, file] of files.entries())
    ids.push(
      await owner.insert(tx, {
        ownerId,
        position,
        file,
        confidentialBasis: options.confidentialBasis(file, position),
        createdAt: options.createdAt,
      }),
    );
  return ids;
}

/**
 * A file for download, as its owner's read policy allows: 404 when it does not exist or lies outside the
 * actor's scope, 403 without the permission, 403 when confidential and the actor is not cleared for the
 * municipality. A confidential read is written to the audit log.
 */
export async function openFile(db: Db, ctx: ActorContext, kind: string, fileId: string): Promise<StoredFile> {
  const owner = fileOwner(kind);
  const file = await owner.find(db, fileId);
  if (!file) throw NotFound("Filen finns inte.");
  const target = owner.readPolicy.target(file);
  authorize(ctx.actor, owner.readPolicy.permission, target);
  const basis = owner.readPolicy.confidentialBasis(file);
  if (basis) {
    const scope = await clearanceScope(db, ctx.actor, ctx.clock.today());
    if (!covers(scope, target.municipality))
      throw Forbidden(`Filen är sekretessbelagd (${basis}). Du behöver behörighet för kommunen för att läsa den.`);
    await recordConfidentialRead(db, ctx, {
      entityType: owner.kind as AuditEntityType,
      entityId: file.id,
      municipality: target.municipality,
      parts: ["content"],
      basis,
    });
  }
  return file;
}
