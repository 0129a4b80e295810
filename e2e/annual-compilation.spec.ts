import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn, logout } from "./helpers.js";

/**
 * The annual follow-up seen by the county and the agency (issue 14): the county head of Stockholms län forwards the
 * county's compilation for the current year to the agency, the agency finds it forwarded in the national compilation,
 * and records a dialogue with the county that the county's officer then reads. The clock is frozen at 2026-11-27.
 */

test.describe.configure({ mode: "serial" });

const YEAR = 2026;
const DNR = "451-9876-2026";

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("[R2.4-2] the county head forwards the county's compilation with a registration number", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await page.getByRole("link", { name: "Årsuppföljning" }).first().click();
  await expect(page).toHaveURL(/\/lan\/01\/arsuppfoljning/);
  await page.goto(`/lan/01/arsuppfoljning?ar=${YEAR}`);
  await expect(page.getByRole("heading", { level: 1, name: "Årsuppföljning" })).toBeVisible();
  const table = page.getByTestId("county-compilation");
  await expect(table).toBeVisible();
  await expect(table.getByRole("link", { name: "Stockholm", exact: true })).toHaveAttribute(
    "href",
    /\/kommun\/0180\?flik=arsrapport/,
  );
  await expect(page.getByTestId("compilation-summary")).toBeVisible();
  await checkPage(page, "annual-compilation-county");

  // Only the indicators, then back to every part.
  await page.getByLabel("Del", { exact: true }).selectOption({ label: "Indikatorer" });
  await expect(page).toHaveURL(/del=indicators/);
  await page.getByLabel("Del", { exact: true }).selectOption({ label: "Alla" });

  // The county's assessment comes first: it is part of what is forwarded.
  await page
    .getByLabel("Länets bedömning av effekten av vidtagna åtgärder")
    .fill("Kommunerna har stärkt sin krisledning under året; två behöver stöd med övningar.");
  await page.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bedömningen är sparad." })).toBeVisible();

  const forward = page.getByTestId("compilation-forward");
  await forward.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { level: 2 })).toContainText(String(YEAR));
  await expect(dialog.getByText("Kommuner vars rapport saknas eller inte är godkänd")).toBeVisible();
  await checkPage(page, "annual-compilation-forward");
  // The registration number is required.
  await dialog.getByRole("button", { name: "Lämna in", exact: true }).click();
  await expect(dialog.getByText("Ange diarienumret.")).toBeVisible();
  await dialog.getByLabel("Diarienummer").fill(DNR);
  await dialog.getByRole("button", { name: "Lämna in", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("compilation-status")).toContainText(`diarienummer ${DNR}`);
  const versions = page.getByTestId("compilation-versions");
  await expect(versions.getByRole("row").filter({ hasText: DNR }).first()).toBeVisible();
  await expect(page.getByTestId("compilation-forward")).toHaveText(/Lämna in rättelse/);

  // Who may need support, with their reasons.
  await page.goto("/lan/01/stod");
  await expect(page.getByRole("heading", { level: 1, name: "Stödbehov" })).toBeVisible();
  await checkPage(page, "support-needs");
  await logout(page);
});

test("[R2.4-2] a county officer reads the compilation but cannot forward it", async ({ page }) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto(`/lan/01/arsuppfoljning?ar=${YEAR}`);
  await expect(page.getByTestId("county-compilation")).toBeVisible();
  await expect(page.getByTestId("compilation-forward")).toHaveCount(0);
  await expect(page.getByText("Bara länets enhetschef kan lämna in sammanställningen.")).toBeVisible();
  await logout(page);
});

test("[R1-6] the agency sees the county as forwarded in the national compilation", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await page.getByRole("link", { name: "Årsuppföljning i landet", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Årsuppföljning i landet" })).toBeVisible();
  await page.getByLabel("År", { exact: true }).selectOption(String(YEAR));
  const counties = page.getByTestId("national-counties");
  await expect(counties.getByRole("row")).toHaveCount(22);
  const stockholm = page.getByTestId("national-county-01");
  await expect(stockholm).toContainText("Inlämnad");
  await expect(stockholm).toContainText(DNR);
  await expect(page.getByTestId("national-county-03")).toContainText("Ej inlämnad");
  await expect(page.getByTestId("national-distribution")).toBeVisible();
  await checkPage(page, "annual-compilation-national");
  await logout(page);
});

test("[R1-7] the agency records a dialogue with the county; the county's officer reads it", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await page.goto("/lan/01/dialoger-mcf");
  await expect(page.getByRole("heading", { level: 1, name: "Dialog med MCF" })).toBeVisible();
  await checkPage(page, "county-dialogues");
  await page.getByRole("button", { name: "Registrera dialog" }).click();
  const form = page.getByTestId("county-dialogue-form");
  await form.getByLabel("Datum").fill("2026-11-26");
  await form.getByLabel("Form").selectOption({ label: "Videomöte" });
  const participants = form.getByRole("combobox", { name: "Deltagare" });
  await participants.fill("Karin Lindqvist");
  await participants.press("Enter");
  await participants.fill("Per Andersson");
  await participants.press("Enter");
  const subjects = form.getByRole("combobox", { name: "Ämnen" });
  await subjects.fill("Årsuppföljningen 2026");
  await subjects.press("Enter");
  await form.getByLabel("Slutsatser").fill("Länet stämmer av de försenade rapporterna med kommunerna före februari.");
  await form.getByRole("button", { name: "Lägg till uppföljningspunkt" }).click();
  await form.getByLabel("Uppföljningspunkt 1", { exact: true }).fill("Skicka lägesbild över kommunernas rapporter");
  await form.getByLabel("Klart senast (punkt 1)", { exact: true }).fill("2026-12-18");
  await checkPage(page, "county-dialogues-form");
  await form.getByRole("button", { name: "Spara dialogen" }).click();
  await expect(form).toBeHidden();
  const entry = page.getByTestId("county-dialogue").filter({ hasText: "Årsuppföljningen 2026" }).first();
  await expect(entry).toContainText("2026-11-26");
  await expect(entry).toContainText("Karin Lindqvist, Per Andersson");
  const item = entry.getByTestId("county-dialogue-follow-up").filter({ hasText: "Skicka lägesbild" });
  await expect(item).toContainText("Klart senast 2026-12-18");
  await item.getByRole("button", { name: /Markera .* som klar/ }).click();
  await expect(item).toContainText("Klar");
  await page.goto("/dialoger-med-lan");
  await expect(
    page.getByTestId("county-dialogues-overview").getByRole("row").filter({ hasText: "Stockholms län" }),
  ).toContainText("2026-11-26");
  await checkPage(page, "county-dialogues-overview");
  await logout(page);

  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/lan/01/dialoger-mcf");
  await expect(page.getByTestId("county-dialogue").filter({ hasText: "Årsuppföljningen 2026" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Registrera dialog" })).toHaveCount(0);
  await logout(page);
});
