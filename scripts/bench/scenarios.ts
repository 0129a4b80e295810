/**
 * The benchmark's scenarios. Each is measured against the health check in the same run. A feature adds its own
 * scenario here (one entry).
 */
import { zipSync } from "fflate";
import PDFDocument from "pdfkit";
import { greyscalePng } from "../../server/src/platform/files/png.js";

export type Login = "officer14" | "countyHead14" | "coordinator1480";

export const LOGINS: Record<Login, string> = {
  officer14: "lst14@uppsikt.example",
  countyHead14: "lst14-chef@uppsikt.example",
  coordinator1480: "kommun1480@uppsikt.example",
};

export interface Scenario {
  name: string;
  login: Login;
  method?: "GET" | "POST";
  path: string;
  /** A request body and its content type, built once before the run. */
  body?: () => Promise<{ payload: Buffer; contentType: string }>;
  /** Fewer connections for heavy writes. */
  connections?: number;
}

function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.fontSize(16).text("Utbildnings- och övningsplan 2023–2026");
    doc
      .fontSize(10)
      .text("Göteborgs stads plan för utbildning och övning inom krisberedskap och civilt försvar. ".repeat(40));
    doc.end();
  });
}

async function documentUpload() {
  const boundary = "----uppsikt-bench-boundary";
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head =
    field("type", "trainingAndExercisePlan") +
    field("period", "2023") +
    field("decidedBy", "council") +
    field("decidedOn", "2023-09-14") +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Övningsplan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), await pdf(), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export const SCENARIOS: Scenario[] = [
  { name: "Länets kommunlista (49 kommuner)", login: "officer14", path: "/api/v1/counties/14/municipalities" },
  // The second figure for the list: p95 under 50 ms with 8 connections.
  {
    name: "Länets kommunlista, 8 anslutningar",
    login: "officer14",
    path: "/api/v1/counties/14/municipalities",
    connections: 8,
  },
  { name: "En kommuns dokument", login: "officer14", path: "/api/v1/municipalities/1480/documents" },
  { name: "Min bevakning, hela länet (länschef)", login: "countyHead14", path: "/api/v1/watch?scope=county" },
  { name: "En kommuns dialog", login: "officer14", path: "/api/v1/municipalities/1480/dialogue-entries" },
  { name: "Dokumentmatrisen", login: "officer14", path: "/api/v1/counties/14/documents/matrix" },
  { name: "Fritextsökning i dokument", login: "officer14", path: "/api/v1/counties/14/documents/search?q=risk" },
  // The county economy table: 49 municipalities × 8 years of compensation and costs (issue 13).
  { name: "Länets ekonomitabell (49 kommuner × 8 år)", login: "officer14", path: "/api/v1/counties/14/economy" },
  {
    name: "Ladda upp ett dokument (PDF)",
    login: "coordinator1480",
    method: "POST",
    path: "/api/v1/municipalities/1480/documents",
    body: documentUpload,
    connections: 4,
  },
];

const MB = 1024 * 1024;

/** A PDF of about `megabytes` MB: a page of text and a large greyscale image of noise (it does not compress). */
function largePdf(megabytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(megabytes * MB));
  let seed = 7;
  const png = greyscalePng(side, side, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.fontSize(16).text("Risk- och sårbarhetsanalys med kartbilaga");
    doc.fontSize(10).text("Kommunens analys av risker och sårbarheter inom det geografiska området. ".repeat(60));
    doc.addPage().image(png, 0, 0, { width: 595 });
    doc.end();
  });
}

/** A DOCX of under 1 MB whose word/document.xml unpacks to 200 MB. */
async function hostileDocx(): Promise<Buffer> {
  const xml = Buffer.alloc(200 * MB, " ");
  Buffer.from('<?xml version="1.0"?><w:document>').copy(xml);
  const entries = {
    "[Content_Types].xml": Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "word/document.xml": xml,
  };
  return Buffer.from(zipSync(entries, { level: 9 }));
}

function multipartOf(files: { name: string; content: Buffer; type: string }[]) {
  const boundary = "----uppsikt-bench-boundary";
  const field = (name: string, value: string) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const parts: Buffer[] = [
    field("type", "rsa"),
    field("period", "2023"),
    field("decidedBy", "council"),
    field("decidedOn", "2023-09-14"),
  ];
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Uploads run beside a health-check measurement: the health check's latency while the server takes them is what is
 * measured. Each upload is sent again as soon as it is answered, for the whole run; `expect` is its right status.
 */
export interface UploadLoad {
  name: string;
  login: Login;
  path: string;
  uploads: () => Promise<{ payload: Buffer; contentType: string; expect: number }[]>;
}

export const UPLOAD_LOADS: UploadLoad[] = [
  {
    name: "Hälsokontroll under uppladdning (10 PDF à 20 MB och 10 fientliga DOCX)",
    login: "coordinator1480",
    path: "/api/v1/municipalities/1480/documents",
    async uploads() {
      const pdf = await largePdf(20);
      const docx = await hostileDocx();
      const pdfs = Array.from({ length: 10 }, (_, i) => ({
        name: `Bilaga ${i + 1}.pdf`,
        content: pdf,
        type: "application/pdf",
      }));
      const docxs = Array.from({ length: 10 }, (_, i) => ({
        name: `Fientlig ${i + 1}.docx`,
        content: docx,
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      }));
      return [
        { ...multipartOf(pdfs), expect: 201 },
        { ...multipartOf(docxs), expect: 413 },
      ];
    },
  },
];
