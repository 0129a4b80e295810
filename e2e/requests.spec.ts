import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn, smallPdf } from "./helpers.js";

/**
 * Requests for further documents (begäran om underlag, R2.5-4) on the Dialog tab, on the demo data
 * (server/src/db/seed/demo-dialogue.ts): Stockholm has an overdue unanswered request, asked 2026-10-25 with
 * reply date 2026-11-15. The clock is frozen at 2026-11-27. The tests run in order on one database.
 */

test.describe.configure({ mode: "serial" });

const SUBJECT = "Kostnadsredovisning 2025";
const MESSAGE = "Skicka en specificerad kostnadsredovisning för ersättningen 2025, med verifikationer för inköp.";
const ANSWER = "Här är kostnadsredovisningen. Verifikationerna finns i samma fil.";
const FILE_NAME = "Kostnadsredovisning 2025 Stockholm.pdf";
const SECRET_SUBJECT = "Sårbarheter i ledningscentralen";
const SECRET_MESSAGE = "Skicka den sekretessbelagda bilagan om reservkraften i ledningscentralen.";
const OVERDUE = "Underlag om kostnader för reservkraft 2025";

/** A small but well-formed PDF; the server decides the type from the content (%PDF-), not the name. */

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

async function openDialogTab(page: Page) {
  await page.goto("/kommun/0180?flik=dialog");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholm" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Dialog", selected: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Begäranden om underlag" })).toBeVisible();
}

/** The success toast is there, then closed, so that it does not cover the screenshot. */
async function dismissToast(page: Page, text: string) {
  const toast = page.getByRole("alert").filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Stäng" }).click();
  await expect(toast).toBeHidden();
}

const requests = (page: Page) => page.getByRole("list", { name: "Begäranden om underlag" });
const request = (page: Page, subject: string) => requests(page).getByRole("article", { name: subject });

