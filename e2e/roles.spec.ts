import { expect, test } from "@playwright/test";
import { checkPage, login, logout } from "./helpers.js";

test("[R1-1] the login page and the accessibility statement are accessible without login", async ({ page }) => {
  await page.goto("/logga-in");
  await expect(page.getByRole("button", { name: "Logga in" })).toBeVisible();
  await checkPage(page, "login");
  await page.goto("/tillganglighet");
  await expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse för Uppsikt" })).toBeVisible();
  await checkPage(page, "accessibility-statement");
});

test("a wrong password shows the server's Swedish message", async ({ page }) => {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("agency@uppsikt.example");
  await page.getByLabel("Lösenord").fill("fel-lösenord");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("alert")).toContainText("Fel e-postadress eller lösenord.");
});

test("[issue 10] an empty login names the fields in Swedish, with no technical path, and focuses the first", async ({
  page,
}) => {
  await page.goto("/logga-in");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Ange e-postadress.")).toBeVisible();
  await expect(page.getByText("Ange lösenord.")).toBeVisible();
  await expect(page.getByText(/Ogiltig indata|body\./)).toHaveCount(0);
  await expect(page.getByLabel("E-postadress")).toBeFocused();
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
});

test("[issue 10.13] the login page lists the demo accounts; choosing one fills the form and logs in", async ({
  page,
}) => {
  await page.goto("/logga-in");
  const accounts = page.getByRole("region", { name: "Demokonton" });
  await expect(page.getByText("(lösenord för alla: uppsikt-demo).")).toBeVisible();
  await expect(accounts.getByRole("listitem").filter({ hasText: "kommun0180@uppsikt.example" })).toContainText(
    "beredskapssamordnare, Stockholms stad",
  );
  await page.screenshot({ path: "/tmp/login-demo.png", fullPage: true });
  await accounts.getByRole("button", { name: "Fyll i lst01@uppsikt.example" }).click();
  await expect(page.getByLabel("E-postadress")).toHaveValue("lst01@uppsikt.example");
  await expect(page.getByRole("button", { name: "Logga in", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stockholms län");
  await logout(page);
});

test("[R1-1] the agency sees the 21 counties and opens a municipality", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Län" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(22);
  await checkPage(page, "agency-start");
  await page.getByRole("link", { name: "Västra Götalands län" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Västra Götalands län" })).toBeVisible();
  await page.getByRole("link", { name: "Göteborg", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Göteborg" })).toBeVisible();
  await checkPage(page, "agency-municipality");
  await logout(page);
});

test("[R1-1] a county head sees the county's municipalities in Swedish order and opens one", async ({ page }) => {
  await login(page, "lst01@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholms län" })).toBeVisible();
  const names = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(names.length).toBe(26);
  expect(names.at(-1)).toBe("Österåker");
  expect(names.indexOf("Vaxholm")).toBeLessThan(names.indexOf("Värmdö"));
  await checkPage(page, "county-head-start");
  await page.getByLabel("Filtrera kommuner").fill("sund");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: "Sundbyberg" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sundbyberg" })).toBeVisible();
  await checkPage(page, "county-municipality");
});

test("[R1-1] a county officer lands on their county; the municipality page has the six follow-up tabs", async ({
  page,
}) => {
  await login(page, "lst14@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Västra Götalands län" })).toBeVisible();
  await page.getByRole("link", { name: "Ale", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ale" })).toBeVisible();
  for (const tab of ["Dokument", "Dialog", "Årlig uppföljning", "Ekonomi", "Besök", "Åtgärder"])
    await expect(page.getByRole("tab", { name: tab })).toBeVisible();
  await page.getByRole("tab", { name: "Årlig uppföljning" }).click();
  await expect(page.getByRole("tabpanel").first()).toContainText("Årsrapport");
  // The report has tabs of its own (one of them Ekonomi): the municipality page's are in their own list.
  await page.getByRole("tablist", { name: "Delar av uppföljningen" }).getByRole("tab", { name: "Ekonomi" }).click();
  await expect(page.getByTestId("economy-years")).toBeVisible();
  await checkPage(page, "county-officer-municipality");
});

test("[R1-1] a coordinator lands on their own municipality and cannot open another", async ({ page }) => {
  await login(page, "kommun0180@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholm" })).toBeVisible();
  await expect(page.getByLabel("Mandatperiod")).toBeVisible();
  await checkPage(page, "coordinator-start");
  await page.goto("/kommun/1480");
  await expect(page.getByRole("heading", { level: 1, name: "Göteborg" })).toHaveCount(0);
  await logout(page);
});

test("[R1-1] a coordinator of Göteborg lands on Göteborg", async ({ page }) => {
  await login(page, "kommun1480@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Göteborg" })).toBeVisible();
});

test("[R1-1] the administrator manages users and reads the audit log", async ({ page }) => {
  await login(page, "admin@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Användare" })).toBeVisible();
  await checkPage(page, "admin-users");
  await page.goto("/logg");
  await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await checkPage(page, "admin-audit");
});

test("the language switch turns the interface into English", async ({ page }) => {
  await login(page, "agency@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Län" })).toBeVisible();
  await page.getByRole("button", { name: "Språk / Language" }).or(page.getByLabel("Språk / Language")).first().click();
  const english = page.getByRole("menuitem", { name: "English" }).or(page.getByRole("option", { name: "English" }));
  if (await english.count()) await english.first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await checkPage(page, "agency-start-en");
});
