import { expect, test, type Locator, type Page } from "@playwright/test";
import { SHOPPER_STATE, signIn } from "./helpers";

// Queries chosen from the seeded catalog (prisma/seed/catalog-data.ts): several shops sell
// headphones ("耳机") at prices across more than one price band.
const QUERY = "耳机";

const searchBox = (page: Page) => page.getByRole("search").getByRole("combobox");
const results = (page: Page) => page.getByTestId("search-results").getByRole("listitem");

/** "共 12 件商品" → 12 */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("search-count").textContent()) ?? "";
  const digits = text.replace(/[^\d]/g, "");
  expect(digits, `count in "${text}"`).not.toBe("");
  return Number(digits);
}

async function expectCount(page: Page, expected: number) {
  await expect(page.getByTestId("search-count")).toHaveText(new RegExp(`(^|\\D)${expected}(\\D|$)`));
  await expect(results(page)).toHaveCount(Math.min(expected, 24));
}

/** The facet filters: the sidebar on a wide screen, the drawer (opened here) on a phone. */
async function openFacets(page: Page): Promise<Locator> {
  const button = page.getByRole("button", { name: /^筛选/ });
  if (await button.isVisible()) {
    await button.click();
    const dialog = page.getByRole("dialog", { name: "筛选条件" });
    await expect(dialog).toBeVisible();
    return dialog;
  }
  const aside = page.getByRole("complementary", { name: "筛选条件" });
  await expect(aside).toBeVisible();
  return aside;
}

async function closeFacets(page: Page) {
  const dialog = page.getByRole("dialog", { name: "筛选条件" });
  if (await dialog.isVisible()) {
    await dialog.getByRole("button", { name: /^查看/ }).click();
    await expect(dialog).toBeHidden();
  }
}

/** Picks the first value of a facet section; returns the count the facet promised. */
async function pickFacet(page: Page, panel: Locator, facet: string): Promise<{ count: number; urlBefore: string }> {
  const link = panel.getByRole("region", { name: facet }).getByRole("link").first();
  const count = Number(await link.getAttribute("data-count"));
  expect(count).toBeGreaterThan(0);
  const urlBefore = page.url();
  await link.click();
  await expect(page).not.toHaveURL(urlBefore);
  return { count, urlBefore };
}

async function cardPricesFen(page: Page): Promise<number[]> {
  const texts = await results(page).allInnerTexts();
  return texts.map((t) => {
    const m = t.match(/¥([\d,]+)(?:\.(\d{2}))?/);
    expect(m, `price in card "${t}"`).not.toBeNull();
    return Number(m![1].replace(/,/g, "")) * 100 + Number(m![2] ?? 0);
  });
}

test("typing in the header suggests searches; picking one lands on results with the matches marked", async ({ page }) => {
  await page.goto("/");
  const box = searchBox(page);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.click();
  await box.pressSequentially(QUERY);

  const listbox = page.getByRole("listbox", { name: "搜索建议" });
  await expect(listbox).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const options = listbox.getByRole("option");
  await expect(options.first()).toBeVisible();
  // The typed text is marked in the suggestions.
  await expect(options.first().locator("mark")).toHaveText(QUERY);

  // Escape closes the list and keeps the text; ArrowDown opens it again and moves to the first option.
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue(QUERY);
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("ArrowDown");
  const first = options.first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  const picked = ((await first.textContent()) ?? "").replace(/店铺$|Shop$/, "").trim();

  await box.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/search" && url.searchParams.get("q") === picked);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(picked);
  await expect(box).toHaveValue(picked);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(results(page).first()).toBeVisible();
  await expect(results(page).first().locator("mark").first()).not.toBeEmpty();
});

