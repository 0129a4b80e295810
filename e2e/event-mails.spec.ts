import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn } from "./helpers.js";

/*
 * Issue 10.11: "Markera som skickad" offers sending the feedback letter by e-mail to the municipality's coordinators
 * or recording that it was sent another way. Without SMTP the mail lands in the outbox, which the admin lists.
 * Runs on the demo data: Stockholm (0180) has a coordinator (kommun0180@), Södertälje (0181) none.
 */

const STEERING = "Styrdokument för krisberedskap";

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

async function modalOpen(page: Page, name: string | RegExp) {
  const dialog = page.getByRole("dialog", { name });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveCSS("opacity", "1");
  return dialog;
}

test("[issue 10.11] the officer sends the feedback letter by e-mail to the coordinators; it is in the outbox", async ({
  page,
}) => {
  await login(page, "lst01@uppsikt.example");
  await page.goto("/kommun/0180");
  const card = page.getByRole("region", { name: STEERING, exact: true });
  await card.getByRole("button", { name: /^Visa detaljer/ }).click();
  await card
    .getByRole("button", { name: /^Skriv återkoppling/ })
    .first()
    .click();
  const write = await modalOpen(page, /^Ny återkoppling/);
  await write.getByLabel("Återkoppling", { exact: true }).fill("Länsstyrelsen har tagit del av styrdokumentet.");
  await write.getByRole("button", { name: "Spara utkast" }).click();
  await expect(write).toBeHidden();

  await card
    .getByRole("button", { name: /^Markera som skickad/ })
    .first()
    .click();
  const dialog = await modalOpen(page, "Markera återkopplingen som skickad");
  const email = dialog.getByRole("radio", { name: "Skicka med e-post till kommunens beredskapssamordnare" });
  const other = dialog.getByRole("radio", { name: "Skickad på annat sätt" });
  await expect(email).not.toBeChecked();
  await expect(other).not.toBeChecked();
  // Neither is preselected: the choice is the officer's.
  await dialog.getByRole("button", { name: "Markera som skickad" }).click();
  await expect(dialog.getByText("Välj hur brevet skickas.")).toBeVisible();
  await email.check();
  await checkPage(page, "event-mails-send-dialog");
  await dialog.getByRole("button", { name: "Skicka och markera som skickad" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/skickas med e-post till kommunens beredskapssamordnare/).first()).toBeVisible();

  await page.getByRole("button", { name: "Användarmeny" }).click();
  await page.getByRole("menuitem", { name: "Logga ut" }).click();
  await login(page, "admin@uppsikt.example");
  await page.getByRole("link", { name: "Utgående e-post" }).click();
  const table = page.getByRole("table", { name: "Sparade e-postmeddelanden, nyast först" });
  const row = table.getByRole("row").filter({ hasText: "Återkoppling från Länsstyrelsen i Stockholms län" });
  await expect(async () => {
    await page.reload();
    await expect(row.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.first()).toContainText("kommun0180@uppsikt.example");
});

test("[issue 10.11] e-mail to a municipality without a coordinator is refused with a Swedish message", async ({
  page,
}) => {
  await login(page, "lst01@uppsikt.example");
  await page.goto("/kommun/0181");
  const card = page.getByRole("region", { name: STEERING, exact: true });
  await card.getByRole("button", { name: /^Visa detaljer/ }).click();
  await card
    .getByRole("button", { name: /^Skriv återkoppling/ })
    .first()
    .click();
  const write = await modalOpen(page, /^Ny återkoppling/);
  await write.getByLabel("Återkoppling", { exact: true }).fill("Länsstyrelsen har tagit del av styrdokumentet.");
  await write.getByRole("button", { name: "Spara utkast" }).click();
  await expect(write).toBeHidden();
  await card
    .getByRole("button", { name: /^Markera som skickad/ })
    .first()
    .click();
  const dialog = await modalOpen(page, "Markera återkopplingen som skickad");
  await dialog.getByRole("radio", { name: "Skicka med e-post till kommunens beredskapssamordnare" }).check();
  await dialog.getByRole("button", { name: "Skicka och markera som skickad" }).click();
  await expect(dialog.getByText(/har ingen beredskapssamordnare med e-postadress/)).toBeVisible();
  await checkPage(page, "event-mails-send-refused");
  await dialog.getByRole("radio", { name: "Skickad på annat sätt" }).check();
  await dialog.getByRole("button", { name: "Markera som skickad" }).click();
  await expect(dialog).toBeHidden();
});
