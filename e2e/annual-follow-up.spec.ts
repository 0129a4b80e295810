import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn, smallPdf } from "./helpers.js";

/**
 * The annual follow-up (issue 14, R2.4-1, R2.4-2): the agency reads its forms; Stockholm's coordinator fills the
 * year's draft (the demo makes it one), is told what is missing, completes and submits it; the county officer returns
 * it with a comment on a question; the coordinator sees the comment beside the question, completes and submits
 * again; the officer accepts it. The clock is frozen at 2026-11-27, so the current year's report is 2026's.
 */

test.describe.configure({ mode: "serial" });

const COORDINATOR = "kommun0180@uppsikt.example";
const OFFICER = "lst01-handlaggare@uppsikt.example";
const COMMENT = "Ange hur många övningar som genomfördes och när den senaste var.";

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Stockholm's annual report tab on the year 2026. */
async function openReport(page: Page) {
  await page.goto("/kommun/0180?flik=arsrapport");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholm" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Årlig uppföljning", selected: true })).toBeVisible();
  await page.getByLabel("År", { exact: true }).selectOption("2026");
  await expect(page.getByRole("heading", { name: "Årsrapport 2026" })).toBeVisible();
}

const question = (page: Page, key: string) => page.locator(`[data-question="${key}"]`);
/** A part of the form (the municipality page has tabs of the same names: Åtgärder, Ekonomi). */
const part = (page: Page, name: string) =>
  page.getByRole("tablist", { name: "Blankettens delar" }).getByRole("tab", { name, exact: true }).click();

async function answerYes(page: Page, keys: string[]) {
  for (const key of keys) await question(page, key).getByRole("radio", { name: "Ja" }).check();
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("annual-save-status")).toContainText(/Sparat \d{2}:\d{2}/, { timeout: 10_000 });
}

test("[R2.4-1] the agency lists the year's forms and reads one", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await page.goto("/arsuppfoljning/blanketter");
  await expect(page.getByRole("heading", { level: 1, name: "Blanketter för årsuppföljning" })).toBeVisible();
  const row = page.getByTestId("annual-form-2026-1");
  await expect(row).toContainText("Publicerad");
  await expect(row).toContainText("Gällande");
  await expect(row).toContainText("Exempel");
  await expect(row).toContainText("2027-02-15");
  await checkPage(page, "annual-forms");
  await row.getByRole("button", { name: "Visa 2026 version 1" }).click();
  const preview = page.getByTestId("annual-form-preview");
  await expect(preview.getByRole("heading", { name: "Indikatorer" })).toBeVisible();
  await expect(preview).toContainText("Upprepad grupp");
  await checkPage(page, "annual-form-preview");
});

test("[R2.4-2] the coordinator is told what is missing, completes the draft and submits it", async ({ page }) => {
  await login(page, COORDINATOR);
  await openReport(page);
  // The demo makes it a draft; an empty database leaves it not started.
  await expect(page.getByTestId("annual-status")).toContainText(/Utkast|Ej påbörjad/);
  await expect(page.getByText("Lämnas senast 2027-02-15", { exact: true })).toBeVisible();
  await checkPage(page, "annual-report-draft");

  // A new event row with its required fields empty: the submission is refused and lists them.
  await part(page, "Händelser");
  await question(page, "haftHandelser").getByRole("radio", { name: "Ja" }).check();
  await question(page, "handelser")
    .getByRole("button", { name: /Lägg till rad/ })
    .click();
  await page.getByRole("button", { name: "Lämna in" }).click();
  const missing = page.getByTestId("annual-missing");
  await expect(missing).toBeVisible();
  await expect(missing).toBeFocused();
  const dateLink = missing.getByRole("button", { name: /rad \d+: Datum \(Händelser\)/ }).last();
  await expect(dateLink).toBeVisible();
  await checkPage(page, "annual-report-missing");

  // The link opens the part and puts the cursor in the field.
  await part(page, "Indikatorer");
  await dateLink.click();
  const date = page.locator('[data-question="handelser"] input[id$="-datum"]').last();
  await expect(date).toBeFocused();
  await date.fill("2026-03-04");
  await date.press("Tab");
  await page
    .locator('[data-question="handelser"] textarea[id$="-beskrivning"]')
    .last()
    .fill("Längre strömavbrott i Söderort.");

  await part(page, "Indikatorer");
  await answerYes(page, [
    "rsaFastslagen",
    "rsaUppfoljd",
    "styrdokumentFastslaget",
    "krisledningsplan",
    "krisledningOvat",
    "tjanstemanIBeredskap",
    "utbildningsplan",
    "krigsorganisation",
    "sakerhetsskyddsanalys",
    "krigsplaceringar",
  ]);
  await question(page, "ledningsformaga").getByRole("radio", { name: "God förmåga", exact: true }).check();
  await question(page, "antalOvningar").getByRole("textbox").fill("2");
  await part(page, "Åtgärder");
  await question(page, "atgarderKrisberedskap").getByRole("textbox").fill("Ny krisledningsplan och två övningar.");
  await question(page, "atgarderCiviltForsvar").getByRole("textbox").fill("Krigsorganisationen är beslutad.");
  await part(page, "Ekonomi");
  await expect(page.getByRole("heading", { name: "Mottagen ersättning" })).toBeVisible();
  await expectSaved(page);
  await checkPage(page, "annual-report-economy");

  // The draft survives a reload.
  await page.reload();
  await page.getByLabel("År", { exact: true }).selectOption("2026");
  await expect(question(page, "antalOvningar").getByRole("textbox")).toHaveValue("2");

  // An attachment through the file intake.
  await page
    .getByLabel("Filer att bifoga")
    .setInputFiles({ name: "ovningsplan-2026.pdf", mimeType: "application/pdf", buffer: smallPdf() });
  await page.getByRole("button", { name: "Ladda upp" }).click();
  await expect(page.getByTestId("annual-files").getByRole("link", { name: "ovningsplan-2026.pdf" })).toBeVisible();

  await page.getByRole("button", { name: "Lämna in" }).click();
  await expect(page.getByTestId("annual-status")).toContainText("Inlämnad 2026-11-27");
  await expect(page.getByTestId("annual-rounds")).toContainText("Omgång 1");
  await expect(page.getByRole("button", { name: "Lämna in" })).toHaveCount(0);
  await checkPage(page, "annual-report-submitted");
});