test("[R2.5-4] the county officer sees the overdue request and asks Stockholm for further documents by a reply date", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await openDialogTab(page);

  const overdue = request(page, OVERDUE);
  await expect(overdue).toContainText("Försenad");
  await expect(overdue).toContainText("2026-11-15");
  await expect(overdue).toContainText("2026-10-25 av Johan Bergström");
  await expect(overdue.getByRole("button", { name: `Avsluta begäran: ${OVERDUE}` })).toBeVisible();
  // Only the municipality answers.
  await expect(page.getByRole("button", { name: /^Svara på begäran/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Ny begäran" }).click();
  const form = page.getByRole("dialog", { name: "Ny begäran om underlag" });
  await form.getByRole("button", { name: "Skicka begäran" }).click();
  await expect(form.getByText("Rubriken ska vara minst 3 tecken.")).toBeVisible();
  await expect(form.getByText("Skriv vad kommunen ska skicka in.")).toBeVisible();
  await expect(form.getByText("Ange det datum då kommunen senast ska svara.")).toBeVisible();
  await expect(form.getByLabel("Rubrik")).toBeFocused();
  await expect(form.getByLabel("Rubrik")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Rubrik").fill(SUBJECT);
  await form.getByLabel("Vad kommunen ska skicka in").fill(MESSAGE);
  await form.getByLabel("Svara senast").fill("2026-11-20");
  // [issue 10.12] Dates are typed and shown as 2026-11-20; the calendar is Swedish and opens from its button.
  await expect(form.getByLabel("Svara senast")).toHaveValue("2026-11-20");
  await form.getByRole("button", { name: "Öppna kalendern" }).click();
  await expect(form.getByText("november 2026")).toBeVisible();
  await page.screenshot({ path: "/tmp/date-calendar.png" });
  await form.getByRole("button", { name: "Öppna kalendern" }).click();
  await expect(form.getByText("november 2026")).toBeHidden();
  await form.getByRole("button", { name: "Skicka begäran" }).click();
  await expect(form.getByText("Svarsdatumet kan inte vara tidigare än i dag.")).toBeVisible();
  await expect(form.getByLabel("Svara senast")).toBeFocused();
  await form.getByLabel("Svara senast").fill("2026-12-11");
  await form.getByRole("checkbox", { name: "Begäran är sekretessbelagd" }).check();
  await expect(form.getByLabel("Sekretessgrund", { exact: true })).toBeVisible();
  await form.getByRole("checkbox", { name: "Begäran är sekretessbelagd" }).uncheck();
  await checkPage(page, "requests-new");
  await form.getByRole("button", { name: "Skicka begäran" }).click();
  await expect(form).toBeHidden();
  await dismissToast(page, "Begäran är skickad till Stockholm.");

  const created = request(page, SUBJECT);
  await expect(created).toContainText("Väntar på svar");
  await expect(created).toContainText(MESSAGE);
  await expect(created).toContainText("2026-12-11");
  await expect(created).toContainText("2026-11-27 av Johan Bergström");
  // Overdue first, then the waiting ones.
  await expect(requests(page).getByRole("article").first()).toHaveAccessibleName(OVERDUE);
  await expect(requests(page).getByRole("article").nth(1)).toHaveAccessibleName(SUBJECT);
  await checkPage(page, "requests-county");
});

test("[R2.5-4] [R2.10-2] the coordinator finds the request on the watch list and answers it with a PDF", async ({
  page,
}) => {
  await login(page, "kommun0180@uppsikt.example");
  await page.getByRole("link", { name: "Min bevakning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min bevakning" })).toBeVisible();
  const watched = page.getByRole("table", { name: "Bevakade datum" });
  const title = `Begärt underlag: ${SUBJECT} – Stockholm`;
  await expect(watched.getByRole("row").filter({ hasText: title })).toContainText("2026-12-11");
  await expect(watched.getByRole("row").filter({ hasText: `Begärt underlag: ${OVERDUE}` })).toContainText("Försenad");
  await page.getByRole("link", { name: `Öppna: ${title}` }).click();
  await expect(page).toHaveURL(/\/kommun\/0180\?flik=dialog/);
  await expect(page.getByRole("heading", { level: 2, name: "Begäranden om underlag" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ny begäran" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Avsluta begäran/ })).toHaveCount(0);

  await request(page, SUBJECT)
    .getByRole("button", { name: `Svara på begäran: ${SUBJECT}` })
    .click();
  const form = page.getByRole("dialog", { name: "Svara på begäran" });
  await expect(form.getByRole("note")).toContainText("Ladda aldrig upp säkerhetsskyddsklassificerade uppgifter");
  await expect(form).toContainText(MESSAGE);
  await form.getByRole("button", { name: "Skicka svar" }).click();
  await expect(form.getByText("Skriv ett meddelande.")).toBeVisible();
  await expect(form.getByLabel("Meddelande till länsstyrelsen")).toBeFocused();

  await form.getByLabel("Meddelande till länsstyrelsen").fill(ANSWER);
  await form.getByLabel("Filer (valfritt)").setInputFiles({
    name: FILE_NAME,
    mimeType: "application/pdf",
    buffer: smallPdf(),
  });
  await expect(form.getByRole("list", { name: "Valda filer" })).toContainText(FILE_NAME);
  await checkPage(page, "requests-answer");
  await form.getByRole("button", { name: "Skicka svar" }).click();
  await expect(form).toBeHidden();
  await dismissToast(page, "Svaret är skickat till länsstyrelsen.");

  const answered = request(page, SUBJECT);
  await expect(answered).toContainText("Besvarad");
  await expect(answered).toContainText(ANSWER);
  await expect(answered).toContainText("Anders Wikström svarade 2026-11-27");
  await expect(answered.getByRole("link", { name: `${FILE_NAME}, ladda ned` })).toBeVisible();
  // Answered, not closed: the coordinator may still add to it.
  await expect(answered.getByRole("button", { name: `Svara på begäran: ${SUBJECT}` })).toBeVisible();
  await checkPage(page, "requests-coordinator");

  // An answered request is no longer awaited from the municipality.
  await page.getByRole("link", { name: "Min bevakning" }).click();
  await expect(page.getByRole("table", { name: "Bevakade datum" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Bevakade datum" })).not.toContainText(SUBJECT);
});

test("[R2.5-4] the officer downloads the answer's file and closes the request", async ({ page }) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await openDialogTab(page);
  const answered = request(page, SUBJECT);
  await expect(answered).toContainText("Besvarad");
  await expect(answered).toContainText(ANSWER);

  const download = page.waitForEvent("download");
  await answered.getByRole("link", { name: `${FILE_NAME}, ladda ned` }).click();
  expect((await download).suggestedFilename()).toBe(FILE_NAME);

  await answered.getByRole("button", { name: `Avsluta begäran: ${SUBJECT}` }).click();
  const dialog = page.getByRole("dialog", { name: "Avsluta begäran" });
  await expect(dialog).toContainText(SUBJECT);
  await checkPage(page, "requests-close");
  await dialog.getByRole("button", { name: "Avsluta begäran" }).click();
  await expect(dialog).toBeHidden();

  // The buttons are gone: the focus moves to the request's heading.
  const closed = request(page, SUBJECT);
  await expect(closed).toContainText("Avslutad");
  await expect(closed).toContainText(/Avslutad\s*\d{4}-\d{2}-\d{2} av Johan Bergström/);
  await expect(closed.getByRole("button")).toHaveCount(0);
  await expect(closed.getByRole("heading", { name: SUBJECT })).toBeFocused();
  await dismissToast(page, "Begäran är avslutad.");
  await expect(requests(page).getByRole("article").last()).toHaveAccessibleName(SUBJECT);
});

test("[R2.5-4] [R2.10-2] a confidential request shows its subject and text only to those cleared for the municipality", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await openDialogTab(page);
  await page.getByRole("button", { name: "Ny begäran" }).click();
  const form = page.getByRole("dialog", { name: "Ny begäran om underlag" });
  await form.getByLabel("Rubrik").fill(SECRET_SUBJECT);
  await form.getByLabel("Vad kommunen ska skicka in").fill(SECRET_MESSAGE);
  await form.getByLabel("Svara senast").fill("2026-12-18");
  await form.getByRole("checkbox", { name: "Begäran är sekretessbelagd" }).check();
  await form.getByRole("button", { name: "Skicka begäran" }).click();
  await expect(form.getByText("Ange sekretessgrund, t.ex. 18 kap. 13 § OSL.")).toBeVisible();
  await expect(form.getByLabel("Sekretessgrund", { exact: true })).toBeFocused();
  await form.getByLabel("Sekretessgrund", { exact: true }).selectOption("18 kap. 13 § OSL");
  await form.getByRole("button", { name: "Skicka begäran" }).click();
  await expect(form).toBeHidden();
  await dismissToast(page, "Begäran är skickad till Stockholm.");

  // Johan is cleared for Stockholm: he reads it, marked with its basis.
  const secret = request(page, SECRET_SUBJECT);
  await expect(secret).toContainText("Sekretessgrund: 18 kap. 13 § OSL");
  await expect(secret).toContainText("Du har behörighet att läsa den.");
  await expect(secret).toContainText(SECRET_MESSAGE);
});

test("[R2.5-4] [R2.10-2] the municipality's leadership reads the requests but cannot answer, nor read the confidential one", async ({
  page,
}) => {
  await login(page, "kommun0180-ledning@uppsikt.example");
  await openDialogTab(page);
  await expect(request(page, OVERDUE)).toContainText("Försenad");
  await expect(request(page, SUBJECT)).toContainText("Avslutad");
  await expect(request(page, SUBJECT)).toContainText(FILE_NAME);
  await expect(page.getByRole("button", { name: /^Svara på begäran/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ny begäran" })).toHaveCount(0);

  // Not cleared: the request's existence, basis and readers, not its subject or text.
  const secret = request(page, "Sekretessbelagd begäran");
  await expect(secret).toContainText("Väntar på svar");
  await expect(secret).toContainText("Sekretessgrund: 18 kap. 13 § OSL");
  await expect(secret).toContainText("Du saknar behörighet att läsa den här delen.");
  await expect(secret).toContainText("2026-12-18");
  await expect(page.getByText(SECRET_SUBJECT)).toHaveCount(0);
  await expect(page.getByText(SECRET_MESSAGE)).toHaveCount(0);
  await checkPage(page, "requests-leadership");
});
