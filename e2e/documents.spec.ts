import { readFileSync } from "node:fs";
import { type Locator, type Page, expect, test } from "@playwright/test";
import PDFDocument from "pdfkit";
import { checkPage, login as signIn } from "./helpers.js";

/** The Dokument tab of the municipality page, on the demo data (see server/src/db/seed/demo-documents.ts). */

const RSA = "Risk- och sårbarhetsanalys (RSA)";

/** A small real PDF with a text layer, made here so that the server's content check has something true to check. */
function pdf(title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(18).text(title);
    doc.moveDown().fontSize(11).text("Beslutad av beredskapssamordnaren. Testdokument för Uppsikt.");
    doc.end();
  });
}

/** Signs in and waits for the landing page, so that a following goto is not overtaken by the redirect. */
async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** One document's card on the tab, found by its heading. */
const card = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function openDetails(documentCard: Locator) {
  await documentCard.getByRole("button", { name: /^Visa detaljer/ }).click();
  await expect(documentCard.getByRole("heading", { name: "Version 1" })).toBeVisible();
}

/** A modal is whole (not fading in) before axe looks at its colours. */
async function modalOpen(page: Page, name: string | RegExp) {
  const dialog = page.getByRole("dialog", { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveCSS("opacity", "1");
  return dialog;
}

test("[R2.2-2] a coordinator registers a document and sees its status", async ({ page }) => {
  await login(page, "kommun0180@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholm" })).toBeVisible();
  const plan = card(page, "Utbildnings- och övningsplan");
  await expect(plan.getByText("Godkänd", { exact: true })).toBeVisible();

  await plan.getByRole("button", { name: /^Registrera ny version/ }).click();
  const dialog = await modalOpen(page, "Registrera dokument");
  await expect(dialog.getByLabel("Dokument", { exact: true })).toHaveValue("trainingAndExercisePlan");
  // A coordinator's upload is received today; only county users give the received date.
  await expect(dialog.getByLabel("Inkom till länsstyrelsen")).toHaveCount(0);
  await expect(dialog.getByText(/Dokumentet registreras som inkommet i dag/)).toBeVisible();

  // Sending without the required fields names each one.
  await dialog.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(dialog.getByText("Välj vem som fattade beslutet.")).toBeVisible();
  await expect(dialog.getByText("Välj minst en fil.")).toBeVisible();
  await expect(dialog.getByLabel("Beslutat av")).toBeFocused();

  await dialog.getByLabel("Beslutat av").selectOption({ label: "Tjänsteperson" });
  await dialog.getByLabel("Beslutsdatum").fill("2024-03-15");
  await dialog.getByLabel("Kommunens diarienummer (valfritt)").fill("KS 2024/77");
  await dialog.getByLabel("Filer").setInputFiles({
    name: "Utbildnings- och övningsplan 2024.pdf",
    mimeType: "application/pdf",
    buffer: await pdf("Utbildnings- och övningsplan 2024–2026"),
  });
  await expect(dialog.getByRole("list", { name: "Valda filer" }).getByRole("listitem")).toHaveCount(1);
  await dialog.getByRole("button", { name: "Registrera", exact: true }).click();

  // The upload is read and its text extracted before the dialog closes; give a busy machine time.
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole("alert").filter({ hasText: "version 2, är registrerad" })).toBeVisible();
  // The new version decides status and flags: received, decided late and below the required level.
  await expect(plan.getByText("Inkommen", { exact: true })).toBeVisible();
  await expect(plan.getByText("Sen", { exact: true })).toBeVisible();
  await expect(plan.getByText("För låg beslutsnivå", { exact: true })).toBeVisible();
  await expect(plan.getByText("Tjänsteperson", { exact: true })).toBeVisible();
  await expect(plan.getByText("KS 2024/77")).toBeVisible();

  // No unexplained red light: the rule and its inputs are one click away.
  await plan.getByRole("button", { name: /^Varför\? För låg beslutsnivå/ }).click();
  await expect(plan.getByText(/Ska beslutas av kommundirektören eller högre/)).toBeVisible();
  await expect(plan.getByText("Krävd beslutsnivå:")).toBeVisible();
  await checkPage(page, "documents-coordinator-registered");
});

