import { BorderStyle, ShadingType, Table, TableCell, TableRow, Paragraph, TextRun, WidthType } from "docx";

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "999999" };

/** A bordered table with a shaded header row that repeats on each page; `totalWidth` in twentieths of a point. */
export function docxTable({ columns, rows }: { columns: string[]; rows: string[][] }, totalWidth: number): Table {
  const width = Math.floor(totalWidth / columns.length);
  const cell = (text: string, header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      shading: header ? { type: ShadingType.CLEAR, fill: "E6E6E6", color: "auto" } : undefined,
      children: [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold: header, size: 19 })] })],
    });
  return new Table({
    width: { size: width * columns.length, type: WidthType.DXA },
    columnWidths: columns.map(() => width),
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c, false)) })),
    ],
  });
}
