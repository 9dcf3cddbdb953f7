import { expect, test } from "@playwright/test";
import { productSlugs, trpcQuery } from "./helpers";

interface Shop {
  slug: string;
}

async function seoOf(page: import("@playwright/test").Page) {
  return {
    title: await page.title(),
    description: await page.locator('meta[name="description"]').getAttribute("content"),
    canonical: await page.locator('link[rel="canonical"]').getAttribute("href"),
    ogTitle: await page.locator('meta[property="og:title"]').getAttribute("content"),
    ogImage: await page.locator('meta[property="og:image"]').first().getAttribute("content"),
    hreflangEn: await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute("href"),
    lang: await page.locator("html").getAttribute("lang"),
  };
}

test("home, category, product and shop pages render server-side in both languages with SEO data", async ({ page, request }) => {
  test.slow(); // sixteen full page loads, each fetched twice
  const [slug] = await productSlugs(request, 1);
  const product = await trpcQuery<{ categoryPath: Array<{ slug: string }>; shop: Shop }>(request, "catalog.get", { slug });
  const paths = ["/", `/category/${product.categoryPath[0].slug}`, `/p/${slug}`, `/s/${product.shop.slug}`];

  for (const path of paths) {
    for (const locale of ["zh", "en"] as const) {
      const url = locale === "en" ? `/en${path === "/" ? "" : path}` : path;
      // Server-rendered: the HTML itself (no JavaScript) already has the content and metadata.
      const html = await (await request.get(url)).text();
      expect(html, url).toContain('rel="canonical"');
      expect(html, url).toContain('property="og:title"');

      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      const seo = await seoOf(page);
      expect(seo.lang, url).toBe(locale === "en" ? "en" : "zh-CN");
      expect(seo.title.length, url).toBeGreaterThan(3);
      expect(seo.description?.length ?? 0, url).toBeGreaterThan(10);
      expect(seo.canonical, url).toMatch(new RegExp(`^https?://[^/]+${url === "/" ? "/?" : url.replace(/[/]/g, "\\/")}$`));
      expect(seo.ogTitle, url).toBeTruthy();
      expect(seo.hreflangEn, url).toContain("/en");
      await expect(page.getByRole("heading", { level: 1 }).first(), url).toBeVisible();
    }
  }
});

test("an English page is in English and the language switch keeps the page", async ({ page, request }) => {
  const [slug] = await productSlugs(request, 1);
  await page.goto(`/en/p/${slug}`);
  await expect(page.getByRole("search").getByRole("combobox")).toHaveAttribute("placeholder", "Search products, shops, creators");
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}$`));
  await expect(page.getByRole("search").getByRole("combobox")).toHaveAttribute("placeholder", "搜索商品、店铺、达人");
});

test("an unknown product gets a helpful 404 page with status 404", async ({ page }) => {
  const res = await page.goto("/p/this-product-does-not-exist");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面走丢了" })).toBeVisible();
  await expect(page.getByRole("link", { name: "回到首页" })).toBeVisible();
});

test("robots.txt and the sitemap index point at every product chunk", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("<sitemapindex");
  expect(index).toContain("/sitemaps/products-0.xml");
  const slugs = await productSlugs(request, 1000);
  expect(slugs.length).toBeGreaterThanOrEqual(300);
});

test("the home page's 'for you' grid arrives server-rendered and loads more on demand", async ({ page, request }) => {
  const html = await (await request.get("/")).text();
  const section = html.slice(html.indexOf('id="home-for-you"'));
  expect((section.match(/href="\/p\//g) ?? []).length).toBe(24);

  await page.goto("/");
  const grid = page.getByRole("region", { name: "为你推荐" });
  await expect(grid.getByRole("link")).toHaveCount(24);
  await grid.getByRole("button", { name: "加载更多" }).click();
  await expect(grid.getByRole("link")).toHaveCount(48);
  const hrefs = await grid.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(new Set(hrefs).size).toBe(48); // the second page continues the list, no repeats
});
