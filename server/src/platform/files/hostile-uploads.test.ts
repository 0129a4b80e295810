import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Document, Packer, Paragraph } from "docx";
import { count } from "drizzle-orm";
import { unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { docxWith, pdfWith, submit } from "../../../test/documents.js";
import { documentFiles } from "../../db/schema/index.js";
import { parseXlsxLibrary } from "../../features/criteria/library-file.js";
import { AppError } from "../errors.js";
import { checkArchive } from "./archive.js";
import { EXTRACT_LIMITS, MAX_TEXT_CHARS, extractText } from "./extract.js";

const MB = 1024 * 1024;

/** A real DOCX whose word/document.xml is replaced by `size` bytes of one letter (a zip bomb in small). */
async function bombDocx(size: number): Promise<Buffer> {
  const entries = unzipSync(new Uint8Array(await docxWith([{ heading: "Rubrik", body: "Text" }])));
  const xml = Buffer.alloc(size, "a");
  Buffer.from('<?xml version="1.0"?><w:document>').copy(xml);
  entries["word/document.xml"] = xml;
  return Buffer.from(zipSync(entries, { level: 9 }));
}

/** Words that do not repeat: the worst case for a tsvector. */
const uniqueWords = (chars: number) => {
  const words: string[] = [];
  let n = 0;
  for (let length = 0; length < chars; n++) {
    const word = `ord${randomBytes(5).toString("hex")}`;
    words.push(word);
    length += word.length + 1;
  }
  return words;
};

describe("[issue 9.2] uploads cannot stall the server", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const filesStored = async () => Number((await t.database.db.select({ n: count() }).from(documentFiles))[0]!.n);

  it("[issue 9.2] refuses a DOCX that unpacks past the total cap with 413, before parsing, and saves nothing", async () => {
    const bomb = await bombDocx(200 * MB);
    expect(bomb.length).toBeLessThan(MB);
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    const before = await filesStored();
    const started = Date.now();
    const res = await submit(coordinator, "0180", {
      type: "rsa",
      files: [
        { name: "plan.pdf", content: await pdfWith([{ heading: "Plan", body: "Text" }]) },
        { name: "bomb.docx", content: bomb, contentType: "application/octet-stream" },
      ],
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: "payloadTooLarge",
      message: "Filen bomb.docx packas upp till 200,1 MB; högst 100 MB tas emot.",
    });
    expect(await filesStored()).toBe(before);
  });

  it("[issue 9.2] refuses an entry compressed more than 100 times with 415", async () => {
    const bomb = await bombDocx(20 * MB);
    let error: unknown;
    try {
      checkArchive(bomb, "Filen tät.docx");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(415);
    expect((error as AppError).message).toBe(
      "Filen tät.docx innehåller en del (word/document.xml) som är packad mer än 100 gånger och tas inte emot.",
    );
    expect(() => checkArchive(Buffer.alloc(0), "x")).toThrow(/inte kan läsas/);
    expect(() => checkArchive(bomb.subarray(0, 1000), "x")).toThrow(/inte kan läsas/);
    // An ordinary DOCX passes.
    checkArchive(await docxWith([{ heading: "Rubrik", body: "Text ".repeat(10_000) }]), "x");
  });

  it("[issue 9.2] the Excel import checks the archive before ExcelJS opens it", async () => {
    const entries = unzipSync(new Uint8Array(await bombDocx(150 * MB)));
    const xlsx = Buffer.from(zipSync({ "xl/worksheets/sheet1.xml": entries["word/document.xml"]! }, { level: 9 }));
    await expect(parseXlsxLibrary(xlsx)).rejects.toMatchObject({
      status: 413,
      message: "Excelfilen packas upp till 150 MB; högst 100 MB tas emot.",
    });
  });

  it("[issue 9.2] extracts text in a worker thread: the event loop keeps turning meanwhile", async () => {
    const words = uniqueWords(300_000);
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph(words.slice(0, 1000).join(" ")),
              ...words.slice(1000).map((w) => new Paragraph(w)),
            ],
          },
        ],
      }),
    );
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const result = await extractText(docx, "docx");
    clearInterval(timer);
    expect(result.textStatus).toBe("extracted");
    expect(result.text?.split("\n")).toHaveLength(words.length - 999);
    expect(longest).toBeLessThan(250);
  });

  it("[issue 9.2] the extraction worker also runs under tsx, as npm start and npm run dev run the server", async () => {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const script = fileURLToPath(new URL("../../../test/extract-under-tsx.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, script], { timeout: 60_000 });
    const result = JSON.parse(stdout);
    expect(result.textStatus).toBe("extracted");
    expect(result.text).toContain("Kommunen har analyserat elförsörjningen.");
  });

  it("[issue 9.2] a file that cannot be read in time or within the memory limit is failed, not thrown", async () => {
    const pdf = await pdfWith([{ heading: "Plan", body: "Text ".repeat(2000) }]);
    expect((await extractText(pdf, "pdf", { timeoutMs: 1, maxHeapMb: 256 })).textStatus).toBe("failed");
    const big = await bombDocx(60 * MB);
    expect(await extractText(big, "docx", { timeoutMs: 30_000, maxHeapMb: 16 })).toEqual({
      textStatus: "failed",
      text: null,
      headings: [],
    });
    expect((await extractText(pdf, "pdf")).textStatus).toBe("extracted");
  });

  it("[issue 9.2] a file whose text times out is stored and marked failed (text could not be read)", async () => {
    const coordinator = await t.as({ role: "municipality", municipality: "1480" });
    const saved = EXTRACT_LIMITS.timeoutMs;
    EXTRACT_LIMITS.timeoutMs = 1;
    try {
      const res = await submit(coordinator, "1480", {
        type: "rsa",
        files: [{ name: "lång.pdf", content: await pdfWith([{ heading: "Plan", body: "Text" }]) }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().versions[0].files[0]).toMatchObject({ fileName: "lång.pdf", textStatus: "failed" });
    } finally {
      EXTRACT_LIMITS.timeoutMs = saved;
    }
  });

  it("[issue 9.2] caps the indexed text at 500,000 characters: a long document of unique words is stored, not 500", async () => {
    expect(MAX_TEXT_CHARS).toBe(500_000);
    const words = uniqueWords(900_000);
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: Array.from(
              { length: words.length / 100 },
              (_, i) => new Paragraph(words.slice(i * 100, i * 100 + 100).join(" ")),
            ),
          },
        ],
      }),
    );
    const coordinator = await t.as({ role: "municipality", municipality: "0181" });
    const res = await submit(coordinator, "0181", {
      type: "rsa",
      files: [{ name: "bilagor.docx", content: docx, contentType: "application/octet-stream" }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().versions[0].files[0].textStatus).toBe("extracted");
    const rows = await t.database.db.select({ text: documentFiles.textContent }).from(documentFiles);
    expect(Math.max(...rows.map((r) => r.text?.length ?? 0))).toBe(500_000);
  });
});
