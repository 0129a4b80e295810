import { createHash, randomUUID } from "node:crypto";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/db.js";
import { pdfWith } from "../../../test/documents.js";
import { type FactoryEnv, buildClearance, buildCountyOfficer, contextFor } from "../../../test/factories.js";
import { multipart } from "../../../test/multipart.js";
import { testClock } from "../../../test/clock.js";
import type { Database } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";
import { AppError } from "../errors.js";
import type { App } from "../http/types.js";
import {
  type FileLimits,
  type StoredFile,
  acceptFiles,
  auditedFile,
  fileOwner,
  openFile,
  readUpload,
  registerFileOwner,
  sha256,
  storeFiles,
  withMultipart,
} from "./index.js";

const KB = 1024;
const limits: FileLimits = { maxFiles: 3, maxFileBytes: 2 * KB * KB, maxTotalBytes: 3 * KB * KB };

/** A bare Fastify app with one multipart route that answers with what readUpload read, or its error. */
async function uploadApp() {
  const app = Fastify() as unknown as App;
  withMultipart(app, limits, (scoped) => {
    scoped.post("/upload", async (req, reply) => {
      try {
        const upload = await readUpload(req, limits);
        return { fields: upload.fields, files: upload.files.map((f) => ({ name: f.fileName, size: f.buffer.length })) };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        return reply.status(e.status).send({ error: { code: e.code, message: e.message } });
      }
    });
  });
  await app.ready();
  return app;
}

const file = (name: string, bytes: number) => ({
  name: "file",
  value: Buffer.alloc(bytes, 1),
  fileName: name,
  contentType: "application/pdf",
});