test("pressing Enter searches for exactly what was typed, and results highlight it", async ({ page }) => {
  await page.goto("/en");
  // Typing before the header has hydrated would be reset by hydration.
  await page.waitForLoadState("networkidle");
  const box = searchBox(page);
  await box.fill(QUERY);
  await box.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/en/search" && url.searchParams.get("q") === QUERY);
  await expect(page.getByRole("navigation", { name: "Result types" }).getByRole("link", { name: /Products/ })).toHaveAttribute("aria-current", "page");
  await expect(results(page).first()).toBeVisible();
  // The English titles say "Headphones"/"Earbuds"; the card shows the English title with its own marks or none.
  await expect(page.getByTestId("search-count")).toHaveText(/\d+ products?/);
});

test("facets filter by category and price band, all in the URL; the back button restores the previous results", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  const total = await shownCount(page);
  expect(total).toBeGreaterThan(1);

  let panel = await openFacets(page);
  const category = await pickFacet(page, panel, "分类");
  await expect(page).toHaveURL(/[?&]category=[a-z0-9-]+/);
  await closeFacets(page);
  await expectCount(page, category.count);
  const categoryUrl = page.url();

  panel = await openFacets(page);
  const price = await pickFacet(page, panel, "价格");
  await expect(page).toHaveURL(/[?&]price=[0-9+%A-Z-]+/);
  await expect(page).toHaveURL(/[?&]category=[a-z0-9-]+/);
  await closeFacets(page);
  await expectCount(page, price.count);
  // The chosen filters are chips that remove them.
  await expect(page.getByRole("link", { name: /^移除筛选：/ })).toHaveCount(2);

  await page.goBack();
  await expect(page).toHaveURL(categoryUrl);
  await expectCount(page, category.count);
  await page.goBack();
  await expectCount(page, total);

  // Deep filter combinations are not for the index; the plain query is, with the plain query as canonical.
  await page.goForward();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/search\?q=%E8%80%B3%E6%9C%BA$/);
});

test("sorting by price ascending lists the cheapest first", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  await page.getByRole("navigation", { name: "排序" }).getByRole("link", { name: "价格从低到高" }).click();
  await expect(page).toHaveURL(/[?&]sort=price_asc/);
  await expect(page.getByRole("link", { name: "价格从低到高" })).toHaveAttribute("aria-current", "true");
  const prices = await cardPricesFen(page);
  expect(prices.length).toBeGreaterThan(1);
  for (let i = 1; i < prices.length; i++) expect(prices[i], `price ${i} vs ${i - 1}: ${prices.join(", ")}`).toBeGreaterThanOrEqual(prices[i - 1]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the filter drawer opens, applies a filter, and closes with Escape", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
    await expect(page.getByRole("complementary", { name: "筛选条件" })).toBeHidden();
    const button = page.getByRole("button", { name: /^筛选/ });
    await button.click();
    const dialog = page.getByRole("dialog", { name: "筛选条件" });
    await expect(dialog).toBeVisible();

    const link = dialog.getByRole("region", { name: "价格" }).getByRole("link").first();
    const count = Number(await link.getAttribute("data-count"));
    await link.click();
    await expect(page).toHaveURL(/[?&]price=/);
    // The drawer stays open for the next choice, showing the choice as selected.
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("region", { name: "价格" }).locator('[aria-current="true"]')).toHaveCount(1);
    await dialog.getByRole("button", { name: `查看 ${count} 件商品` }).click();
    await expect(dialog).toBeHidden();
    await expectCount(page, count);
    await expect(button).toContainText("1");

    await button.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});

test("a query that matches nothing still shows products, with a clear message", async ({ page }) => {
  const res = await page.goto("/search?q=zzzzqqq");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: /没有找到/ })).toBeVisible();
  await expect(results(page).first()).toBeVisible();
  expect(await results(page).count()).toBeGreaterThan(0);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("a pinyin query finds headphones", async ({ page }) => {
  await page.goto("/search?q=erji");
  await expect(results(page).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /没有找到/ })).toHaveCount(0);
  const titles = await results(page).allInnerTexts();
  expect(titles.some((t) => t.includes("耳机"))).toBe(true);
});