test("[R2.4-2] the county officer returns the report with a comment on a question", async ({ page }) => {
  await login(page, OFFICER);
  await openReport(page);
  await expect(page.getByTestId("annual-status")).toContainText("Inlämnad");
  await expect(page.getByRole("heading", { name: "Granskning", exact: true })).toBeVisible();

  // Returning needs a comment.
  await page.getByRole("button", { name: "Återsänd för komplettering" }).click();
  await expect(page.getByText("Skriv minst en kommentar om vad som ska kompletteras.")).toBeVisible();

  const block = question(page, "antalOvningar");
  await block.getByRole("button", { name: /^Kommentera/ }).click();
  await block.getByLabel("Kommentar till kommunen").fill(COMMENT);
  await expect(page.getByText("1 kommentar skriven.")).toBeVisible();
  await checkPage(page, "annual-report-review");
  await page.getByRole("button", { name: "Återsänd för komplettering" }).click();
  await expect(page.getByTestId("annual-status")).toContainText("Återsänd för komplettering 2026-11-27");
  await expect(page.getByTestId("annual-rounds")).toContainText(COMMENT);
});

test("[R2.4-2] the coordinator sees the comment beside its question, completes and submits again", async ({ page }) => {
  await login(page, COORDINATOR);
  await openReport(page);
  await expect(page.getByTestId("annual-status")).toContainText("Återsänd för komplettering");
  const block = question(page, "antalOvningar");
  await expect(block.getByTestId("annual-returned-comment")).toContainText(COMMENT);
  await checkPage(page, "annual-report-returned");
  await block.getByRole("textbox").fill("3");
  await part(page, "Åtgärder");
  await question(page, "senasteOvningDatum").getByRole("textbox").fill("2026-10-15");
  await question(page, "senasteOvningDatum").getByRole("textbox").press("Tab");
  await expectSaved(page);
  await page.getByRole("button", { name: "Lämna in igen" }).click();
  await expect(page.getByTestId("annual-status")).toContainText("Inlämnad 2026-11-27");
  await expect(page.getByTestId("annual-rounds")).toContainText("Omgång 2");
});

test("[R2.4-2] the county officer accepts the report; every round is kept", async ({ page }) => {
  await login(page, OFFICER);
  await openReport(page);
  await expect(question(page, "antalOvningar")).toContainText("3");
  await page.getByRole("button", { name: "Godkänn" }).click();
  const dialog = page.getByRole("dialog", { name: "Godkänn årsrapporten" });
  await expect(dialog).toBeVisible();
  await checkPage(page, "annual-report-accept");
  await dialog.getByRole("button", { name: "Godkänn rapporten" }).click();
  await expect(page.getByTestId("annual-status")).toContainText("Godkänd 2026-11-27");
  const rounds = page.getByTestId("annual-rounds");
  await expect(rounds).toContainText("Omgång 1");
  await expect(rounds).toContainText("Omgång 2");
  await expect(rounds).toContainText(COMMENT);
  await expect(page.getByRole("heading", { name: "Granskning", exact: true })).toHaveCount(0);
  await checkPage(page, "annual-report-accepted");
});
