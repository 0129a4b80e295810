import { expect, test, type Page } from "@playwright/test";
import { checkPage, login } from "./helpers.js";

/** The main menu, so that a page is reached the way people reach it. */
const nav = (page: Page) => page.getByRole("navigation", { name: "Huvudmeny" });

/** Signs in and waits for the landing page, so that a following `goto` runs with the session. */
async function signIn(page: Page, email: string, landing: string) {
  await login(page, email);
  await expect(page.getByRole("heading", { level: 1, name: landing })).toBeVisible();
}

test("[R2.2-6] the county head filters the document matrix and exports it", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholms län" })).toBeVisible();
  // The county's pages are in the main menu; the row of county pages is only for those who read several counties.
  await expect(page.getByRole("navigation", { name: "Sidor för Stockholms län" })).toHaveCount(0);
  await nav(page).getByRole("link", { name: "Dokumentöversikt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dokumentöversikt" })).toBeVisible();
  await expect(page).toHaveTitle("Dokumentöversikt – Stockholms län – Uppsikt");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(26);
  // Status is told in words (with a symbol), and fully in the cell's text for screen readers.
  await expect(page.getByRole("table").getByText("Godkänd").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Teckenförklaring" })).toBeVisible();
  await checkPage(page, "oversight-matrix");

  await page.getByLabel("Flagga", { exact: true }).selectOption("missing");
  await expect(page).toHaveURL(/flag=missing/);
  await expect.poll(() => rows.count()).toBeLessThan(26);
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText("Saknas");

  const exportLink = page.getByRole("link", { name: "Exportera till Excel" });
  const href = await exportLink.getAttribute("href");
  expect(href).toMatch(/\/documents\/matrix\.xlsx\?flag=missing$/);
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("spreadsheetml");
  await checkPage(page, "oversight-matrix-filtered");

  const first = rows.first().getByRole("link");
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("[R2.2-6] the agency opens a county's document overview from the county page", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await page.getByRole("link", { name: "Västra Götalands län" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Västra Götalands län" })).toBeVisible();
  await page.getByRole("link", { name: "Dokumentöversikt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dokumentöversikt" })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(49);
  await checkPage(page, "oversight-agency-matrix");
});

test("[R2.2-3] the county officer's start page lists newly received documents to review, oldest first", async ({
  page,
}) => {
  await login(page, "lst14@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Västra Götalands län" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Att granska" })).toBeVisible();
  const queue = page.getByRole("list", { name: "Dokument att granska" });
  const dates = (await queue.getByText(/^Inkom \d{4}-\d{2}-\d{2}$/).allTextContents()).map((d) => d.slice(5));
  expect(dates.length).toBeGreaterThan(1);
  expect([...dates].sort()).toEqual(dates);
  await checkPage(page, "oversight-review-queue");
  const link = queue.getByRole("link").first();
  const municipality = (await link.textContent())!.split(":")[0];
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: municipality })).toBeVisible();
});

test("[R2.2-3] the county head switches the review queue to the whole county", async ({ page }) => {
  await login(page, "lst14-chef@uppsikt.example");
  await expect(page.getByText("Inga nyinkomna dokument väntar på granskning för dina kommuner.")).toBeVisible();
  await page.getByRole("switch", { name: "Hela länet" }).click();
  await expect(page).toHaveURL(/queue=county/);
  await expect(page.getByRole("list", { name: "Dokument att granska" }).getByRole("listitem")).toHaveCount(8);
  await page.getByRole("button", { name: /^Visa alla \d+$/ }).click();
  expect(await page.getByRole("list", { name: "Dokument att granska" }).getByRole("listitem").count()).toBeGreaterThan(
    8,
  );
  await checkPage(page, "oversight-review-queue-county");
});

