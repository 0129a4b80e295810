import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import PDFDocument from "pdfkit";
import type { Client } from "./app.js";
import { type Part, multipart } from "./multipart.js";

/** A small real PDF: headings in a larger font, then body text. */
export function pdfWith(sections: { heading: string; body: string }[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    for (const s of sections) {
      doc.fontSize(16).text(s.heading);
      doc.fontSize(10).text(s.body);
      doc.moveDown();
    }
    doc.end();
  });
}

export async function docxWith(sections: { heading: string; body: string }[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: sections.flatMap((s) => [
          new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }),
          new Paragraph(s.body),
        ]),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface SubmitInput {
  type: string;
  period?: string;
  decidedBy?: string;
  decidedOn?: string;
  receivedOn?: string;
  registrationNumber?: string;
  countyRegistrationNumber?: string;
  note?: string;
  confidentialBasis?: string;
  confidentialFiles?: string;
  fileConfidentialBasis?: string;
  files: { name: string; content: Buffer; contentType?: string }[];
}

export function submit(client: Client, municipality: string, input: SubmitInput) {
  const { files, ...fields } = input;
  const values: Record<string, string> = { period: "2023", decidedBy: "council", decidedOn: "2023-06-12", ...fields };
  const parts: Part[] = [
    ...Object.entries(values).map(([name, value]) => ({ name, value })),
    ...files.map((f) => ({
      name: "file",
      value: f.content,
      fileName: f.name,
      contentType: f.contentType ?? "application/pdf",
    })),
  ];
  const body = multipart(parts);
  return client.request({
    method: "POST",
    url: `/api/v1/municipalities/${municipality}/documents`,
    payload: body.payload,
    headers: body.headers,
  });
}
