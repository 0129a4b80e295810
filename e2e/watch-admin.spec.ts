import { readFileSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn } from "./helpers.js";

/**
 * The county head's hand-over (R1-3) and the admin's outbox of saved mail. The demo data shares Stockholm's
 * municipalities between Johan Bergström and Sara Nyström (server/src/db/seed/demo.ts); the hand-over moves
 * Sara's to Johan, so this file runs last among the specs that read Stockholm's officers.
 */

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

const FROM = "Sara Nyström";
const TO = "Johan Bergström";

/** The municipalities of Stockholms län whose responsible-officer select shows the given officer. */
async function municipalitiesOf(page: Page, officer: string): Promise<string[]> {
  await page.goto("/lan/01");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholms län" })).toBeVisible();
  const selects = page.getByRole("combobox", { name: /^Ansvarig handläggare för / });
  await expect(selects.first()).toBeVisible();
  const rows = await selects.evaluateAll((elements) =>
    elements.map((e) => {
      const select = e as HTMLSelectElement;
      return {
        name: (select.getAttribute("aria-label") ?? "").replace("Ansvarig handläggare för ", ""),
        officer: select.selectedOptions[0]?.textContent ?? "",
      };
    }),
  );
  return rows.filter((r) => r.officer === officer).map((r) => r.name);
}

test("[R1-3] a county head hands a leaving officer's municipalities to another officer", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  const saras = await municipalitiesOf(page, FROM);
  expect(saras.length).toBeGreaterThan(0);

  await page.getByRole("link", { name: "Min bevakning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min bevakning" })).toBeVisible();
  await page.getByLabel("Visa", { exact: true }).selectOption({ label: "Hela länet" });
  const table = page.getByRole("table", { name: "Bevakade datum" });
  await expect(table).toBeVisible();

  const open = page.getByRole("button", { name: "Lämna över ärenden" });
  await open.click();
  const dialog = page.getByRole("dialog", { name: "Lämna över ärenden" });
  await expect(dialog.getByText("Det här flyttas")).toBeVisible();
  const from = dialog.getByRole("combobox", { name: "Från handläggare" });
  const to = dialog.getByRole("combobox", { name: "Till handläggare" });
  await expect(from.locator("option", { hasText: FROM })).toHaveCount(1);

  // Both must be chosen, and not the same officer.
  await dialog.getByRole("button", { name: "Fortsätt" }).click();
  await expect(dialog.getByText("Välj vem som lämnar över.")).toBeVisible();
  await expect(dialog.getByText("Välj vem som tar över.")).toBeVisible();
  await expect(from).toBeFocused();
  await from.selectOption({ label: FROM });
  await to.selectOption({ label: FROM });
  await dialog.getByRole("button", { name: "Fortsätt" }).click();
  await expect(dialog.getByText("Välj en annan handläggare att lämna över till.")).toBeVisible();
  await expect(to).toBeFocused();
  await to.selectOption({ label: TO });
  await checkPage(page, "watch-hand-over-form");

  // The confirmation names what moves.
  await dialog.getByRole("button", { name: "Fortsätt" }).click();
  const heading = dialog.getByRole("heading", { name: "Bekräfta överlämningen" });
  await expect(heading).toBeFocused();
  await expect(dialog).toContainText(`${saras.length} kommuner byter ansvarig handläggare från ${FROM} till ${TO}:`);
  const list = dialog.getByRole("list", { name: /kommuner byter ansvarig handläggare/ });
  await expect(list.getByRole("listitem")).toHaveCount(saras.length);
  await checkPage(page, "watch-hand-over-confirm");

  // Back keeps the choices.
  await dialog.getByRole("button", { name: "Tillbaka" }).click();
  await expect(from).toHaveValue(/.+/);
  await expect(to).toHaveValue(/.+/);
  await dialog.getByRole("button", { name: "Fortsätt" }).click();
  await dialog.getByRole("button", { name: "Lämna över" }).click();

  await expect(dialog).toBeHidden();
  const done = page.getByRole("alert").filter({
    hasText: new RegExp(
      `${saras.length} kommuner och \\d+ uppföljningspunkte?r? har lämnats över från ${FROM} till ${TO}\\.`,
    ),
  });
  await expect(done).toBeVisible();
  await expect(open).toBeFocused();
  await checkPage(page, "watch-hand-over-done");
  // The county's watch list has been fetched again: what Sara owned is Johan's. Follow-up items owned by a
  // named person outside the system stay with the entry's author (server/src/features/dialogue/watch.ts),
  // which the hand-over does not change; nothing else may still be hers.
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const stillSaras = table.locator("tbody tr").filter({ has: page.getByRole("cell", { name: FROM, exact: true }) });
  await expect(stillSaras.filter({ hasNotText: "(ansvarig: " })).toHaveCount(0);

  // On the county page, Sara's municipalities are Johan's now.
  expect(await municipalitiesOf(page, FROM)).toEqual([]);
  const johans = await municipalitiesOf(page, TO);
  for (const name of saras) expect(johans).toContain(name);
  await expect(page.getByRole("combobox", { name: `Ansvarig handläggare för ${saras[0]}` })).toHaveValue(/.+/);
  await expect(
    page.getByRole("combobox", { name: `Ansvarig handläggare för ${saras[0]}` }).locator("option:checked"),
  ).toHaveText(TO);
});

test("[R1-3] an officer who is not the county head cannot hand over", async ({ page }) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.getByRole("link", { name: "Min bevakning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min bevakning" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Påminnelser och e-post" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lämna över ärenden" })).toHaveCount(0);
});

test("an administrator lists the mail saved when no SMTP server is configured and downloads a message", async ({
  page,
}) => {
  await login(page, "admin@uppsikt.example");
  await page.getByRole("link", { name: "Utgående e-post" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Utgående e-post" })).toBeVisible();
  await expect(page.getByText(/Ingen SMTP-server är inställd \(miljövariabeln SMTP_HOST\)/)).toBeVisible();

  // The reminder job runs once at start and writes the demo reminders to the outbox.
  // When this file runs alone, the job may still be writing: look again until the first mail is there.
  const table = page.getByRole("table", { name: "Sparade e-postmeddelanden, nyast först" });
  await expect(async () => {
    if (!(await table.isVisible())) await page.reload();
    await expect(table).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText(/^\d+ sparade? meddelanden?$/)).toBeVisible();
  for (const column of ["Datum", "Till", "Ämne", "Storlek", "Fil"])
    await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
  const first = rows.first().getByRole("cell");
  await expect(first.nth(0)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(first.nth(1)).toContainText("@");
  await expect(first.nth(3)).toHaveText(/^\d+,\d kB$/);
  await checkPage(page, "outbox");

  const link = rows.first().getByRole("link", { name: /^Ladda ned meddelandet ”.+” till .+@/ });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{16}\.eml$/);
  const eml = readFileSync(await download.path()).toString("utf8");
  expect(eml).toMatch(/^Subject: /m);
  expect(eml).toMatch(/^To: .*@/m);
});

test("a county user gets no access to the outbox", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await expect(page.getByRole("link", { name: "Utgående e-post" })).toHaveCount(0);
  await page.goto("/utgaende-post");
  await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await checkPage(page, "outbox-forbidden");
});
