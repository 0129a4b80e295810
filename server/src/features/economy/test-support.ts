/* Test support for the economy's tests: payout-list files and their import (test files only). */
import ExcelJS from "exceljs";
import type { Client } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";

export const HEADER = ["Kommunkod", "Kommunnamn", "År", "Del", "Belopp (kr)", "Status", "Justering (kr)", "Datum"];
export type PayoutRow = (string | number | null)[];

export async function payoutFile(rows: PayoutRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Utbetalning");
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function importFile(client: Client, content: Buffer, dryRun: boolean, fileName = "utbetalning.xlsx") {
  const body = multipart([
    {
      name: "file",
      value: content,
      fileName,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
  ]);
  return client.request({
    method: "POST",
    url: `/api/v1/compensation/import?dryRun=${dryRun}`,
    payload: body.payload,
    headers: body.headers,
  });
}

export async function importRows(client: Client, rows: PayoutRow[]) {
  const res = await importFile(client, await payoutFile(rows), false);
  if (res.statusCode !== 200) throw new Error(`import failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