test("[R2.3-3] the officer sees the documents that have waited longest for feedback", async ({ page }) => {
  await login(page, "lst14@uppsikt.example");
  await nav(page).getByRole("link", { name: "Väntar på återkoppling" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Väntar på återkoppling" })).toBeVisible();
  await expect(page.getByText(/för mer än 60 dagar sedan/)).toBeVisible();
  const days = (await page.locator("tbody tr td:first-child").allTextContents()).map((d) => parseInt(d, 10));
  expect(days.length).toBeGreaterThan(0);
  expect([...days].sort((a, b) => b - a)).toEqual(days);
  await expect(page.getByRole("table")).toContainText(/Inget utkast|Utkast finns/);
  await checkPage(page, "oversight-awaiting-feedback");

  await page.getByLabel("Antal dagar").fill("3000");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page.getByText("Inga dokument har väntat längre än 3000 dagar på återkoppling.")).toBeVisible();
});

test("[R2.2-4] the officer records a reason and agreed date for a missing document", async ({ page }) => {
  await login(page, "lst14@uppsikt.example");
  await nav(page).getByRole("link", { name: "Uppföljning år 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uppföljning år 2" })).toBeVisible();
  await expect(page.getByText("Gäller från 2024-01-01.")).toBeVisible();
  await checkPage(page, "oversight-year-two");

  await page
    .getByRole("button", { name: "Registrera orsak och datum: Utbildnings- och övningsplan, Lidköping" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Saknat dokument" });
  await expect(dialog).toBeVisible();
  // The form says what is wrong before anything is sent.
  await dialog.getByRole("button", { name: "Spara" }).click();
  await expect(dialog.getByLabel("Varför saknas dokumentet?")).toHaveAttribute("aria-invalid", "true");
  await checkPage(page, "oversight-year-two-form");
  await dialog.getByLabel("Varför saknas dokumentet?").fill("Planen väntar på den nya organisationen för krisledning.");
  await dialog.getByLabel("Överenskommet datum").fill("2026-06-30");
  await dialog.getByRole("button", { name: "Spara" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText("Orsak och datum för Utbildnings- och övningsplan i Lidköping är sparade."),
  ).toBeVisible();

  const row = page.getByRole("row", { name: /Utbildnings- och övningsplan Planen väntar/ });
  await expect(row).toContainText("2026-06-30");
  // A date that has passed is marked with a symbol and words, not colour alone.
  await expect(row).toContainText("Det överenskomna datumet har passerat");
  await page.getByLabel("Visa", { exact: true }).selectOption("overdue");
  await expect(page.getByRole("row", { name: /Planen väntar/ })).toBeVisible();
});

test("[R2.2-4] before the period's second year the page says from when the follow-up applies", async ({ page }) => {
  await signIn(page, "lst14@uppsikt.example", "Västra Götalands län");
  await page.goto("/lan/14/uppfoljning-ar-2?period=2027");
  await expect(page.getByRole("heading", { level: 1, name: "Uppföljning år 2" })).toBeVisible();
  await expect(
    page.getByText("Uppföljningen av saknade dokument för mandatperioden 2027–2030 gäller från 2028-01-01."),
  ).toBeVisible();
  await checkPage(page, "oversight-year-two-not-active");
});

test("[R2.10-2] a cleared county head finds a confidential appendix, marked with its OSL ground", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await nav(page).getByRole("link", { name: "Sök i dokument" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sök i dokument" })).toBeVisible();
  await expect(page.getByText("Skriv ett sökord för att söka i länets dokument.")).toBeVisible();
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByText("Skriv minst två tecken.")).toBeVisible();
  await page.getByLabel("Sökord").fill("vattenverk");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "1 träff på ”vattenverk”" })).toBeVisible();
  const hit = page.getByRole("article");
  await expect(
    hit.getByRole("link", { name: /Bilaga 3 Sårbarheter i kritisk infrastruktur Stockholm\.pdf/ }),
  ).toHaveAttribute("href", /\/api\/v1\/document-files\/.+\/content$/);
  await expect(hit).toContainText("Sekretessbelagd enligt 18 kap. 13 § OSL");
  await expect(hit.locator("mark")).toHaveText(["Vattenverk"]);
  await checkPage(page, "oversight-search");
});

