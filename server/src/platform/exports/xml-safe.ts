import type { Workbook } from "exceljs";

/**
 * XML 1.0 allows tab, line feed, carriage return and the code points from U+0020 on, except the surrogates and
 * U+FFFE/U+FFFF. XLSX and DOCX are XML inside, and PDF text must be real characters: everything else is dropped
 * before a file is written, so one odd name cannot make a workbook unreadable for everyone.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlSafe = (text: string): string => text.replace(FORBIDDEN, "");

/** A copy with every string made XML-safe (plain objects, arrays, dates and buffers kept as they are). */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === "string") return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  return value;
}

/** Writes the workbook after making every text in it XML-safe: sheet names, cells, rich text, hyperlinks, notes. */
export async function writeWorkbook(workbook: Workbook): Promise<Buffer> {
  for (const sheet of workbook.worksheets) {
    sheet.name = xmlSafe(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (typeof value === "string") cell.value = xmlSafe(value);
        else if (value && typeof value === "object" && !(value instanceof Date)) cell.value = xmlSafeDeep(value);
        if (typeof cell.note === "string") cell.note = xmlSafe(cell.note);
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