test("the shops and creators tabs list their matches, with counts in the tabs", async ({ page }) => {
  // Two seeded shops are tea houses (安溪茶农合作社, 普洱古树茶庄).
  await page.goto(`/search?q=${encodeURIComponent("茶")}`);
  const tabs = page.getByRole("navigation", { name: "搜索结果分类" });
  const shopsTab = tabs.getByRole("link", { name: /店铺/ });
  const shopCount = Number(((await shopsTab.textContent()) ?? "").replace(/[^\d]/g, ""));
  expect(shopCount).toBeGreaterThan(0);
  await shopsTab.click();
  await expect(page).toHaveURL(/[?&]tab=shops/);
  await expect(shopsTab).toHaveAttribute("aria-current", "page");
  const shopLinks = page.getByRole("main").locator('a[href^="/s/"]');
  await expect(shopLinks).toHaveCount(Math.min(shopCount, 24));
  await expect(shopLinks.first()).toContainText("茶");

  // Creators have no page yet: their cards are not links.
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}&tab=creators`);
  const creatorsTab = page.getByRole("navigation", { name: "搜索结果分类" }).getByRole("link", { name: /达人/ });
  await expect(creatorsTab).toHaveAttribute("aria-current", "page");
  const creators = page.getByRole("main").getByRole("listitem").filter({ hasText: /@\w+/ });
  await expect(creators.first()).toBeVisible();
  await expect(creators.first().getByRole("link")).toHaveCount(0);
});

test("opening a result records the click without holding up the navigation", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  const first = results(page).first();
  const productId = await first.getAttribute("data-product-id");
  const click = page.waitForRequest((r) => r.url().includes("/api/trpc/search.click") && r.method() === "POST");
  await first.getByRole("link").click();
  const body = (await click).postDataJSON() as { json: { eventId: string; productId: string; position: number } };
  expect(body.json).toMatchObject({ productId, position: 1 });
  expect(body.json.eventId).toBeTruthy();
  // The link carries the attribution (channel=search, the query) to the cart.
  await expect(page).toHaveURL(/\/p\/[a-z0-9-]+\?ch=search&src=/);
});

test("the plain query page is indexable, canonical to itself, with SearchResultsPage data", async ({ request }) => {
  const html = await (await request.get(`/search?q=${encodeURIComponent(QUERY)}&utm_source=x`)).text();
  expect(html).not.toMatch(/<meta name="robots" content="noindex/);
  expect(html).toMatch(/<link rel="canonical" href="[^"]*\/search\?q=%E8%80%B3%E6%9C%BA"/);
  expect(html).toContain('"@type":"SearchResultsPage"');
  expect(html).toContain('"@type":"ItemList"');
  // Unknown parameter values are ignored, never an error.
  const odd = await request.get("/search?q=%E8%80%B3%E6%9C%BA&sort=cheapest&price=free&rating=9999&tab=videos&page=-3&category=%3Cscript%3E");
  expect(odd.status()).toBe(200);
});

test.describe("operators", () => {
  test("an admin sees a query that found nothing in the zero-result list; a shopper cannot open it", async ({ browser }) => {
    const nonsense = `qzxv${Date.now().toString(36)}`;
    const admin = await browser.newContext();
    try {
      const page = await admin.newPage();
      await signIn(page, "admin@demo.mall");
      await page.waitForURL("/");
      await page.goto(`/search?q=${nonsense}`);
      // Never a blank page: the zero-result fallback shows something to buy.
      await expect(results(page).first()).toBeVisible();
      await page.goto("/admin/search");
      await expect(page.getByRole("heading", { level: 1, name: "无结果搜索" })).toBeVisible();
      const row = page.getByRole("row").filter({ hasText: nonsense });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole("cell").nth(1)).toHaveText("1");
    } finally {
      await admin.close();
    }

    const shopper = await browser.newContext({ storageState: SHOPPER_STATE });
    try {
      const res = await (await shopper.newPage()).goto("/admin/search");
      expect(res?.status()).toBe(404);
    } finally {
      await shopper.close();
    }
  });
});