test("[R2.10-2] the county head grants and withdraws a clearance", async ({ page }) => {
  await login(page, "lst14-chef@uppsikt.example");
  await nav(page).getByRole("link", { name: "Behörigheter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Behörigheter" })).toBeVisible();
  await checkPage(page, "oversight-clearances");

  await page.getByRole("button", { name: "Ge behörighet" }).click();
  const dialog = page.getByRole("dialog", { name: "Ge behörighet" });
  await dialog.getByLabel("Användare", { exact: true }).selectOption({ label: "Erik Holmgren – länsstyrelsen" });
  await dialog.getByLabel("Omfattning").selectOption({ label: "Ale" });
  await dialog.getByLabel("Anteckning (valfritt)").fill("Sekretessförbindelse dnr 101-1234-2026.");
  await checkPage(page, "oversight-clearance-form");
  await dialog.getByRole("button", { name: "Ge behörighet" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Erik Holmgren har fått behörighet för Ale.")).toBeVisible();
  const row = page.getByRole("row", { name: /Erik Holmgren/ });
  await expect(row).toContainText("Ale");
  await expect(row).toContainText("Aktiv");
  await expect(row).toContainText("Tills vidare");

  await row.getByRole("button", { name: "Återkalla behörigheten för Erik Holmgren, Ale" }).click();
  const confirm = page.getByRole("dialog", { name: "Återkalla behörighet" });
  await expect(confirm).toContainText(
    "Erik Holmgren kommer inte längre att kunna läsa sekretessbelagda uppgifter för Ale.",
  );
  await checkPage(page, "oversight-clearance-withdraw");
  await confirm.getByRole("button", { name: "Återkalla behörigheten" }).click();
  await expect(page.getByText("Behörigheten för Erik Holmgren är återkallad.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Erik Holmgren/ })).toHaveCount(0);
  await page.getByLabel("Visa återkallade och utgångna").check();
  await expect(page.getByRole("row", { name: /Erik Holmgren/ })).toContainText("Återkallad");
});

test("[R2.10-2] a county officer sees their own clearances", async ({ page }) => {
  await login(page, "lst14@uppsikt.example");
  await nav(page).getByRole("link", { name: "Mina behörigheter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mina behörigheter" })).toBeVisible();
  // The clearance granted and withdrawn in the test before.
  await expect(page.getByRole("row", { name: /Ale/ })).toContainText("Återkallad");
  await checkPage(page, "oversight-my-clearances");
});

test("[R4-1] the agency sees the example criteria library", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await nav(page).getByRole("link", { name: "Bedömningskriterier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bedömningskriterier" })).toBeVisible();
  await expect(page.getByText("Exempel – ersätts av den officiella versionen")).toBeVisible();
  await expect(page.getByText("exempel-2026.2").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "RSA – Risk- och sårbarhetsanalys" })).toBeVisible();
  const rsa = page.getByRole("table", { name: "Kriterier i området Risk- och sårbarhetsanalys" });
  await expect(rsa.getByText("Grundläggande krav").first()).toBeVisible();
  await expect(rsa.getByText("Kvalitetsmått").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Importera en version" })).toBeVisible();
  await checkPage(page, "oversight-criteria-agency");
});

