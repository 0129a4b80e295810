import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn, logout } from "./helpers.js";

/**
 * Formal follow-up visits (issue 11): the county head proposes and publishes the visit plan, the coordinator sees
 * the planned visit, the officer prepares and holds it (participants and their warnings), selects criteria (every
 * area touched) and assesses it with an override. The clock is frozen at 2026-11-27 (period 2023–2026, whose plans
 * the demo has published); the story is played in the next period, 2027–2030, which no county has planned yet. The
 * tests run in order on one fresh database.
 */

test.describe.configure({ mode: "serial" });

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** The axe check and the page's screenshot, also kept as /tmp/visits-<name>.png to be read. */
async function shot(page: Page, name: string) {
  await checkPage(page, `visits-${name}`);
  await page.screenshot({ path: `/tmp/visits-${name}.png`, fullPage: true });
}

async function dismissToast(page: Page, text: string) {
  const toast = page.getByRole("alert").filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Stäng" }).click();
  await expect(toast).toBeHidden();
}

const coverage = (page: Page, label: string) =>
  page.locator("dl").filter({ hasText: "Kommuner utan besök" }).locator("div").filter({ hasText: label }).locator("dd");

test("[R2.7-3] [R2.7-1] the county head proposes the visit plan and publishes it", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Besöksplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Besöksplan" })).toBeVisible();
  // The demo's plan for the current period is published.
  await expect(page.getByText(/^Publicerad /)).toBeVisible();
  await page.goto("/lan/01/besoksplan?period=2027");
  await expect(page.getByText("Utkast – inte publicerat för kommunerna")).toBeVisible();
  await expect(coverage(page, "Kommuner utan besök")).toHaveText("26");
  await shot(page, "plan-draft");

  await page.getByLabel("Besök per år").fill("12");
  await page.getByRole("button", { name: "Föreslå plan" }).click();
  const propose = page.getByRole("dialog", { name: "Föreslå besöksplan" });
  await expect(propose).toContainText("Alla planerade besök ersätts");
  await propose.getByRole("button", { name: "Ersätt planerade besök" }).click();
  await dismissToast(page, "Besöksplanen är föreslagen.");
  await expect(coverage(page, "Kommuner utan besök")).toHaveText("0");
  // The table is in Swedish order: Österåker last.
  await expect(
    page
      .locator("tbody tr")
      .filter({ has: page.getByRole("rowheader") })
      .first(),
  ).toBeVisible();
  const plan = page.getByRole("table", { name: "Besök per kommun" });
  await expect(plan.getByRole("rowheader").last()).toHaveText("Österåker");
  await expect(
    plan
      .getByRole("row", { name: /Stockholm/ })
      .getByRole("link", { name: /Öppna besöket/ })
      .first(),
  ).toBeVisible();

  await page.getByRole("button", { name: "Publicera", exact: true }).click();
  const publish = page.getByRole("dialog", { name: "Publicera besöksplanen" });
  await publish.getByRole("button", { name: "Publicera för kommunerna" }).click();
  await dismissToast(page, "Besöksplanen är publicerad.");
  await expect(page.getByText("Publicerad 2026-11-27")).toBeVisible();
  const revisions = page.getByRole("table", { name: "Besöksplanens revisioner" });
  await expect(revisions.getByRole("row")).toHaveCount(3);
  await expect(revisions).toContainText("Karin Lindqvist");
  await expect(revisions).toContainText("Planen publicerad för kommunerna.");
  // R2.9-1: the information letter per municipality and the plan as Excel; the head edits the letter's template.
  await expect(
    plan
      .getByRole("row", { name: /Stockholm/ })
      .getByRole("link", { name: /Informationsbrevet till Stockholm som PDF/ }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Besöksplanen som Excel" })).toBeVisible();
  await page.getByRole("button", { name: "Ändra mallen för informationsbrevet" }).click();
  const template = page.getByRole("dialog", { name: "Mallen för informationsbrevet" });
  await expect(template.getByText("Länet använder standardtexterna.")).toBeVisible();
  await template.getByLabel("Syftet med uppföljningen").fill("");
  await template.getByRole("button", { name: "Spara mallen" }).click();
  await expect(template.getByLabel("Syftet med uppföljningen")).toBeFocused();
  await template
    .getByLabel("Syftet med uppföljningen")
    .fill("Länsstyrelsen följer upp kommunens arbete med krisberedskap.");
  await template.getByLabel("Avslutning (frågor och kontakt)").fill("Frågor besvaras av Sara Nyström, 010-223 10 00.");
  await shot(page, "plan-template");
  await template.getByRole("button", { name: "Spara mallen" }).click();
  await dismissToast(page, "Mallen för informationsbrevet är sparad.");
  await shot(page, "plan-published");
});

test("[R2.7-3] the coordinator sees Stockholm's planned visit once the plan is published", async ({ page }) => {
  await login(page, "kommun0180@uppsikt.example");
  await page.goto("/kommun/0180?flik=besok&period=2027");
  await expect(page.getByRole("tab", { name: "Besök", selected: true })).toBeVisible();
  const visits = page.getByRole("table", { name: "Kommunens besök" });
  await expect(visits.getByText("Planerat").first()).toBeVisible();
  await shot(page, "municipality-tab");
  await visits.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Besök i Stockholm" })).toBeVisible();
  await expect(page.getByText("Du kan läsa besöket men inte ändra det.")).toBeVisible();
  await expect(page.getByText("Länsstyrelsens anteckningar och bedömning visas inte för kommunen.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kriterier" })).toHaveCount(0);
  await shot(page, "visit-coordinator");
});

