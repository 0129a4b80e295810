/**
 * The benchmark's scenarios. Each is measured against the health check in the same run. A feature adds its own
 * scenario here (one entry).
 */
import PDFDocument from "pdfkit";

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
  { name: "En kommuns dokument", login: "officer14", path: "/api/v1/municipalities/1480/documents" },
  { name: "Min bevakning, hela länet (länschef)", login: "countyHead14", path: "/api/v1/watch?scope=county" },
  { name: "En kommuns dialog", login: "officer14", path: "/api/v1/municipalities/1480/dialogue-entries" },
  { name: "Dokumentmatrisen", login: "officer14", path: "/api/v1/counties/14/documents/matrix" },
  { name: "Fritextsökning i dokument", login: "officer14", path: "/api/v1/counties/14/documents/search?q=risk" },
  {
    name: "Ladda upp ett dokument (PDF)",
    login: "coordinator1480",
    method: "POST",
    path: "/api/v1/municipalities/1480/documents",
    body: documentUpload,
    connections: 4,
  },
];
