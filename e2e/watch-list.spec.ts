import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn } from "./helpers.js";

/** Min bevakning grouped by kind, "no feedback will be sent", and the coordinator's column (issue 10.10). */

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

const FEEDBACK_GROUP = /^Återkoppling att skicka \((\d+)\)$/;

test("[issue 10.10] the officer's list is grouped by kind with counts, and a feedback-owed item can be marked as no feedback sent", async ({
  page,
}) => {
  await login(page, "lst14@uppsikt.example");
  await page.getByRole("link", { name: "Min bevakning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min bevakning" })).toBeVisible();
  const table = page.getByRole("table", { name: "Bevakade datum" });
  const groups = table.getByRole("rowheader");
  await expect(groups.first()).toBeVisible();
  // Every group heading has a count, and the counts add up to the summary.
  const headings = await groups.allInnerTexts();
  const counts = headings.map((h) => Number(/\((\d+)\)$/.exec(h)?.[1]));
  expect(counts.every((n) => n > 0)).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: /bevakning/ })).toContainText(
    `${counts.reduce((a, b) => a + b, 0)} bevakning`,
  );
  const feedback = groups.filter({ hasText: FEEDBACK_GROUP });
  await expect(feedback).toHaveCount(1);
  const before = Number(FEEDBACK_GROUP.exec(await feedback.innerText())![1]);
  const group = table.locator("tbody").filter({ has: page.getByRole("rowheader", { name: FEEDBACK_GROUP }) });
  await expect(group.locator("tr")).toHaveCount(before + 1);
  await checkPage(page, "watch-list-grouped");

  const waive = group.getByRole("button", { name: /^Ingen återkoppling skickas: / }).first();
  const title = (await waive.getAttribute("aria-label"))!.replace("Ingen återkoppling skickas: ", "");
  await waive.click();
  const dialog = page.getByRole("dialog", { name: "Ingen återkoppling skickas" });
  await expect(dialog).toContainText(title);
  await expect(dialog).toContainText("Det räknas inte som skickad återkoppling");
  await dialog.getByRole("button", { name: "Spara beslutet" }).click();
  await expect(dialog.getByText("Skriv varför ingen återkoppling skickas.")).toBeVisible();
  await dialog.getByLabel("Skäl").fill("Dokumentet ersätts av en ny version i vår.");
  await checkPage(page, "watch-list-waiver");
  await dialog.getByRole("button", { name: "Spara beslutet" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Ingen återkoppling skickas: ${title}`).first()).toBeVisible();
  if (before > 1) await expect(feedback).toHaveText(`Återkoppling att skicka (${before - 1})`);
  else await expect(feedback).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: title })).toHaveCount(0);
});

test("[issue 10.10] for a coordinator the column says the county awaits their municipality", async ({ page }) => {
  await login(page, "kommun0180@uppsikt.example");
  await page.getByRole("link", { name: "Min bevakning" }).click();
  const table = page.getByRole("table", { name: "Bevakade datum" });
  await expect(table.getByRole("columnheader", { name: "Länsstyrelsen inväntar" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Ansvarig" })).toHaveCount(0);
  const cells = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.every((c) => c === "Er kommun")).toBe(true);
  await expect(table.getByRole("button", { name: /^Ingen återkoppling skickas/ })).toHaveCount(0);
  await checkPage(page, "watch-list-coordinator");
});
