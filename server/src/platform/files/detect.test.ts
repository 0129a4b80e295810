import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { renderPdf } from "../letters/pdf-document.js";
import { MAX_FILE_BYTES, detectDocumentType } from "./detect.js";
import { greyscalePng } from "./png.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const pdf = () => renderPdf({}, (doc) => void doc.text("Risk- och sårbarhetsanalys"));
const docx = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Styrdokument")] }] }));

describe("upload checks: document type from content", () => {
  it("[R2.2-2] accepts a PDF and a DOCX whose content and name agree", async () => {
    expect(await detectDocumentType(await pdf(), "rsa.pdf")).toEqual({ mediaType: "application/pdf", kind: "pdf" });
    expect(await detectDocumentType(await docx(), "Styrdokument 2027.DOCX")).toEqual({ mediaType: DOCX, kind: "docx" });
  });

  it("[R2.2-2] refuses a PNG, a plain ZIP or text renamed to .pdf", async () => {
    const png = greyscalePng(4, 4, () => 255);
    expect(await detectDocumentType(png, "rapport.pdf")).toBeNull();
    expect(await detectDocumentType(Buffer.from("Detta är ingen PDF.\n"), "rapport.pdf")).toBeNull();
    expect(await detectDocumentType(Buffer.alloc(0), "tom.pdf")).toBeNull();
    const zip = Buffer.from("504b0506000000000000000000000000000000000000", "hex"); // an empty ZIP archive
    expect(await detectDocumentType(zip, "rapport.pdf")).toBeNull();
    expect(await detectDocumentType(zip, "rapport.docx")).toBeNull();
  });

  it("[R2.2-2] refuses a real document whose name claims another type", async () => {
    expect(await detectDocumentType(await pdf(), "rapport.docx")).toBeNull();
    expect(await detectDocumentType(await docx(), "rapport.pdf")).toBeNull();
    expect(await detectDocumentType(await pdf(), "rapport")).toBeNull();
  });

  it("[R2.2-2] limits files to 25 MB", () => {
    expect(MAX_FILE_BYTES).toBe(25 * 1024 * 1024);
  });
});