describe("file intake: multipart with limits", () => {
  let app: App;
  beforeAll(async () => {
    app = await uploadApp();
  });
  afterAll(() => app.close());

  const post = (parts: Parameters<typeof multipart>[0]) => {
    const body = multipart(parts);
    return app.inject({ method: "POST", url: "/upload", payload: body.payload, headers: body.headers });
  };

  it("[R2.2-2] reads text fields and the parts named file, in order", async () => {
    const res = await post([{ name: "type", value: "rsa" }, file("a.pdf", 10), file("b.pdf", 20)]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      fields: { type: "rsa" },
      files: [
        { name: "a.pdf", size: 10 },
        { name: "b.pdf", size: 20 },
      ],
    });
  });

  it("[R2.2-2] 413 for a file over the size per file, naming the limit", async () => {
    const res = await post([file("big.pdf", 2 * KB * KB + 1)]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe("En fil är för stor. Varje fil får vara högst 2 MB.");
  });

  it("[R2.2-2] 413 for more files than the count allows", async () => {
    const res = await post([file("1.pdf", 1), file("2.pdf", 1), file("3.pdf", 1), file("4.pdf", 1)]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe("Högst 3 filer per uppladdning.");
  });

  it("[R2.2-2] 413 when the files together exceed the total", async () => {
    const res = await post([file("1.pdf", 1.5 * KB * KB), file("2.pdf", 1.5 * KB * KB), file("3.pdf", 10)]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe("Filerna är för stora tillsammans. En uppladdning får vara högst 3 MB.");
  });

  it("400 for an empty file or a file in another field; 415 for a body that is not multipart", async () => {
    const empty = await post([file("tom.pdf", 0)]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe("Filen tom.pdf är tom.");
    const other = await post([{ ...file("a.pdf", 5), name: "bilaga" }]);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toBe('Okänt filfält "bilaga". Filer skickas i fält som heter file.');
    const json = await app.inject({ method: "POST", url: "/upload", payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe("unsupportedMediaType");
  });
});

describe("file intake: detection, hashing, text", () => {
  it("[R2.2-2] accepts a PDF by its content, hashes it with sha256 and extracts text only when asked", async () => {
    const pdf = await pdfWith([{ heading: "1. Inledning", body: "Risk- och sårbarhetsanalys för kommunen." }]);
    const [withText] = await acceptFiles([{ fileName: "rsa.pdf", buffer: pdf }], { extractText: true });
    expect(withText).toMatchObject({
      fileName: "rsa.pdf",
      mediaType: "application/pdf",
      kind: "pdf",
      sizeBytes: pdf.length,
    });
    expect(withText!.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(withText!.text?.textStatus).toBe("extracted");
    expect(withText!.text?.text).toContain("sårbarhetsanalys");
    expect(auditedFile(withText!)).toEqual({ sha256: withText!.sha256, size: pdf.length });

    const [withoutText] = await acceptFiles([{ fileName: "rsa.pdf", buffer: pdf }], { extractText: false });
    expect(withoutText!.text).toBeNull();
    expect(sha256(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("[R2.2-2] 415 for the whole upload when one file is not a PDF, DOCX or ODT by content", async () => {
    const pdf = await pdfWith([{ heading: "Rubrik", body: "Text." }]);
    const error = await acceptFiles(
      [
        { fileName: "rsa.pdf", buffer: pdf },
        { fileName: "bild.pdf", buffer: Buffer.from("Detta är ingen PDF.\n") },
      ],
      { extractText: false },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(415);
    expect((error as AppError).message).toBe(
      "Filen bild.pdf är inte en PDF-, DOCX- eller ODT-fil (innehållet avgör, inte filnamnet).",
    );
  });
});

/** A test owner kind kept in memory: the read policy is what is under test, not a table. */
interface MemoFile extends StoredFile {
  municipality: string;
  basis: string | null;
}
const memo = new Map<string, MemoFile>();
const memoOwner = registerFileOwner<MemoFile>({
  kind: "testProtocolFile",
  find: async (_db, id) => memo.get(id),
  insert: async (_tx, row) => {
    const id = randomUUID();
    memo.set(id, {
      id,
      fileName: row.file.fileName,
      mediaType: row.file.mediaType,
      content: row.file.content,
      municipality: "0180",
      basis: row.confidentialBasis,
    });
    return id;
  },
  readPolicy: {
    permission: "documents.read",
    target: (f) => ({ county: f.municipality.slice(0, 2), municipality: f.municipality }),
    confidentialBasis: (f) => f.basis,
  },
});

describe("file owners: storage and the read-policy hook", () => {
  let database: Database;
  let env: FactoryEnv;
  beforeAll(async () => {
    database = await freshDatabase();
    env = { database, clock: testClock() };
  });
  afterAll(() => database.close());

  it("registers an owner kind once; another owner under the same kind is refused", () => {
    expect(fileOwner("testProtocolFile")).toBe(memoOwner);
    expect(registerFileOwner(memoOwner)).toBe(memoOwner);
    expect(() => registerFileOwner({ ...memoOwner })).toThrow(/redan registrerad/);
    expect(() => fileOwner("noSuchOwner")).toThrow(/Okänd filägare/);
  });

  it("[R2.10-2] serves an open file in scope, 404 outside scope, 403 confidential without clearance, audits a read", async () => {
    const pdf = await pdfWith([{ heading: "Protokoll", body: "Besök i kommunen." }]);
    const accepted = await acceptFiles(
      [
        { fileName: "open.pdf", buffer: pdf },
        { fileName: "secret.pdf", buffer: pdf },
      ],
      { extractText: false },
    );
    const [openId, secretId] = await storeFiles(database.db, memoOwner.kind, "visit-1", accepted, {
      createdAt: env.clock.now(),
      confidentialBasis: (_f, i) => (i === 1 ? "18 kap. 13 § OSL" : null),
    });
    const officer = await buildCountyOfficer(database.db, "01");
    const stranger = await buildCountyOfficer(database.db, "03");

    expect((await openFile(database.db, contextFor(env, officer), memoOwner.kind, openId!)).fileName).toBe("open.pdf");
    await expect(openFile(database.db, contextFor(env, stranger), memoOwner.kind, openId!)).rejects.toMatchObject({
      status: 404,
    });
    await expect(openFile(database.db, contextFor(env, officer), memoOwner.kind, randomUUID())).rejects.toMatchObject({
      status: 404,
      message: "Filen finns inte.",
    });
    await expect(openFile(database.db, contextFor(env, officer), memoOwner.kind, secretId!)).rejects.toMatchObject({
      status: 403,
      message: "Filen är sekretessbelagd (18 kap. 13 § OSL). Du behöver behörighet för kommunen för att läsa den.",
    });

    await buildClearance(env, { userId: officer.id, county: "01", municipality: "0180" });
    const secret = await openFile(database.db, contextFor(env, officer), memoOwner.kind, secretId!);
    expect(secret.content.equals(pdf)).toBe(true);
    const reads = (await database.db.select().from(auditEvents)).filter(
      (e) => e.action === "confidential.read" && e.entityId === secretId,
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ entityType: "testProtocolFile", actorId: officer.id });
    expect(reads[0]!.after).toEqual({ municipality: "0180", parts: ["content"], basis: "18 kap. 13 § OSL" });
  });
});
