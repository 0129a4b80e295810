import ExcelJS from "exceljs";
import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn, logout } from "./helpers.js";

/**
 * The economy (issue 13): the agency imports a payout list with errors, fixes it and imports it; the county officer
 * enters costs with a Rakel purchase, sees the flag and the county's large-savings listing and records an economic
 * review; the coordinator reads the Ekonomi tab. The clock is frozen at 2026-11-27.
 */

test.describe.configure({ mode: "serial" });

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

async function dismissToast(page: Page, text: string) {
  const toast = page.getByRole("alert").filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Stäng" }).click();
  await expect(toast).toBeHidden();
}

/** A payout list in the template's layout: the announced amounts of the agreement from 2027 for three municipalities. */
async function payoutList(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Utbetalning");
  sheet.addRow(["Kommunkod", "Kommunnamn", "År", "Del", "Belopp (kr)", "Status", "Justering (kr)", "Datum"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const GOOD = [
  ["0180", "Stockholm", 2027, "del1-2027", 27_400_000],
  ["0186", "Lidingö", 2027, "del1-2027", 1_120_000],
  ["0187", "Vaxholm", 2027, "del1-2027", 905_000],
];

test("[R1-5] the agency imports a payout list: errors are listed row by row, nothing is saved, the fixed file imports", async ({
  page,
}) => {
  await login(page, "agency@uppsikt.example");
  await page.goto("/ersattning");
  await expect(page.getByRole("heading", { level: 1, name: "Ersättning till kommunerna" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Ersättningens delar" }).getByText("Civilt försvar (ÖKCF)"),
  ).toBeVisible();
  await checkPage(page, "economy-compensation");

  const bad = await payoutList([
    GOOD[0]!,
    ["9999", "Okänd", 2027, "del1-2027", 500_000],
    ["0187", "Vaxholm", 2027, "del1-2027", -5],
  ]);
  await page.getByLabel("Utbetalningslista (.xlsx)").setInputFiles({
    name: "utbetalning-2027.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bad,
  });
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(page.getByText("Filen har fel på 2 rader. Inget sparas förrän alla rader är rätt.")).toBeVisible();
  const errors = page.getByRole("table", { name: "Fel i filen, rad för rad" });
  await expect(errors.getByRole("row")).toHaveCount(3);
  await expect(errors.getByRole("row").filter({ hasText: "9999" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Importera", exact: true })).toHaveCount(0);
  await checkPage(page, "economy-import-errors");

  await page.getByLabel("Utbetalningslista (.xlsx)").setInputFiles({
    name: "utbetalning-2027.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await payoutList(GOOD),
  });
  await page.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(page.getByText("Alla rader är rätt. Välj Importera för att spara dem.")).toBeVisible();
  await page.getByRole("button", { name: "Importera", exact: true }).click();
  await dismissToast(page, "Utbetalningslistan är importerad: 3 nya, 0 ändrade och 0 oförändrade rader.");
  await logout(page);
});

test("[R2.5-2] [R2.5-3] [R2.6-1] [R2.5-1] the officer enters costs with a Rakel purchase, sees the flag and the large savings, records a review", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0186?flik=ekonomi");
  await expect(page.getByRole("heading", { level: 1, name: "Lidingö" })).toBeVisible();
  await expect(page.getByTestId("economy-years")).toBeVisible();
  await checkPage(page, "economy-tab-officer");

  await page.getByRole("button", { name: "Ange kostnader" }).click();
  const dialog = page.getByRole("dialog", { name: "Ange kostnader" });
  await dialog.getByLabel("År", { exact: true }).selectOption("2025");
  await dialog.getByTestId("costs-start-from").click();
  await dialog.getByRole("button", { name: "Lägg till kostnadspost" }).click();
  const rows = dialog.getByTestId("cost-row");
  const last = rows.last();
  await last.getByLabel("Del", { exact: true }).selectOption({ label: "Rakel" });
  await last.getByLabel("Kostnadsslag").selectOption({ label: "Inköp av Rakelutrustning (får inte finansieras)" });
  await expect(last.getByTestId("not-eligible-warning")).toContainText("Inköp av Rakelutrustning får inte finansieras");
  await last.getByLabel("Belopp (kr)").fill("185000");
  await checkPage(page, "economy-costs-editor");
  await dialog.getByRole("button", { name: "Spara kostnaderna" }).click();
  await dismissToast(page, "Kostnaderna är sparade.");

  const flags = page.getByTestId("economy-flags");
  await expect(flags.getByRole("row").filter({ hasText: "Inköp av Rakelutrustning" })).toContainText("185 000 kr");

  await page.getByRole("button", { name: "Registrera granskning" }).click();
  const review = page.getByRole("dialog", { name: "Registrera ekonomisk granskning" });
  await review.getByLabel("Datum").fill("2026-11-20");
  await review.getByLabel("Första år som granskas").fill("2025");
  await review.getByLabel("Sista år som granskas").fill("2025");
  await review.getByLabel("Iakttagelser").fill("Rakelterminaler köpta med ersättningen; kommunen återför beloppet.");
  await review.getByRole("button", { name: "Registrera", exact: true }).click();
  await dismissToast(page, "Granskningen är registrerad.");
  await expect(page.getByRole("heading", { name: "Granskning 2026-11-20" })).toBeVisible();

  await page.goto("/lan/01/ekonomi");
  await expect(page.getByRole("heading", { level: 1, name: "Ekonomi" })).toBeVisible();
  const large = page.getByTestId("large-savings");
  const stockholm = large.getByRole("row").filter({ hasText: "Stockholm" });
  await expect(stockholm).toContainText("Plan för sparande finns");
  await expect(large.getByRole("row").filter({ hasText: "Nacka" })).toContainText("Plan för sparande finns");
  await expect(page.getByTestId("economy-export")).toHaveAttribute("href", /economy\.xlsx/);
  await checkPage(page, "economy-county");
  await logout(page);
});

test("[R2.6-1] [R2.6-2] the coordinator reads the Ekonomi tab: large savings with the rule, the plan against outcome", async ({
  page,
}) => {
  await login(page, "kommun0180@uppsikt.example");
  await page.goto("/kommun/0180?flik=ekonomi");
  const status = page.getByTestId("large-savings-status");
  await expect(status).toContainText("Stort sparande");
  await expect(status).toContainText("Plan för sparande, MSB dnr 2019-10546");
  await expect(page.getByText("Avvikelse: mindre än 80 % av det planerade användes").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Ange kostnader" })).toHaveCount(0);
  await checkPage(page, "economy-tab-coordinator");
  await logout(page);
});

test("[R2.6-1] the agency reads the nation's economy per county", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await page.goto("/ekonomi");
  const table = page.getByTestId("national-economy");
  await expect(table.getByRole("row").filter({ hasText: "Hela landet" })).toBeVisible();
  await checkPage(page, "economy-national");
  await logout(page);
});