test("[R2.10-2] the upload form says that security-classified information must never be uploaded", async ({ page }) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180");
  const open = page.getByRole("button", { name: "Registrera dokument" });
  await open.click();
  const dialog = await modalOpen(page, "Registrera dokument");
  const warning = dialog.getByRole("note");
  await expect(warning).toContainText("Ladda aldrig upp säkerhetsskyddsklassificerade uppgifter");
  await expect(warning).toContainText("får aldrig lagras i Uppsikt");
  // It is where focus lands, so a screen reader reads it first.
  await expect(warning).toBeFocused();
  // County users record the received date and their own registration number.
  await expect(dialog.getByLabel("Inkom till länsstyrelsen")).toBeVisible();
  await expect(dialog.getByLabel("Länsstyrelsens diarienummer (valfritt)")).toBeVisible();
  await dialog.getByRole("checkbox", { name: "Hela versionen är sekretessbelagd" }).check();
  await expect(dialog.getByLabel("Sekretessgrund för hela versionen")).toBeVisible();
  await checkPage(page, "documents-register-form");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test("[R2.2-5] the officer sees the RSA check with a missing section", async ({ page }) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0181");
  await expect(page.getByRole("heading", { level: 1, name: "Södertälje" })).toBeVisible();
  const rsa = card(page, RSA);
  await openDetails(rsa);
  const table = rsa.getByRole("table", { name: /Avsnitt enligt MSBFS 2015:5 § 4/ });
  await expect(table.getByRole("columnheader", { name: "Avsnitt (MSBFS 2015:5 § 4)" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Rubrik i rapporten" })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(9);
  const section7 = table.getByRole("row", { name: /^7\. Beskrivning av identifierade sårbarheter/ });
  await expect(section7.getByRole("cell")).toHaveText("Saknas");
  // The assessment by the indicators belongs to § 5: an optional heading, shown but never counted as missing.
  const section6 = table.getByRole("row", { name: /^6\. Bedömning av kommunens generella krisberedskap/ });
  await expect(section6).toContainText("frivilligt avsnitt");
  const section5 = table.getByRole("row", { name: /^5\. Identifierade och analyserade risker/ });
  await expect(section5.getByRole("cell")).toContainText("Identifierade och analyserade risker");
  await expect(rsa.getByText("1 av 7 avsnitt saknas i rapporten.")).toBeVisible();
  await checkPage(page, "documents-rsa-check");
});

test("[R2.2-5] a scanned RSA report says why it cannot be checked", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await page.goto("/kommun/0186");
  const rsa = card(page, RSA);
  await openDetails(rsa);
  await expect(rsa.getByText("Rapporten kunde inte kontrolleras automatiskt")).toBeVisible();
  await expect(rsa.getByText(/Filen saknar textlager \(troligen inskannad\)/)).toBeVisible();
  await expect(rsa.getByRole("table")).toHaveCount(0);
});

test("[R2.10-2] an officer without clearance sees the confidential appendix's basis and readers but no link", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare2@uppsikt.example");
  await page.goto("/kommun/0180");
  const rsa = card(page, RSA);
  await openDetails(rsa);
  const files = rsa.getByRole("list", { name: "Filer i version 1" });
  await expect(files.getByRole("listitem")).toHaveCount(2);
  // The report itself is open to read…
  await expect(files.getByRole("link", { name: /Risk- och sårbarhetsanalys \d{4} Stockholm\.pdf/ })).toBeVisible();
  // …the appendix is not: the lock, its legal basis and who may read it, and no link.
  const appendix = files.getByRole("listitem").filter({ hasText: "Sekretessbelagd fil" });
  await expect(appendix.getByText("Sekretessgrund: 18 kap. 13 § OSL")).toBeVisible();
  await expect(appendix.getByText(/^Får läsas av: .*Anders Wikström/)).toBeVisible();
  await expect(appendix.getByText(/Du saknar behörighet att läsa den här delen/)).toBeVisible();
  await expect(appendix.getByRole("link")).toHaveCount(0);
  await expect(rsa.getByRole("link", { name: /Bilaga 3/ })).toHaveCount(0);
  await checkPage(page, "documents-confidential-no-clearance");
});

test("[R2.10-2] an officer with clearance downloads the confidential appendix", async ({ page }) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180");
  const rsa = card(page, RSA);
  await openDetails(rsa);
  await expect(rsa.getByText(/Du har behörighet att läsa den/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    rsa.getByRole("link", { name: /^Bilaga 3 Sårbarheter i kritisk infrastruktur Stockholm\.pdf/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("Bilaga 3 Sårbarheter i kritisk infrastruktur Stockholm.pdf");
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
});

test("[R2.2-3] the officer reviews the RSA beside the document and completes the review", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await page.goto("/kommun/0181");
  const rsa = card(page, RSA);
  await openDetails(rsa);
  await expect(rsa.getByText("Granskningen är inte påbörjad.")).toBeVisible();
  await rsa.getByRole("link", { name: /^Granska av version 1/ }).click();
  await page.waitForURL(/\/kommun\/0181\/granskning\//);
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: /^Granskning: Risk- och sårbarhetsanalys \(RSA\), version 1 – Södertälje/,
    }),
  ).toBeVisible();
  // Södertälje's RSA is a DOCX: its extracted text is shown beside the criteria.
  const document = page.getByRole("region", { name: "Dokumentet" });
  await expect(document.getByLabel("Texten i filen, som den lästes ut när filen togs emot.")).toContainText(
    "Identifierad samhällsviktig verksamhet",
  );
  await checkPage(page, "documents-review-page");
  const dialog = page.getByRole("region", { name: "Bedömning" });

  // Completing needs an outcome and every basic requirement assessed.
  await dialog.getByRole("button", { name: "Avsluta granskningen" }).click();
  await expect(dialog.getByText("Välj utfall för att avsluta granskningen.")).toBeVisible();
  await expect(dialog.getByText("Bedöm alla grundläggande krav innan granskningen avslutas.").first()).toBeVisible();

  const basic = dialog.getByRole("group").filter({ hasText: "Grundläggande krav" });
  const count = await basic.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const criterion = basic.nth(i);
    const name = (await criterion.locator("legend").textContent()) ?? "";
    await criterion
      .getByRole("radio", { name: name.includes("dispositionen") ? "Ej uppfyllt" : "Uppfyllt", exact: true })
      .check();
  }
  await dialog.getByLabel("Kommentar till RSA-2 (valfritt)").fill("Avsnitt 6 saknas.");
  await dialog.getByRole("button", { name: "Spara utkast" }).click();
  await expect(dialog.getByRole("status")).toContainText("Utkastet sparades");

  await dialog.getByRole("radio", { name: "Komplettering begärs" }).check();
  await dialog.getByLabel("Sammanfattning (valfritt)").fill("Rapporten behöver kompletteras med avsnitt 6.");
  await dialog.getByRole("button", { name: "Avsluta granskningen" }).click();
  await page.waitForURL((url) => url.pathname === "/kommun/0181");
  const after = card(page, RSA);
  await openDetails(after);
  await expect(after.getByText(/Granskningen avslutades .* av Karin Lindqvist/)).toBeVisible();
  await expect(after.getByText("Utfall: Komplettering begärs")).toBeVisible();
  await expect(after.getByText("Komplettering begärd", { exact: true }).first()).toBeVisible();
});

