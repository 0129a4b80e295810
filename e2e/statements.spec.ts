import { mkdirSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn } from "./helpers.js";

/**
 * Statements to the agency and its reduction cases (issue 15), on the demo data
 * (server/src/features/statements/demo.ts): Tyresö has a Rakel purchase booked on the compensation (the wrongful-use
 * ground) and a chance to correct that is still open; Stockholm's savings notice was raised by the county and sent.
 * The officer drafts a statement about Tyresö, the county head approves and sends it with an override, the agency
 * records the day received and decides a reduction; Stockholm's coordinator reads its own sent statement and case.
 * A statement is sent no earlier than the day it is approved (today), so the "received before 30 April" case is made
 * by the agency correcting the day received to 2026-04-14.
 * The clock is frozen at 2026-11-27. The tests run in order on one database.
 */

test.describe.configure({ mode: "serial" });

const SHOTS = "/tmp/e2e-shots";
const TEXT =
  "Länsstyrelsen i Stockholms län bedömer att Tyresö kommun har finansierat inköp av Rakelterminaler med ersättningen. Länsstyrelsen föreslår att MCF prövar om ersättningen för 2026 ska reduceras.";
const REGISTRATION = "451-9876-2026";
const OVERRIDE =
  "Möjligheten att rätta är fortfarande öppen, men kommunen har skriftligt meddelat att den inte avser att boka om kostnaden. Länsstyrelsen skickar därför yttrandet nu.";
const REASONING =
  "Kommunen har använt 180 000 kr av ersättningen till Rakelterminaler, som inte får finansieras med ersättningen. Ersättningen för 2026 reduceras med motsvarande belopp.";

/** The statement drafted in the first test (its page's id), for the steps after it. */
let statementId = "";

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** The success toast is there, then closed, so that it does not cover the screenshot. */
async function dismissToast(page: Page, text: string) {
  const toast = page.getByRole("alert").filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Stäng" }).click();
  await expect(toast).toBeHidden();
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const preconditions = (page: Page) => page.getByRole("list", { name: "Förutsättningar", exact: true });
const precondition = (page: Page, name: string) =>
  preconditions(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name, exact: true }) });

