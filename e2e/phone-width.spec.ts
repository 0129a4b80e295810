import { type Page, expect, test } from "@playwright/test";
import { checkPage, login, logout } from "./helpers.js";

/**
 * Issue 10, items 9 and 16: at phone width (390 × 844) no page is wider than the viewport (every table scrolls
 * sideways in its own container), for every page each demo role's menu offers and the county and municipality
 * pages beneath them; and the menus and follow-up owner lists name nothing twice.
 */

const WIDTH = 390;
const TAB_SLUGS = ["dokument", "dialog", "arsrapport", "besok", "atgarder", "ekonomi"];
const nav = (page: Page) => page.getByRole("navigation", { name: "Huvudmeny" });

/** The pages of the signed-in user's main menu (inside the app; the API documentation is for developers). */
async function menuPages(page: Page): Promise<string[]> {
  await nav(page).locator("a[href]").first().waitFor({ state: "attached" });
  const hrefs = await nav(page)
    .locator("a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("/api/")))];
}

/**
 * The elements that make the page wide, widest first, as `tag.class[data-testid] "text"` with their right edge:
 * those that stick out of the viewport and are not clipped by a scroll container that fits (an absolutely
 * positioned element escapes the containers between it and its containing block).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const right = (el: Element) => el.getBoundingClientRect().right + window.scrollX;
    const clipped = (el: Element) => {
      let position = getComputedStyle(el).position;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (position === "fixed") return false;
        const style = getComputedStyle(a);
        const containing = position !== "absolute" || style.position !== "static" || style.transform !== "none";
        if (!containing) continue;
        if (style.overflowX !== "visible" && right(a) <= width + 0.5) return true;
        position = style.position;
      }
      return false;
    };
    const describe = (el: Element) => {
      const classes = [...el.classList].slice(0, 3).join(".");
      const testId = el.getAttribute("data-testid");
      const label = el.getAttribute("aria-label");
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      return (
        `${el.tagName.toLowerCase()}${classes ? `.${classes}` : ""}` +
        `${testId ? `[data-testid=${testId}]` : ""}${label ? `[aria-label="${label}"]` : ""}` +
        ` "${text}" (right edge ${Math.round(right(el))} px, width ${Math.round(el.getBoundingClientRect().width)} px)`
      );
    };
    const wide = [...document.querySelectorAll("body *")].filter((el) => right(el) > width + 0.5 && !clipped(el));
    // The outermost of them (whose parent fits) are where the overflow starts.
    const set = new Set(wide);
    return wide
      .filter((el) => !el.parentElement || !set.has(el.parentElement))
      .sort((a, b) => right(b) - right(a))
      .slice(0, 5)
      .map(describe);
  }, WIDTH);
}

/** Opens a page and checks that it is no wider than the phone. */
async function fits(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Only what is shown: a hidden tab panel is rendered ahead but runs no effects (React's Activity) until opened.
  await expect(page.getByText("Hämtar uppgifter …").filter({ visible: true })).toHaveCount(0);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const offenders = scrollWidth > WIDTH ? await overflowing(page) : [];
  expect
    .soft(
      scrollWidth,
      `${path} is ${scrollWidth} px wide at ${WIDTH} px; widest elements: ${offenders.join("; ") || "(none found)"}`,
    )
    .toBeLessThanOrEqual(WIDTH);
}

/** A visit of the municipality, from its Besök tab. */
async function visitPage(page: Page, code: string): Promise<string | null> {
  await page.goto(`/kommun/${code}?flik=besok`);
  await expect(page.getByRole("tab", { name: "Besök", selected: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const href = await page.locator('a[href^="/besok/"]').first().getAttribute("href", { timeout: 10_000 });
  return href;
}

test.use({ viewport: { width: WIDTH, height: 844 } });

const ROLES: { email: string; municipality?: string; county?: string }[] = [
  { email: "agency@uppsikt.example", municipality: "0180", county: "01" },
  { email: "lst01@uppsikt.example", municipality: "0180", county: "01" },
  { email: "lst01-handlaggare@uppsikt.example", municipality: "0180", county: "01" },
  { email: "kommun0180@uppsikt.example", municipality: "0180" },
  { email: "admin@uppsikt.example" },
];

for (const role of ROLES) {
  test(`[issue 10.9] no page is wider than a 390 px phone for ${role.email}`, async ({ page }) => {
    test.setTimeout(240_000);
    await login(page, role.email);
    await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
    const pages = await menuPages(page);
    expect(pages.length, "the menu offers pages").toBeGreaterThan(0);
    if (role.county) {
      // The plan of the next period has the proposal's form for a county head.
      pages.push(
        `/lan/${role.county}`,
        `/lan/${role.county}/besoksplan`,
        `/lan/${role.county}/besoksplan?period=2027`,
        `/lan/${role.county}/ekonomi`,
      );
      // The county's own page row, where it is shown (the agency).
      await page.goto(`/lan/${role.county}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const row = page.getByRole("navigation", { name: /^Sidor för / });
      if ((await row.count()) > 0)
        pages.push(
          ...(await row.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))),
        );
    }
    if (role.municipality) {
      pages.push(`/kommun/${role.municipality}`);
      for (const slug of TAB_SLUGS) pages.push(`/kommun/${role.municipality}?flik=${slug}`);
      const visit = await visitPage(page, role.municipality);
      if (visit) pages.push(visit);
    }
    for (const path of [...new Set(pages)]) await fits(page, path);
    await logout(page);
  });
}

test("[issue 10.9] the pages whose tables, charts and fields were made to fit are accessible at phone width", async ({
  page,
}) => {
  await login(page, "lst01@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholms län" })).toBeVisible();
  await checkPage(page, "phone-county");
  await page.goto("/lan/01/ekonomi");
  await expect(page.getByTestId("share-distribution")).toBeVisible();
  await checkPage(page, "phone-county-economy");
  await page.goto("/kommun/0180?flik=ekonomi");
  await expect(page.getByRole("tab", { name: "Ekonomi", selected: true })).toBeVisible();
  await checkPage(page, "phone-municipality-economy");
  const visit = await visitPage(page, "0180");
  await page.goto(visit!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkPage(page, "phone-visit");
});

for (const email of ["kommun0180@uppsikt.example", "lst01-handlaggare@uppsikt.example"])
  test(`[issue 10.16] ${email} finds Mina behörigheter under Mitt konto, with no administration part`, async ({
    page,
  }) => {
    await login(page, email);
    await page.getByRole("button", { name: "Visa eller dölj menyn" }).click();
    await expect(nav(page).getByRole("list", { name: "Mitt konto" }).getByRole("link")).toHaveText([
      "Mina behörigheter",
    ]);
    await expect(nav(page).getByText("Administration", { exact: true })).toHaveCount(0);
  });

test("[issue 10.16] a county officer's county page has no row of links repeating the menu", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "lst01-handlaggare@uppsikt.example");
  await expect(page.getByRole("heading", { level: 1, name: "Stockholms län" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Dokumentöversikt" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: /^Sidor för / })).toHaveCount(0);
  await page.goto("/lan/01/dokument");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: /^Sidor för / })).toHaveCount(0);
});

test("[issue 10.16] a follow-up's owner list names each person once", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "lst01-handlaggare@uppsikt.example");
  await page.goto("/kommun/0180?flik=dialog");
  await page.getByRole("button", { name: "Ny dialogpost" }).click();
  const form = page.getByRole("dialog", { name: "Ny dialogpost" });
  await form.getByRole("button", { name: "Lägg till uppföljningspunkt" }).click();
  const owner = form.getByLabel("Ansvarig (punkt 1)");
  await expect(owner.locator("option").first()).toBeAttached();
  const labels = await owner.locator("option").allTextContents();
  const values = await owner.locator("option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  expect(new Set(values).size, values.join(", ")).toBe(values.length);
  // The author is offered first, as the author, and not again by name among the county's users.
  const author = labels[0]!;
  expect(author).toMatch(/^Jag – /);
  const name = author.slice("Jag – ".length);
  expect(
    labels.filter((l) => l.includes(name)),
    labels.join(", "),
  ).toHaveLength(1);
  expect(new Set(labels).size, labels.join(", ")).toBe(labels.length);
});
