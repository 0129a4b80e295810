import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeMimeWords, listOutbox, parseHeaders, readOutboxMessage, writeOutboxMessage } from "./outbox.js";

describe("the mail outbox", () => {
  it("decodes RFC 2047 words, also a character split between two words", () => {
    expect(decodeMimeWords("=?UTF-8?Q?P=C3=A5minnelse:_RSA?= – =?utf-8?B?w7Zw?=")).toBe("Påminnelse: RSA – öp");
    // "å" is C3 A5: split over two adjacent words, joined before decoding.
    expect(decodeMimeWords("=?UTF-8?Q?P=C3?= =?UTF-8?Q?=A5?=")).toBe("På");
    expect(decodeMimeWords("plain text")).toBe("plain text");
    const headers = parseHeaders(
      "Subject: =?UTF-8?Q?=C3=85rlig?=\r\n =?UTF-8?Q?_uppf=C3=B6ljning?=\r\nTo: a@b\r\n\r\nSubject: body",
    );
    expect(headers.get("subject")).toBe("Årlig uppföljning");
    expect(headers.get("to")).toBe("a@b");
  });

  it("writes, lists newest first and reads back only well-formed names", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "uppsikt-outbox-unit-"));
    const dir = path.join(root, "outbox");
    try {
      expect(await listOutbox(dir, { limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
      const older = await writeOutboxMessage(
        dir,
        Buffer.from("To: a@b\r\nSubject: Ett\r\n\r\nx"),
        new Date("2026-01-01T00:00:00Z"),
      );
      const newer = await writeOutboxMessage(
        dir,
        Buffer.from("To: c@d\r\nSubject: Två\r\n\r\ny"),
        new Date("2026-01-02T00:00:00Z"),
      );
      writeFileSync(path.join(dir, "notes.txt"), "not mail");
      const { items, total } = await listOutbox(dir, { limit: 10, offset: 0 });
      expect(total).toBe(2);
      expect(items.map((i) => i.name)).toEqual([newer, older]);
      expect(items[0]).toMatchObject({ to: "c@d", subject: "Två", date: null });
      expect((await readOutboxMessage(dir, newer.replace(/\.eml$/, "")))?.toString()).toContain("Två");
      expect(await readOutboxMessage(dir, "../outbox/x")).toBeNull();
      expect(await readOutboxMessage(dir, "20260101T000000000Z-0000000000000000")).toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