test("[R2.2-3] a PDF is drawn with pdf.js beside the review, with its text as the alternative", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await page.goto("/kommun/0180");
  const rsa = card(page, RSA);
  await openDetails(rsa);
  await rsa
    .getByRole("link", { name: /(Granska|Fortsätt granska|Visa granskningen) av version/ })
    .first()
    .click();
  await page.waitForURL(/\/kommun\/0180\/granskning\//);
  const document = page.getByRole("region", { name: "Dokumentet" });
  // No iframe: downloads carry frame-ancestors 'none'; the pages are canvases drawn from the download URL.
  await expect(document.getByRole("img", { name: /^Sida 1 av \d+$/ })).toBeVisible();
  expect(await document.locator("iframe").count()).toBe(0);
  const firstPage = document.locator("canvas").first();
  await expect.poll(() => firstPage.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(100);
  await checkPage(page, "documents-review-page-pdf");
  await document.getByRole("button", { name: "Visa texten" }).click();
  await expect(document.getByLabel("Texten i filen, som den lästes ut när filen togs emot.")).toContainText(/\w{4,}/);
  await document.getByRole("button", { name: "Visa sidorna" }).click();
  await expect(document.getByRole("img", { name: /^Sida 1 av \d+$/ })).toBeVisible();
});

test("[R2.3-3] the officer marks the draft feedback as sent", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await page.goto("/kommun/0181");
  const rsa = card(page, RSA);
  await openDetails(rsa);
  await expect(rsa.getByText("Utkast", { exact: true })).toBeVisible();
  await rsa.getByRole("button", { name: /^Markera som skickad/ }).click();
  const dialog = await modalOpen(page, "Markera återkopplingen som skickad");
  await expect(dialog.getByText(/kan den inte längre ändras/)).toBeVisible();
  const sentOn = await dialog.getByLabel("Datum då återkopplingen skickades").inputValue();
  await dialog.getByRole("radio", { name: "Skickad på annat sätt" }).check(); // issue 10.11: the choice is explicit
  await dialog.getByRole("button", { name: "Markera som skickad" }).click();
  await expect(dialog).toBeHidden();
  await expect(rsa.getByText(`Skickad ${sentOn}`, { exact: true })).toBeVisible();
  await expect(rsa.getByRole("button", { name: /^Redigera utkast/ })).toHaveCount(0);
});

test("[R2.3-3] the coordinator sees sent feedback and downloads the letter", async ({ page }) => {
  await login(page, "kommun1480@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Göteborg" })).toBeVisible();
  const rsa = card(page, RSA);
  await openDetails(rsa);
  await expect(rsa.getByText(/^Skickad \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(rsa.getByText(/Tack för Göteborgs stads risk- och sårbarhetsanalys/)).toBeVisible();
  // The municipality reads; it does not write feedback.
  await expect(rsa.getByRole("button", { name: /Skriv återkoppling/ })).toHaveCount(0);
  await checkPage(page, "documents-coordinator-feedback");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    rsa.getByRole("link", { name: /^Återkopplingsbrev PDF/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Återkoppling .*\.pdf$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
});

test("[R2.2-2] municipal leadership reads the documents but cannot register any", async ({ page }) => {
  await login(page, "kommun0180-ledning@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholm" })).toBeVisible();
  await expect(card(page, RSA)).toBeVisible();
  await expect(page.getByRole("region")).not.toHaveCount(0);
  await expect(page.getByRole("button", { name: /Registrera/ })).toHaveCount(0);
});