test("[R2.7-1] the agency reads the published plan and the national coverage, never a draft", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Besökstäckning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Besökstäckning" })).toBeVisible();
  await page.goto("/besokstackning?period=2027");
  await expect(page.getByRole("heading", { level: 1, name: "Besökstäckning" })).toBeVisible();
  const table = page.getByRole("table", { name: "Besökstäckning per län" });
  await expect(table.getByRole("row", { name: /Stockholms län/ })).toContainText("Publicerad");
  await expect(table.getByRole("row", { name: /Västra Götalands län/ })).toContainText("Inte publicerad");
  await shot(page, "national");
  await table.getByRole("link", { name: "Stockholms län" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Besöksplan" })).toBeVisible();
  await expect(page.getByText(/^Publicerad /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Föreslå plan" })).toHaveCount(0);
  await page.goto("/lan/14/besoksplan?period=2027");
  await expect(page.getByText("Länet har inte publicerat någon besöksplan för perioden.")).toBeVisible();
});

test("[R2.7-2] [R2.7-6] [R2.8-1] the officer holds the visit, selects criteria and assesses it with an override", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180?flik=besok&period=2027");
  await page.getByRole("table", { name: "Kommunens besök" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Besök i Stockholm" })).toBeVisible();
  const warnings = page.getByRole("list", { name: "Varningar" });
  await expect(warnings).toContainText("Varning: Kommunledningen saknas");
  await expect(warnings).toContainText("Råd: Den politiska ledningen saknas");
  await expect(warnings).toContainText("Kommunledningen ska delta");
  await expect(page.getByRole("heading", { name: "Dokumentens granskning under perioden" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Begäranden om kompletteringar" })).toBeVisible();
  await shot(page, "visit-planned");

  // Preparation (R2.10-3, R2.7-5) and the invited participants: the coordinator only.
  await page.getByLabel("Lokalen är lämplig för att dela sekretessbelagd information").check();
  await page.getByLabel("Samordnat med tillsynen enligt LSO").check();
  await page.getByLabel("Tillsynens diarienummer").fill("LSO 2026-114");
  await page.getByRole("button", { name: "Lägg till deltagare" }).click();
  await page.getByLabel("Namn på deltagare 1").fill("Anders Wikström");
  await page.getByLabel("Roll för deltagare 1").selectOption({ label: "Beredskapssamordnare" });
  await page.getByRole("button", { name: "Spara", exact: true }).first().click();
  await dismissToast(page, "Besöket är sparat.");
  await expect(warnings).toContainText("Varning: Kommunledningen saknas");
  await expect(warnings).not.toContainText("Beredskapssamordnaren saknas");

  // The chief executive joins: the leadership warning is gone.
  await page.getByRole("button", { name: "Lägg till deltagare" }).click();
  await page.getByLabel("Namn på deltagare 2").fill("Eva Strand");
  await page.getByLabel("Roll för deltagare 2").selectOption({ label: "Kommundirektör" });
  await page.getByLabel("Datum då besöket hölls").fill("2026-11-20");
  await page.getByLabel("Plats").fill("Stadshuset, Stockholm");
  await page.getByLabel("Det som fungerar väl").fill("Krisledningsnämnden övar två gånger per år.");
  await page.getByRole("button", { name: "Spara", exact: true }).first().click();
  await dismissToast(page, "Besöket är sparat.");
  await expect(warnings).not.toContainText("Kommunledningen saknas");
  await expect(warnings).toContainText("Råd: Den politiska ledningen saknas");
  await expect(page.getByText("Hållet", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Deltagare 2 deltog")).toBeChecked();

  // Criteria: the warning stays until every area is touched.
  const untouched = page.getByTestId("untouched-areas");
  await expect(untouched).toBeVisible();
  await page.getByLabel(/^RSA-1 /).check();
  await page.getByRole("button", { name: "Spara kriterierna" }).click();
  await dismissToast(page, "Kriterierna är sparade.");
  await expect(untouched).toBeVisible();
  await expect(untouched).not.toContainText("RSA – Risk");
  await shot(page, "visit-criteria-untouched");
  await page.getByRole("button", { name: "Föreslå kriterier" }).click();
  await expect(page.getByText("Förslaget är ifyllt. Spara för att behålla det.")).toBeVisible();
  await expect(untouched).toBeHidden();
  await page.getByRole("button", { name: "Spara kriterierna" }).click();
  await dismissToast(page, "Kriterierna är sparade.");
  await expect(page.getByText("Varje område har minst ett valt kriterium.")).toBeVisible();

  // Assessment: RSA-1 met; the area is overridden with a reason, the computed value stays beside it.
  await page.getByLabel("Resultat för RSA-1").selectOption({ label: "Uppfyllt" });
  await page.getByLabel("Anteckning för RSA-1").fill("Analysen är beslutad av fullmäktige.");
  await page.locator("input").and(page.getByLabel("Lägg till underlag för RSA-1")).click();
  await page
    .getByRole("option", { name: /^Risk- och sårbarhetsanalys \(RSA\) 2023–2026, version/ })
    .first()
    .click();
  await page.keyboard.press("Escape");
  const rsa = page.getByTestId("area-RSA");
  await rsa.getByLabel(/^Avsteg för RSA/).selectOption({ label: "Delvis uppfyllt" });
  await page.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(page.getByText("Skriv skälet till avsteget.")).toBeVisible();
  await rsa.getByLabel(/^Skäl till avsteget för RSA/).fill("Analysen saknar kommunens beroenden av el.");
  await page.getByRole("button", { name: "Spara bedömningen" }).click();
  await dismissToast(page, "Bedömningen är sparad.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Besök i Stockholm" })).toBeVisible();
  const area = page.getByTestId("area-RSA");
  await expect(area.getByRole("cell").nth(0)).toHaveText("Uppfyllt");
  await expect(area.getByRole("cell").nth(1)).toContainText("Delvis uppfyllt");
  await expect(area.getByRole("cell").nth(1)).toContainText("Avsteg: Analysen saknar kommunens beroenden av el.");
  await expect(area.getByLabel(/^Skäl till avsteget för RSA/)).toHaveValue(
    "Analysen saknar kommunens beroenden av el.",
  );
  await expect(
    page
      .getByRole("list", { name: "Underlag för RSA-1" })
      .getByText(/^Risk- och sårbarhetsanalys \(RSA\) 2023–2026, version \d+, beslutad/),
  ).toBeVisible();
  await shot(page, "visit-assessed");

  // Every save sends the version it loaded: a save over someone else's change is refused in Swedish (409).
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByLabel("Plats").fill("Stadshuset, Ragnar Östbergs sal");
  await other.getByRole("button", { name: "Spara", exact: true }).first().click();
  await expect(other.getByRole("alert").filter({ hasText: "Besöket är sparat." })).toBeVisible();
  await other.close();
  await page.getByLabel("Plats").fill("Stadshuset, Stockholm (entré Hantverkargatan)");
  await page.getByRole("button", { name: "Spara", exact: true }).first().click();
  await expect(page.getByText("Besöket har ändrats sedan du öppnade det.").first()).toBeVisible();
  await logout(page);
});

test("[R2.7-3] [R2.7-1] the officer moves a planned visit and cancels another, each with a reason", async ({
  page,
}) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180?flik=besok&period=2027");
  const list = page.getByRole("table", { name: "Kommunens besök" });
  await list.getByRole("link").last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Besök i Stockholm" })).toBeVisible();
  const planning = page.getByRole("region", { name: "Planeringen" });
  await planning.getByLabel("Månad eller datum").fill("2030-05-12");
  await planning.getByRole("button", { name: "Spara planeringen" }).click();
  await expect(planning.getByText("Skriv skälet till ändringen.")).toBeVisible();
  await expect(planning.getByLabel("Skäl till ändringen")).toBeFocused();
  await planning.getByLabel("Skäl till ändringen").fill("Kommunen byter kommundirektör våren 2030.");
  await planning.getByRole("button", { name: "Spara planeringen" }).click();
  await dismissToast(page, "Planeringen är ändrad.");
  await expect(page.getByTestId("visit-Planerat")).toHaveText("2030-05-12");
  await shot(page, "visit-planning");

  await page.getByRole("button", { name: "Ställ in besöket" }).click();
  const dialog = page.getByRole("dialog", { name: "Ställ in besöket" });
  await dialog.getByLabel("Skäl till ändringen").fill("Ett besök räcker: kommunens dokument är godkända.");
  await dialog.getByRole("button", { name: "Ställ in", exact: true }).click();
  await dismissToast(page, "Besöket är inställt.");
  await expect(page.getByTestId("visit-Status")).toHaveText("Inställt");
  await expect(page.getByRole("region", { name: "Planeringen" })).toHaveCount(0);

  // The plan's revisions name each change and its reason.
  await page.goto("/lan/01/besoksplan?period=2027");
  const revisions = page.getByRole("table", { name: "Besöksplanens revisioner" });
  await expect(revisions).toContainText("Kommunen byter kommundirektör våren 2030.");
  await expect(revisions).toContainText("Ett besök räcker: kommunens dokument är godkända.");
});