test("[R4-1] the agency imports a new library version, activates it and goes back to the example", async ({ page }) => {
  await signIn(page, "agency@uppsikt.example", "Län");
  await page.goto("/kriterier");
  const yaml = await (
    await page.request.get((await page.getByRole("link", { name: "Exportera som YAML" }).getAttribute("href"))!)
  ).text();

  // The same version label again is refused with the server's message.
  await page.getByLabel("Fil", { exact: true }).setInputFiles({
    name: "kriterier.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(yaml),
  });
  await page.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "finns redan" })).toBeVisible();

  const next = yaml
    .replace(/^version: .*$/m, "version: e2e-2026.2")
    .replace(/^name: .*$/m, "name: Gemensamma bedömningskriterier (provversion)")
    .replace(/^sourceReference: .*$/m, "sourceReference: MCF dnr 2026-00001 (prov)")
    .replace(/^isExample: true$/m, "isExample: false");
  await page.getByLabel("Fil", { exact: true }).setInputFiles({
    name: "kriterier-e2e.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(next),
  });
  await page.getByLabel("Gör versionen aktiv direkt").check();
  await page.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByText("Version e2e-2026.2 är importerad och är nu den aktiva versionen.")).toBeVisible();
  await expect(page.getByText("Exempel – ersätts av den officiella versionen")).toHaveCount(0);
  await expect(page.getByText("MCF dnr 2026-00001 (prov)").first()).toBeVisible();
  await checkPage(page, "oversight-criteria-imported");

  await page.getByRole("button", { name: "Aktivera version exempel-2026.2" }).click();
  const confirm = page.getByRole("dialog", { name: "Aktivera version" });
  await expect(confirm).toContainText("Versionen är ett exempel");
  await confirm.getByRole("button", { name: "Aktivera versionen" }).click();
  await expect(page.getByText("Version exempel-2026.2 är nu den aktiva versionen.")).toBeVisible();
  await expect(page.getByText("Exempel – ersätts av den officiella versionen")).toBeVisible();
});

test("[R1-2] a county officer reads the national criteria library but cannot change it", async ({ page }) => {
  await login(page, "lst14@uppsikt.example");
  await nav(page).getByRole("link", { name: "Bedömningskriterier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bedömningskriterier" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Versioner" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Importera en version" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Aktivera/ })).toHaveCount(0);
  await checkPage(page, "oversight-criteria-county");
});

test("[R2.10-1] the agency adds and edits an OSL ground", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await nav(page).getByRole("link", { name: "OSL-grunder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "OSL-grunder" })).toBeVisible();
  await checkPage(page, "oversight-osl-grounds");
  await page.getByRole("button", { name: "Ny sekretessgrund" }).click();
  const dialog = page.getByRole("dialog", { name: "Ny sekretessgrund" });
  await dialog.getByLabel("Hänvisning").fill("19 kap. 1 § OSL");
  await dialog
    .getByLabel("Beskrivning")
    .fill(
      "Uppgifter om en myndighets affärsverksamhet, om det kan antas att det allmänna lider skada om uppgiften röjs.",
    );
  await dialog.getByRole("button", { name: "Lägg till sekretessgrunden" }).click();
  await expect(page.getByText("Sekretessgrunden 19 kap. 1 § OSL är tillagd.")).toBeVisible();

  await page.getByRole("button", { name: "Redigera 19 kap. 1 § OSL" }).click();
  const edit = page.getByRole("dialog", { name: "Redigera sekretessgrund" });
  await edit.getByLabel("Kan väljas som sekretessgrund").uncheck();
  await edit.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByRole("row", { name: /19 kap\. 1 § OSL/ })).toContainText("Kan inte väljas");
});

test("the audit log names the new actions in Swedish", async ({ page }) => {
  await signIn(page, "admin@uppsikt.example", "Användare");
  await page.goto("/logg");
  await page.getByLabel("Åtgärd").selectOption({ label: "Behörighet återkallad" });
  await page.getByRole("button", { name: "Filtrera" }).click();
  await expect(page.locator("tbody tr").first()).toContainText("Behörighet återkallad");
  await expect(page.locator("tbody tr").first()).toContainText("Behörighet");
  await nav(page).getByRole("link", { name: "Behörigheter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Behörigheter" })).toBeVisible();
  await checkPage(page, "oversight-clearances-admin");
});
