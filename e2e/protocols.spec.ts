import { type Page, expect, test } from "@playwright/test";
import { checkPage, login as signIn, logout, smallPdf } from "./helpers.js";

/**
 * The protocol after a visit (issue 12): the officer writes it on Stockholm's held first visit of 2019–2022 with a
 * measure and a confidential deficiency, sends the draft for factual review, the coordinator comments, the county
 * head approves it, the officer sends it and it is downloaded. The clock is frozen at 2026-11-27.
 */

test.describe.configure({ mode: "serial" });

let visitUrl = "";

async function login(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

async function shot(page: Page, name: string) {
  await checkPage(page, `protocols-${name}`);
  await page.screenshot({ path: `/tmp/protocols-${name}.png`, fullPage: true });
}

async function dismissToast(page: Page, text: string) {
  const toast = page.getByRole("alert").filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Stäng" }).click();
  await expect(toast).toBeHidden();
}

const section = (page: Page) => page.getByRole("region", { name: "Protokoll" });

test("[R2.7-7] [R2.10-1] the officer writes the protocol and sends the draft for factual review", async ({ page }) => {
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180?flik=besok&period=2019");
  await page
    .getByRole("table", { name: "Kommunens besök" })
    .getByRole("row")
    .filter({ hasText: "Första av två" })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Besök i Stockholm" })).toBeVisible();
  visitUrl = page.url();
  const protocol = section(page);
  await expect(protocol.getByTestId("protocol-state")).toHaveText("Utkast");
  await protocol.getByLabel("Det som fungerar väl").fill("Krisledningsnämnden övar två gånger per år.");
  await protocol.getByRole("button", { name: "Lägg till åtgärd" }).click();
  await protocol.getByLabel("Åtgärd 1", { exact: true }).fill("Komplettera RSA:n med beroenden av el.");
  await protocol.getByLabel("Senast (åtgärd 1)").fill("2027-03-31");
  await protocol.getByLabel("Så följer länsstyrelsen upp åtgärd 1").fill("Vid nästa dialogmöte.");
  await protocol.getByRole("button", { name: "Lägg till brist" }).click();
  await protocol.getByLabel("Brist 1", { exact: true }).fill("Reservkraften vid Lovö vattenverk räcker inte.");
  await protocol.getByLabel("Brist 1 omfattas av sekretess").check();
  await protocol.getByRole("button", { name: "Spara protokollet" }).click();
  await expect(protocol.getByText("Välj sekretessgrund.")).toBeVisible();
  await protocol.getByLabel("Sekretessgrund för brist 1").selectOption({ index: 1 });
  await protocol.getByLabel("Kommunens åtgärdsplan senast").fill("2027-01-31");
  await protocol.getByRole("button", { name: "Spara protokollet" }).click();
  await dismissToast(page, "Protokollet är sparat.");
  await expect(protocol.getByRole("link", { name: "Hemlig bilaga som PDF" })).toBeVisible();
  await shot(page, "draft");

  await protocol.getByRole("button", { name: "Skicka på sakgranskning" }).click();
  const review = page.getByRole("dialog", { name: "Skicka utkastet på sakgranskning" });
  await review.getByRole("button", { name: "Bekräfta" }).click();
  await dismissToast(page, "Utkastet är skickat på sakgranskning.");
  await expect(protocol.getByTestId("protocol-state")).toHaveText(
    "På sakgranskning hos kommunen, svar senast 2026-12-18",
  );
  await logout(page);
});

test("[R2.7-7] the coordinator reads the draft out for review and comments", async ({ page }) => {
  await login(page, "kommun0180@uppsikt.example");
  await page.goto(visitUrl);
  const protocol = section(page);
  await expect(protocol.getByText("Länsstyrelsens utkast, skickat till kommunen för sakgranskning.")).toBeVisible();
  await expect(protocol.getByText("Komplettera RSA:n med beroenden av el.", { exact: false })).toBeVisible();
  // The coordinator is cleared for Stockholm: the confidential deficiency shows, marked as such.
  await expect(protocol.getByText("Reservkraften vid Lovö vattenverk räcker inte.")).toBeVisible();
  await expect(protocol.getByText(/sekretess enligt .*, i den hemliga bilagan/)).toBeVisible();
  await protocol.getByRole("button", { name: "Lämna synpunkten" }).click();
  await expect(protocol.getByLabel("Din synpunkt på utkastet")).toBeFocused();
  await protocol.getByLabel("Din synpunkt på utkastet").fill("Övningen hölls i oktober, inte i september.");
  await protocol.getByRole("button", { name: "Lämna synpunkten" }).click();
  await dismissToast(page, "Synpunkten är lämnad.");
  await expect(protocol.getByText("Övningen hölls i oktober, inte i september.")).toBeVisible();
  await shot(page, "coordinator-review");
  await logout(page);

  // The municipality's leadership is not cleared: it reads the draft without the confidential part.
  await login(page, "kommun0180-ledning@uppsikt.example");
  await page.goto(visitUrl);
  await expect(
    section(page).getByText(/^Sekretessbelagd \(.*\)\. Du har inte behörighet att läsa den\.$/),
  ).toBeVisible();
  await expect(section(page).getByText("Lovö")).toHaveCount(0);
  await expect(section(page).getByRole("button", { name: "Lämna synpunkten" })).toHaveCount(0);
  await logout(page);
});

test("[R2.7-7] the county head approves and the officer sends the protocol, which is then downloaded", async ({
  page,
}) => {
  await login(page, "lst01@uppsikt.example");
  await page.goto(visitUrl);
  const protocol = section(page);
  await expect(protocol.getByText("Övningen hölls i oktober, inte i september.")).toBeVisible();
  // The county head edits the county's fixed texts of protocols.
  await protocol.getByRole("button", { name: "Ändra mallen för protokoll" }).click();
  const template = page.getByRole("dialog", { name: "Länets mall för protokoll" });
  await expect(template.getByText("Länet använder standardtexterna.")).toBeVisible();
  await template
    .getByLabel("Avslutning (Frågor och fortsatt uppföljning)")
    .fill("Frågor om protokollet besvaras av Johan Bergström, 010-223 10 00.");
  await template.getByRole("button", { name: "Spara mallen" }).click();
  await dismissToast(page, "Mallen för protokoll är sparad.");
  await protocol.getByRole("button", { name: "Godkänn protokollet" }).click();
  await page
    .getByRole("dialog", { name: "Godkänn protokollet" })
    .getByRole("button", { name: "Godkänn protokollet" })
    .click();
  await dismissToast(page, "Protokollet är godkänt.");
  await expect(protocol.getByTestId("protocol-state")).toHaveText(/^Godkänt för att skickas av /);
  await logout(page);

  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto(visitUrl);
  await section(page).getByRole("button", { name: "Skicka protokollet" }).click();
  const send = page.getByRole("dialog", { name: "Skicka protokollet" });
  await send.getByLabel("Länsstyrelsens diarienummer").fill("451-2231-2026");
  await send.getByLabel("Skickat den").fill("2026-11-27");
  await send.getByRole("button", { name: "Skicka protokollet" }).click();
  await dismissToast(page, "Protokollet är skickat.");
  await expect(section(page).getByTestId("protocol-state")).toHaveText("Skickat");
  await expect(page.getByTestId("visit-Status")).toHaveText("Protokoll skickat");
  const versions = page.getByRole("table", { name: "Skickade versioner" });
  await expect(versions.getByRole("row")).toHaveCount(2);
  await expect(versions).toContainText("451-2231-2026");
  const download = page.waitForEvent("download");
  await section(page).getByRole("link", { name: "Protokollet som PDF" }).click();
  expect((await download).suggestedFilename()).toMatch(/^protokoll-Stockholm-.*-v1\.pdf$/);
  await shot(page, "sent");
});

test("[R2.7-8] the coordinator reports the action done with a file; the officer sends it back and verifies another", async ({
  page,
}) => {
  await login(page, "kommun0180@uppsikt.example");
  await page.goto("/kommun/0180?flik=atgarder&period=2019");
  const actions = page.getByRole("list", { name: "Kommunens åtgärder" });
  const card = actions.getByTestId("action-card").filter({ hasText: "Komplettera RSA:n med beroenden av el." });
  await expect(card.getByTestId("action-status")).toHaveText("Planerad");
  await expect(card).toContainText("Från protokollet");
  await expect(card).toContainText("Ingen ansvarig utsedd");
  await card.getByRole("button", { name: "Ändra ansvarig och steg" }).click();
  const edit = page.getByRole("dialog", { name: "Ansvarig och steg för åtgärden" });
  await edit.getByLabel("Ansvarig vid kommunen").fill("Anders Wikström");
  await edit.getByLabel("Steg (frivilligt)").fill("1. Gå igenom elberoenden. 2. Beslut i kommunstyrelsen.");
  await edit.getByRole("button", { name: "Spara" }).click();
  await dismissToast(page, "Åtgärden är ändrad.");
  await expect(card).toContainText("Ansvarig: Anders Wikström");
  await card.getByRole("button", { name: "Rapportera genomförd" }).click();
  const dialog = page.getByRole("dialog", { name: "Rapportera åtgärden som genomförd" });
  await dialog.getByLabel("Vad kommunen har gjort").fill("RSA:n är kompletterad med beroenden av el, se bilagan.");
  await dialog.getByLabel("Filer som visar det (PDF, Word eller ODT)").setInputFiles({
    name: "Komplettering RSA Stockholm.pdf",
    mimeType: "application/pdf",
    buffer: smallPdf(),
  });
  await dialog.getByRole("button", { name: "Rapportera", exact: true }).click();
  await dismissToast(page, "Åtgärden är rapporterad som genomförd.");
  await expect(card.getByTestId("action-status")).toHaveText("Rapporterad som genomförd");
  await expect(card.getByRole("link", { name: /Komplettering RSA Stockholm\.pdf/ })).toBeVisible();
  await shot(page, "actions-coordinator");
  await logout(page);

  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180?flik=atgarder&period=2019");
  const reported = page.getByTestId("action-card").filter({ hasText: "Komplettera RSA:n med beroenden av el." });
  await reported.getByRole("button", { name: "Skicka tillbaka" }).click();
  const back = page.getByRole("dialog", { name: "Skicka tillbaka åtgärden" });
  await back
    .getByLabel("Varför åtgärden inte är genomförd")
    .fill("Kompletteringen saknar elektroniska kommunikationer.");
  await back.getByRole("button", { name: "Skicka tillbaka" }).click();
  await dismissToast(page, "Åtgärden är tillbakaskickad.");
  await expect(reported.getByTestId("action-status")).toHaveText("Pågår");
  await reported.getByText("Historik").click();
  await expect(reported).toContainText("Kompletteringen saknar elektroniska kommunikationer.");

  // The demo's own action of Stockholm in the current period, reported done, is verified.
  await page.goto("/kommun/0180?flik=atgarder&period=2023");
  const contacts = page.getByTestId("action-card").filter({ hasText: "Uppdatera kontaktlistan" });
  await expect(contacts.getByTestId("action-status")).toHaveText("Rapporterad som genomförd");
  await expect(page.getByText("Försenad").first()).toBeVisible();
  await contacts.getByRole("button", { name: "Verifiera" }).click();
  await dismissToast(page, "Åtgärden är verifierad.");
  await expect(contacts.getByTestId("action-status")).toHaveText("Verifierad");
  await shot(page, "actions-county");
});
