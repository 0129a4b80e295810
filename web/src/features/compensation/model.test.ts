import { describe, expect, it } from "vitest";
import { CompensationPartCreate } from "@uppsikt/core";
import { ApiError } from "../../api/client";
import {
  isXlsx,
  mayImport,
  nothingChanges,
  parseWhole,
  refusedImport,
  rowsWithErrors,
  shownRows,
  sortedErrors,
} from "./model";

const row = (n: number, change: "new" | "updated" | "unchanged") => ({
  row: n,
  municipality: "0180",
  year: 2026,
  part: "del1-2024",
  amount: 1000,
  status: "announced" as const,
  adjustment: null,
  statusOn: null,
  change,
});
const result = (errors: { row: number; field: string; message: string }[]) => ({
  dryRun: true,
  saved: false,
  rows: [row(2, "new"), row(3, "unchanged"), row(4, "updated")],
  errors,
  counts: { new: 1, updated: 1, unchanged: 1 },
});

describe("payout-list import: preview helpers", () => {
  it("[R1-5] counts the rows with errors once each and lists every error in the file's order", () => {
    const r = result([
      { row: 5, field: "Belopp (kr)", message: "Beloppet får inte vara negativt." },
      { row: 3, field: "Kommunkod", message: "Okänd kommunkod 9999." },
      { row: 5, field: "Del", message: "Okänd del x." },
    ]);
    expect(rowsWithErrors(r)).toBe(2);
    expect(sortedErrors(r).map((e) => [e.row, e.field])).toEqual([
      [3, "Kommunkod"],
      [5, "Belopp (kr)"],
      [5, "Del"],
    ]);
    expect(mayImport(r)).toBe(false);
  });

  it("[R1-5] offers the import only when every row is valid, and says when it would change nothing", () => {
    const ok = result([]);
    expect(mayImport(ok)).toBe(true);
    expect(nothingChanges(ok)).toBe(false);
    expect(nothingChanges({ ...ok, counts: { new: 0, updated: 0, unchanged: 3 } })).toBe(true);
    expect(shownRows(ok, false).map((r) => r.row)).toEqual([2, 4]);
    expect(shownRows(ok, true)).toHaveLength(3);
  });

  it("[R1-5] reads the result of a refused import from a 400's details, and nothing else", () => {
    const r = { ...result([{ row: 2, field: "År", message: "Året ligger utanför delens år." }]), dryRun: false };
    const refused = new ApiError(400, "validation", "Filen har fel på 1 rader. Inget har sparats.", null, r);
    expect(refusedImport(refused)?.errors).toHaveLength(1);
    expect(refusedImport(new ApiError(400, "validation", "Fel", null, { issues: [] }))).toBeNull();
    expect(refusedImport(new ApiError(415, "unsupported", "Fel filtyp", null, r))).toBeNull();
    expect(refusedImport(new Error("x"))).toBeNull();
  });

  it("[R1-5] takes .xlsx files only, by name", () => {
    expect(isXlsx("Utbetalning 2026.XLSX")).toBe(true);
    expect(isXlsx("lista.xls")).toBe(false);
    expect(isXlsx("lista.csv")).toBe(false);
  });

  it("[R1-5] a part form's typed values pass core's contract", () => {
    const parsed = CompensationPartCreate.safeParse({
      code: "del1-2027",
      name: "Del 1 (överenskommelse från 2027)",
      nameEn: "Part 1 (agreement from 2027)",
      agreementId: null,
      firstYear: "2027",
      lastYear: null,
      countsTowardSavings: true,
      confidentialBasis: null,
      predecessor: "del1-2024",
      position: parseWhole(" 7 "),
      source: null,
      unverified: true,
    });
    expect(parsed.success).toBe(true);
    expect(parseWhole("sju")).toBe("sju");
  });
});