test("[R3.2-2] [R3.2-1] the officer sees the grounds and drafts a statement with a precondition missing", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0138?flik=yttranden");
  await expect(page.getByRole("heading", { level: 1, name: "Tyresö" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Yttranden", selected: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Grunder som systemet hittar" })).toBeVisible();

  // The wrongful-use ground, with its rule and the Rakel purchase as its evidence.
  const grounds = page.getByRole("list", { name: "Grunder som systemet hittar" });
  const wrongful = grounds
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Felaktig användning av ersättningen" }) })
    .first();
  await expect(wrongful).toContainText("Regel:");
  await expect(wrongful.getByRole("list", { name: "Underlag: Felaktig användning av ersättningen" })).toContainText(
    /Rakel/i,
  );
  await checkPage(page, "statements-tab-officer");

  await page.getByRole("button", { name: "Nytt yttrande" }).click();
  const form = page.getByRole("dialog", { name: "Nytt yttrande till MCF" });
  await form.getByRole("button", { name: "Skapa utkast" }).click();
  await expect(form.getByText("Välj minst en grund för yttrandet.")).toBeVisible();
  await form.getByRole("checkbox", { name: "Felaktig användning av ersättningen" }).check();
  await checkPage(page, "statements-new");
  await form.getByRole("button", { name: "Skapa utkast" }).click();
  await expect(form).toBeHidden();
  await dismissToast(page, "Utkastet till yttrande är skapat.");

  await expect(page).toHaveURL(/\/yttranden\/[^/?]+$/);
  statementId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: "Yttrande om Tyresö" })).toBeVisible();
  await expect(page.getByText("Utkast", { exact: true }).first()).toBeVisible();

  // The checklist: computed from the data, at least the chance to correct missing (it is still open).
  await expect(page.getByRole("heading", { level: 2, name: "Förutsättningar innan yttrandet skickas" })).toBeVisible();
  await expect(page.getByText(/^(1 förutsättning saknas|\d+ förutsättningar saknas)\.$/)).toBeVisible();
  await expect(precondition(page, "Kommunen har fått möjlighet att rätta")).toContainText("Saknas");
  await expect(precondition(page, "Bristerna har meddelats kommunen skriftligt")).toContainText("Regel:");

  // The draft is edited and saved.
  const draft = page.getByRole("region", { name: "Redigera utkastet" });
  await expect(draft.getByRole("checkbox", { name: "Felaktig användning av ersättningen" })).toBeChecked();
  await draft.getByLabel("Yttrandets text").fill(TEXT);
  await checkPage(page, "statement-draft");
  await draft.getByRole("button", { name: "Spara utkastet" }).click();
  await dismissToast(page, "Utkastet är sparat.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Redigera utkastet" }).getByLabel("Yttrandets text")).toHaveValue(TEXT);
  // The drafter cannot approve or send.
  await expect(page.getByRole("button", { name: "Godkänn" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Skicka till MCF" })).toHaveCount(0);
});

test("[R3.1-1] the county head approves the statement and sends it with an override reason", async ({ page }) => {
  expect(statementId).not.toBe("");
  await login(page, "lst01@uppsikt.example");
  await page.goto("/lan/01/yttranden");
  await expect(page.getByRole("heading", { level: 1, name: "Yttranden" })).toBeVisible();
  const table = page.getByRole("table", { name: "Länets yttranden till MCF" });
  const row = table.getByRole("row").filter({ has: page.locator(`a[href="/yttranden/${statementId}"]`) });
  await expect(row).toContainText("Utkast");
  await expect(row).toContainText("Felaktig användning av ersättningen");
  await expect(row).toContainText("Johan Bergström");
  await expect(row).toContainText("Inte skickat");
  await checkPage(page, "statements-county");
  await row.getByRole("link", { name: "Öppna yttrandet om Tyresö, Utkast" }).click();

  await expect(page).toHaveURL(new RegExp(`/yttranden/${statementId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Yttrande om Tyresö" })).toBeVisible();
  // Karin did not draft it: she may approve it.
  await expect(page.getByRole("region", { name: "Redigera utkastet" }).getByLabel("Yttrandets text")).toHaveValue(TEXT);
  await page.getByRole("button", { name: "Godkänn" }).click();
  const approve = page.getByRole("dialog", { name: "Godkänn yttrandet" });
  await expect(approve).toContainText("När yttrandet är godkänt kan det inte längre ändras.");
  await checkPage(page, "statement-approve");
  await approve.getByRole("button", { name: "Godkänn" }).click();
  await expect(approve).toBeHidden();
  await dismissToast(page, "Yttrandet är godkänt.");
  await expect(page.getByText("Godkänt", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Karin Lindqvist, 2026-11-27")).toBeVisible();

  await page.getByRole("button", { name: "Skicka till MCF" }).click();
  const send = page.getByRole("dialog", { name: "Skicka yttrandet till MCF" });
  await expect(send.getByText("Följande förutsättningar saknas:")).toBeVisible();
  await expect(send.getByRole("listitem").filter({ hasText: "Kommunen har fått möjlighet att rätta" })).toBeVisible();
  await expect(send.getByLabel("Skickat den")).toHaveValue("2026-11-27");
  await send.getByRole("button", { name: "Skicka", exact: true }).click();
  await expect(
    send.getByText("Ange skälet till att yttrandet skickas trots att förutsättningar saknas."),
  ).toBeVisible();
  await send.getByLabel("Länsstyrelsens diarienummer").fill(REGISTRATION);
  await send.getByLabel("Skäl att skicka ändå").fill(OVERRIDE);
  // Not before the day it was approved (today, on the frozen clock).
  await send.getByLabel("Skickat den").fill("2026-04-10");
  await send.getByRole("button", { name: "Skicka", exact: true }).click();
  await expect(send.getByText("Datumet är före godkännandet.")).toBeVisible();
  await send.getByLabel("Skickat den").fill("2026-11-27");
  await checkPage(page, "statement-send");
  await send.getByRole("button", { name: "Skicka", exact: true }).click();
  await expect(send).toBeHidden();
  await dismissToast(page, "Yttrandet är skickat till MCF.");

  await expect(page.getByText("Skickat", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(REGISTRATION)).toBeVisible();
  const override = page.getByRole("alert").filter({ hasText: "Skickat trots förutsättningar som saknas" });
  await expect(override).toContainText(OVERRIDE);
  await expect(override).toContainText("Kommunen har fått möjlighet att rätta");
  await expect(page.getByRole("button", { name: "Skicka till MCF" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Öppna ärendet hos MCF" })).toBeVisible();
  await checkPage(page, "statement-sent");
  await shot(page, "statement-sent");
});

test("[R3.3-2] the agency records the date received and decides a reduction; the compensation shows reduced", async ({
  page,
}) => {
  await login(page, "agency@uppsikt.example");
  await page.goto("/arenden");
  await expect(page.getByRole("heading", { level: 1, name: "Ärenden om ersättning" })).toBeVisible();
  const cases = page.getByTestId("reduction-cases");
  const row = cases.getByRole("row").filter({ has: page.getByRole("link", { name: "Tyresö", exact: true }) });
  await expect(row).toContainText("2026-11-27");
  await expect(row).toContainText("Kan leda till återbetalning");
  await expect(row).toContainText("Öppet");
  await checkPage(page, "reduction-cases");
  await row.getByRole("link", { name: "Tyresö", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Ärende om ersättning – Tyresö" })).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Öppet");
  // Received by default the day it was sent: after 30 April, the year's payment stands.
  await expect(page.getByTestId("case-received")).toHaveText("2026-11-27");
  await expect(page.getByTestId("case-effect")).toHaveText("Kan leda till återbetalning");
  await expect(page.getByTestId("case-rule")).toContainText("30 april");
  await expect(page.getByText(`Läs yttrandet ${REGISTRATION}`)).toBeVisible();
  await expect(page.getByTestId("case-compensation")).not.toContainText("Innehållen");
  await checkPage(page, "reduction-case-open");

  // The agency corrects the day received to one before 30 April: the year's payment is withheld until the decision.
  await page.getByRole("button", { name: "Ändra mottagningsdag" }).click();
  const received = page.getByTestId("received-form");
  await expect(received.getByLabel("Mottaget")).toHaveValue("2026-11-27");
  await received.getByLabel("Mottaget").fill("2026-04-14");
  await received.getByRole("button", { name: "Spara" }).click();
  await expect(received).toBeHidden();
  await dismissToast(page, "Mottagningsdagen är ändrad.");
  await expect(page.getByTestId("case-received")).toHaveText("2026-04-14");
  await expect(page.getByTestId("case-effect")).toHaveText("Utbetalningen stoppad");
  await expect(page.getByTestId("case-compensation")).toContainText("Innehållen");

  // The decision: a reduction, with the share of the tasks performed.
  const decision = page.getByTestId("decision-form");
  await expect(decision.getByLabel("Utfall")).toBeVisible();
  await decision.getByLabel("Utfall").selectOption({ label: "Reducering" });
  await decision.getByLabel("Belopp (kr)").fill("180000");
  await decision.getByLabel("Andel utförda uppgifter (%)").fill("90");
  await decision.getByLabel("Motivering").fill(REASONING);
  await decision.getByLabel("Beslutsdatum").fill("2026-11-20");
  await decision.getByLabel("Kommunen underrättad").fill("2026-11-23");
  await checkPage(page, "reduction-case-decision-form");
  await decision.getByRole("button", { name: "Registrera beslut" }).click();
  await expect(decision).toBeHidden();
  await dismissToast(page, "Beslutet är registrerat.");

  await expect(page.getByTestId("case-status")).toHaveText("Beslutat");
  await expect(page.getByTestId("case-outcome")).toHaveText("Reducering");
  await expect(page.getByText("180 000 kr").first()).toBeVisible();
  await expect(page.getByText("90 %")).toBeVisible();
  await expect(page.getByText(REASONING)).toBeVisible();
  // Three weeks after 2026-11-23; final the day after, unless appealed.
  await expect(page.getByTestId("case-last-appeal-day")).toHaveText("2026-12-14");
  await expect(page.getByTestId("case-legally-final")).toHaveText("2026-12-15");
  await expect(page.getByTestId("case-compensation")).toContainText("Reducerad");
  await expect(page.getByTestId("case-compensation")).not.toContainText("Innehållen");
  await expect(page.getByTestId("received-form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ändra mottagningsdag" })).toHaveCount(0);
  await checkPage(page, "reduction-case-decided");
  await shot(page, "reduction-case-decided");

  // The economy follows the decision: Tyresö's 2026 is reduced.
  await page.goto("/kommun/0138?flik=ekonomi");
  await expect(page.getByRole("heading", { level: 1, name: "Tyresö" })).toBeVisible();
  await expect(page.getByTestId("economy-years")).toBeVisible();
  await page.getByRole("button", { name: "Visa delar för 2026" }).click();
  const parts = page.getByTestId("economy-parts-2026");
  await expect(parts).toContainText("Reducerad");
  await expect(parts).not.toContainText("Innehållen");
  await checkPage(page, "reduction-economy");
});

test("[R3.3-1] the municipality reads the sent statement and the case", async ({ page }) => {
  await login(page, "kommun0180@uppsikt.example");
  await page.goto("/kommun/0180?flik=yttranden");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholm" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Yttranden", selected: true })).toBeVisible();
  // The municipality does not see the county's grounds, nor make a statement.
  await expect(page.getByRole("heading", { name: "Grunder som systemet hittar" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Nytt yttrande" })).toHaveCount(0);

  const table = page.getByRole("table", { name: "Yttranden om kommunen till MCF" });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  const sent = table.getByRole("row").filter({ hasText: "Initierat av kommunen" });
  await expect(sent).toContainText("Skickat");
  // Sent statements only: no drafts, none approved and waiting.
  await expect(table).not.toContainText("Utkast");
  await expect(table).not.toContainText("Godkänt");
  await checkPage(page, "statements-tab-municipality");

  await sent.getByRole("link", { name: "Öppna yttrandet om Stockholm, Skickat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Yttrande om Stockholm" })).toBeVisible();
  await expect(page.getByText("Stockholms stad har meddelat länsstyrelsen").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Redigera utkastet" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Godkänn" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Skicka till MCF" })).toHaveCount(0);
  await checkPage(page, "statement-municipality");

  await page.getByRole("link", { name: "Öppna ärendet hos MCF" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ärende om ersättning – Stockholm" })).toBeVisible();
  await expect(page.getByText("Du kan läsa ärendet. MCF handlägger och beslutar.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Öppet");
  await expect(page.getByText("Inget beslut ännu.")).toBeVisible();
  for (const form of ["decision-form", "received-form", "case-log-form", "case-request-form", "notify-form"])
    await expect(page.getByTestId(form)).toHaveCount(0);
  for (const button of ["Ändra mottagningsdag", "Ny anteckning", "Ny begäran om underlag"])
    await expect(page.getByRole("button", { name: button })).toHaveCount(0);
  await checkPage(page, "reduction-case-municipality");
  await shot(page, "reduction-case-municipality");
});

test("[R3.3-2] the agency marks Södertälje's repayment invoice as sent", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await page.goto("/arenden");
  const cases = page.getByTestId("reduction-cases");
  await cases.getByRole("link", { name: "Södertälje", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ärende om ersättning – Södertälje" })).toBeVisible();
  // Received in June 2025: a repayment, legally final the day after the last day of appeal.
  await expect(page.getByTestId("case-effect")).toHaveText("Kan leda till återbetalning");
  await expect(page.getByTestId("case-outcome")).toHaveText("Återbetalning");
  await expect(page.getByTestId("case-status")).toHaveText("Laga kraft");
  await expect(page.getByTestId("case-last-appeal-day")).toHaveText("2025-10-24");
  await expect(page.getByTestId("case-legally-final")).toHaveText("2025-10-25");
  await expect(page.getByTestId("invoice-amount")).toHaveText("250 000 kr");
  const invoice = page.getByRole("region", { name: "Faktura om återbetalning" });
  await expect(invoice).toContainText("Inte skickad");

  const form = page.getByTestId("invoice-sent-form");
  await form.getByRole("button", { name: "Markera som skickad" }).click();
  await expect(form.getByText("Ange fakturanumret.")).toBeVisible();
  await form.getByLabel("Fakturanummer").fill("F-2026-0412");
  await expect(form.getByRole("textbox", { name: "Skickad", exact: true })).toHaveValue("2026-11-27");
  await checkPage(page, "reduction-case-invoice");
  await form.getByRole("button", { name: "Markera som skickad" }).click();
  await dismissToast(page, "Fakturan är markerad som skickad.");
  await expect(page.getByTestId("invoice-sent-form")).toHaveCount(0);
  await expect(invoice).toContainText("F-2026-0412");
  await expect(invoice).toContainText("2026-11-27");
  await expect(invoice).not.toContainText("Inte skickad");
});
