import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn, logout } from "./helpers.js";

/** The Dialog tab, the county's open warnings and the watch list, on the demo data (server/src/db/seed/demo-dialogue.ts). */

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

const countyRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

test("[R2.3-1] [R2.3-2] an officer logs a network meeting with three municipalities, raises a warning, sees it in the county list and resolves it", async ({
  page,
}) => {
  await login(page, "lst01@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholms län" })).toBeVisible();
  await expect(countyRow(page, "Södertälje")).toContainText("1 öppen varning");
  await expect(countyRow(page, "Nacka")).toContainText("0 öppna varningar");
  await checkPage(page, "dialogue-county-warnings");

  await countyRow(page, "Nacka").getByRole("link", { name: "Nacka", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nacka" })).toBeVisible();
  await page.getByRole("tab", { name: "Dialog" }).click();
  const entries = page.getByRole("list", { name: "Dialogposter" });
  await expect(entries.getByRole("listitem").first()).toBeVisible();
  await checkPage(page, "dialogue-tab");

  await page.getByRole("button", { name: "Ny dialogpost" }).click();
  const form = page.getByRole("dialog", { name: "Ny dialogpost" });
  await expect(form.getByRole("checkbox", { name: "Nacka" })).toBeChecked();
  await form.getByRole("button", { name: "Spara" }).click();
  await expect(form.getByText("Välj minst ett ämne.")).toBeVisible();
  await form.getByRole("checkbox", { name: "Huddinge" }).check();
  await form.getByRole("checkbox", { name: "Botkyrka" }).check();
  await form.getByLabel("Datum").fill("2026-11-26");
  await form.getByLabel("Form").selectOption({ label: "Nätverksmöte" });
  await form.getByRole("checkbox", { name: "Sparande" }).check();
  await form.getByLabel("Deltagare från kommunen (valfritt)").fill("Eva Ek, Nacka\nOla Berg, Huddinge");
  await form.getByLabel("Anteckningar (valfritt)").fill("Nätverksmöte om sparandet i södra länet.");
  await form.getByLabel("Tidig varning (valfritt)").selectOption({ label: "Sparandet växer sig stort" });
  await form.getByLabel("Beskrivning av varningen").fill("Sparandet har ökat tre år i rad i alla tre kommunerna.");
  await checkPage(page, "dialogue-new-entry");
  await form.getByRole("button", { name: "Spara" }).click();
  await expect(form).toBeHidden();

  const entry = entries.getByRole("listitem").filter({ hasText: "Nätverksmöte om sparandet i södra länet." });
  await expect(entry).toContainText("2026-11-26 – Nätverksmöte");
  await expect(entry).toContainText("Botkyrka, Huddinge, Nacka");
  await expect(entry).toContainText("Eva Ek, Nacka, Ola Berg, Huddinge");
  const warnings = page.getByRole("list", { name: "Öppna varningar" });
  await expect(warnings).toContainText("Sparandet har ökat tre år i rad");

  await page.getByRole("link", { name: "Stockholms län" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Stockholms län" })).toBeVisible();
  for (const name of ["Nacka", "Huddinge", "Botkyrka"])
    await expect(countyRow(page, name)).toContainText("1 öppen varning");

  await countyRow(page, "Nacka").getByRole("link", { name: "Nacka", exact: true }).click();
  await page.getByRole("tab", { name: "Dialog" }).click();
  await page.getByRole("button", { name: "Åtgärda varningen: Sparandet växer sig stort" }).click();
  const dialog = page.getByRole("dialog", { name: "Åtgärda varningen" });
  await dialog.getByRole("button", { name: "Åtgärda" }).click();
  await expect(dialog.getByLabel("Hur varningen har lösts")).toBeFocused();
  await dialog.getByLabel("Hur varningen har lösts").fill("Kommunen har lagt fram en plan för sparandet.");
  await checkPage(page, "dialogue-resolve-warning");
  await dialog.getByRole("button", { name: "Åtgärda" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Kommunen har inga öppna varningar.")).toBeVisible();

  await page.getByRole("link", { name: "Stockholms län" }).first().click();
  await expect(countyRow(page, "Nacka")).toContainText("0 öppna varningar");
  await expect(countyRow(page, "Huddinge")).toContainText("1 öppen varning");
});

test("[R2.3-1] a coordinator reads the shared dialogue but sees no warnings", async ({ page }) => {
  await login(page, "kommun0180@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholm" })).toBeVisible();
  await page.getByRole("tab", { name: "Dialog" }).click();
  await expect(page.getByRole("list", { name: "Dialogposter" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Öppna varningar" })).toHaveCount(0);
  await expect(page.getByText("Endast länsstyrelsen")).toHaveCount(0);
  await checkPage(page, "dialogue-coordinator");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Excel: ladda ned kommunens dialogposter" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Dialog Stockholm \d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("[R1-3] [issue 10.10] the officer's watch list: within each kind due within 7 days first, then overdue newest first, then the rest", async ({
  page,
}) => {
  await login(page, "lst01@uppsikt.example");
  await page.getByRole("link", { name: "Min bevakning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min bevakning" })).toBeVisible();
  await page.getByLabel("Visa", { exact: true }).selectOption({ label: "Hela länet" });
  const rows = page.getByRole("table", { name: "Bevakade datum" }).locator("tbody tr");
  await expect(rows.filter({ hasText: "Försenad" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: /dagar? kvar|I dag/ }).first()).toBeVisible();
  const rank = (status: string) => {
    if (status.includes("Försenad")) return 1;
    const days = status.includes("I dag") ? 0 : Number(/(\d+) dagar? kvar/.exec(status)?.[1]);
    return days <= 7 ? 0 : 2;
  };
  for (const group of await page.getByRole("table", { name: "Bevakade datum" }).locator("tbody").all()) {
    const ranks = (await group.locator("td:nth-child(5)").allInnerTexts()).map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  }
  await checkPage(page, "dialogue-watch");
  await page.getByLabel("Slag").selectOption("documentRequest");
  await expect(page.getByRole("status").filter({ hasText: /bevakning/ })).toContainText(
    /^\d+ bevakning(ar)?, varav \d+ försenade?$/,
  );
  for (const text of await rows.locator("td:nth-child(2)").allInnerTexts())
    expect(text).toContain("Begäran om underlag");
});

test("[R2.3-1] [R2.10-2] an officer writes an entry with follow-up items and a confidential basis, edits it, and the coordinator closes their item", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180?flik=dialog");
  await expect(page.getByRole("tab", { name: "Dialog" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("button", { name: "Ny dialogpost" }).click();
  const form = page.getByRole("dialog", { name: "Ny dialogpost" });
  await form.getByLabel("Datum").fill("2026-11-25");
  await form.getByLabel("Form").selectOption({ label: "Telefon" });
  await form.getByRole("checkbox", { name: "Planering" }).check();
  await form.getByLabel("Anteckningar (valfritt)").fill("Samtal om reservkraften vid vattenverket i Lovö.");
  await form.getByRole("button", { name: "Lägg till uppföljningspunkt" }).click();
  await form.getByLabel("Vad ska följas upp (punkt 1)").fill("Skicka underlag om reservkraftens kapacitet");
  await form.getByLabel("Senast (punkt 1)").fill("2026-12-15");
  await form.getByLabel("Ansvarig (punkt 1)").selectOption({ label: "Anders Wikström (Stockholm)" });
  await form.getByRole("button", { name: "Lägg till uppföljningspunkt" }).click();
  await form.getByLabel("Vad ska följas upp (punkt 2)").fill("Besluta om bränsleavtal");
  await form.getByLabel("Ansvarig (punkt 2)").selectOption({ label: "Någon utanför Uppsikt (skriv namnet)" });
  await form.getByRole("checkbox", { name: "Posten innehåller uppgifter som omfattas av sekretess" }).check();
  await form.getByRole("button", { name: "Spara" }).click();
  // Nothing is sent until the named owner and the basis are given; the first field in error gets focus.
  await expect(form.getByLabel("Den ansvarigas namn (punkt 2)")).toBeFocused();
  await expect(form.getByText("Skriv namnet på den ansvariga.")).toBeVisible();
  await form.getByLabel("Den ansvarigas namn (punkt 2)").fill("Lena Ek, kommundirektör");
  await form.getByLabel("Sekretessgrund").selectOption({ index: 1 });
  await checkPage(page, "dialogue-entry-follow-ups");
  await form.getByRole("button", { name: "Spara" }).click();
  await expect(form).toBeHidden();

  const entries = page.getByRole("list", { name: "Dialogposter" });
  const entry = entries.getByRole("listitem").filter({ hasText: "Samtal om reservkraften vid vattenverket i Lovö." });
  await expect(entry).toContainText(
    "Skicka underlag om reservkraftens kapacitet – senast 2026-12-15, ansvarig: Anders Wikström",
  );
  await expect(entry).toContainText("ansvarig: Lena Ek, kommundirektör");
  await expect(entry).toContainText("Sekretess");

  await entry.getByRole("button", { name: "Ändra dialogposten 2026-11-25 – Telefon" }).click();
  const edit = page.getByRole("dialog", { name: "Ändra dialogpost" });
  await expect(edit.getByLabel("Vad ska följas upp (punkt 1)")).toHaveValue(
    "Skicka underlag om reservkraftens kapacitet",
  );
  await edit
    .getByLabel("Anteckningar (valfritt)")
    .fill("Samtal om reservkraften vid vattenverket i Lovö. Kommunen återkommer med kapaciteten.");
  await edit.getByRole("button", { name: "Spara ändringen" }).click();
  await expect(edit).toBeHidden();
  const edited = entries.getByRole("listitem").filter({ hasText: "Kommunen återkommer med kapaciteten." });
  await expect(edited).toContainText("senast ändrad 2026-11-27");
  await edited.getByRole("button", { name: /Visa 1 tidigare version/ }).click();
  const history = page.getByRole("dialog", { name: "Tidigare versioner" });
  await expect(history).toContainText("Version 1: 2026-11-25 – Telefon");
  await expect(history).toContainText("Samtal om reservkraften vid vattenverket i Lovö.");
  await expect(history).not.toContainText("Kommunen återkommer med kapaciteten.");
  await checkPage(page, "dialogue-history");
  await history.getByRole("button", { name: "Stäng" }).click();

  // An officer without clearance sees that the entry exists and its basis, not what it says.
  await logout(page);
  await login(page, "lst01-handlaggare2@uppsikt.example");
  await page.goto("/kommun/0180?flik=dialog");
  const hidden = page
    .getByRole("list", { name: "Dialogposter" })
    .getByRole("listitem")
    .filter({ hasText: "2026-11-25 – Telefon" });
  await expect(hidden).toContainText("Sekretess");
  await expect(hidden).not.toContainText("reservkraften");
  await expect(hidden).toContainText("Sekretessbelagd uppföljningspunkt");
  await expect(hidden.getByRole("button", { name: /Ändra/ })).toHaveCount(0);

  // The coordinator owns the first item: it is on their watch list, and they mark it done.
  await logout(page);
  await login(page, "kommun0180@uppsikt.example");
  await page.getByRole("link", { name: "Min bevakning" }).click();
  // The watch list knows no reader, so a confidential entry's item has a neutral title there.
  const row = page
    .getByRole("row")
    .filter({ hasText: "Uppföljningspunkt (sekretess) – Stockholm" })
    .filter({ hasText: "2026-12-15" });
  // [issue 10.10] The coordinator's column says whom the county awaits, not a name.
  await expect(row).toContainText("Er kommun");
  await row.getByRole("link", { name: /Öppna/ }).click();
  await expect(page.getByRole("tab", { name: "Dialog" })).toHaveAttribute("aria-selected", "true");
  const own = page
    .getByRole("list", { name: "Dialogposter" })
    .getByRole("listitem")
    .filter({ hasText: "Kommunen återkommer med kapaciteten." });
  await own.getByRole("button", { name: "Markera som klar: Skicka underlag om reservkraftens kapacitet" }).click();
  await expect(own).toContainText("Klar 2026-11-27 (Anders Wikström)");
  // The named person's item is the county's to close.
  await expect(own.getByRole("button", { name: /Markera som klar/ })).toHaveCount(0);
  await checkPage(page, "dialogue-follow-up-done");
});

test("[R2.3-1] [R2.10-2] an officer searches the county's dialogue", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök i dialogen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sök i dialogen" })).toBeVisible();
  await page.getByLabel("Sökord").fill("ö");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByText("Skriv minst två tecken.")).toBeVisible();
  await page.getByLabel("Sökord").fill("reservkraft");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: /dialogpost(er)? matchar ”reservkraft”/ })).toBeVisible();
  const hits = page.getByRole("list", { name: "Sökträffar i dialogen" }).getByRole("listitem");
  await expect(hits.first()).toBeVisible();
  await expect(hits.locator("mark").first()).toBeVisible();
  await checkPage(page, "dialogue-search");
  // The dialogue search is the county's own page in the main menu.
  await expect(
    page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök i dialogen" }),
  ).toHaveAttribute("aria-current", "page");
  await hits.first().getByRole("link").first().click();
  await expect(page.getByRole("tab", { name: "Dialog" })).toHaveAttribute("aria-selected", "true");
});
