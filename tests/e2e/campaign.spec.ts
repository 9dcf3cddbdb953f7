// Campaigns in a real browser: the home page shows the running campaign, its page counts down and
// lists goods at the campaign price, the product page shows the campaign band, and the cart charges
// the campaign price. An ended campaign stays viewable with prices back to normal.
import { expect, test } from "@playwright/test";
import { trpcQuery, yuan } from "./helpers";

// Pages render on demand against a dev server too; give first compiles room.
test.describe.configure({ timeout: 240_000 });

interface ProductDetail {
  id: string;
  slug: string;
  options: Array<{ values: Array<{ id: string; valueZh: string }> }>;
  variants: Array<{ id: string; optionValueIds: string[]; priceFen: number }>;
}
interface CampaignPrices {
  campaign: { id: string; slug: string };
  variants: Array<{ variantId: string; priceFen: number; regularPriceFen: number; isCampaign: boolean }>;
}

test("home → running campaign → product at the campaign price → cart charges it", async ({ page, request }) => {
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const strip = page.getByRole("region", { name: "活动会场" });
  await expect(strip).toBeVisible();
  await strip.getByRole("link", { name: /双11返场/ }).first().click();
  await page.waitForURL(/\/campaign\/double11-encore$/);
  await expect(page.getByRole("heading", { level: 1, name: /双11返场/ })).toBeVisible();
  await expect(page.getByRole("timer").first()).toContainText("距结束");

  const card = page.getByTestId("campaign-product").first();
  const cardPrice = (await card.getByTestId("campaign-product-price").textContent())!.trim();
  await expect(card.locator("s")).toBeVisible(); // the regular price, struck through
  const href = (await card.getAttribute("href"))!;
  expect(href).toMatch(/^\/p\/[a-z0-9-]+\?ch=campaign&src=campaign_double11-encore$/);

  // Which SKU is in the campaign, and at what price (the server's numbers).
  const slug = /^\/p\/([a-z0-9-]+)/.exec(href)![1];
  const product = await trpcQuery<ProductDetail>(request, "catalog.get", { slug });
  const prices = await trpcQuery<CampaignPrices>(request, "campaign.productPrices", { productId: product.id });
  const enrolled = prices.variants.filter((v) => v.isCampaign).sort((a, b) => a.priceFen - b.priceFen)[0];
  expect(yuan(enrolled.priceFen)).toBe(cardPrice);

  await card.click();
  await page.waitForURL(/ch=campaign/);
  const band = page.getByTestId("campaign-price-band");
  await expect(band).toBeVisible();
  await expect(band.getByRole("link", { name: /双11返场/ })).toHaveAttribute("href", "/campaign/double11-encore");
  await expect(band.getByRole("timer")).toBeVisible();
  const variant = product.variants.find((v) => v.id === enrolled.variantId)!;
  for (const option of product.options) {
    const value = option.values.find((v) => variant.optionValueIds.includes(v.id));
    if (value) await page.getByRole("radio", { name: value.valueZh, exact: true }).click();
  }
  await expect(band.getByTestId("campaign-price")).toHaveText(yuan(enrolled.priceFen));
  await expect(band.locator("s")).toContainText(yuan(enrolled.regularPriceFen));

  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已加入购物车" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/cart", { waitUntil: "domcontentloaded" });
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(yuan(enrolled.priceFen));
});

test("the campaign list groups campaigns; an ended one shows regular prices", async ({ page }) => {
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { level: 1, name: "活动会场" })).toBeVisible();
  await expect(page.getByRole("region", { name: /进行中/ }).getByRole("link", { name: /产地名片/ })).toBeVisible();
  await page.getByRole("region", { name: /最近结束/ }).getByRole("link", { name: /金秋上新季/ }).click();
  await page.waitForURL(/\/campaign\/golden-autumn$/);
  await expect(page.getByTestId("campaign-ended")).toHaveText("活动已结束");
  await expect(page.getByRole("timer")).toHaveCount(0);
  await expect(page.getByTestId("campaign-product").first().locator("s")).toHaveCount(0);
});

test("an origin campaign showcases the region's story and producers; unknown campaigns are 404", async ({ page }) => {
  await page.goto("/campaign/origin-gannan");
  await expect(page.getByRole("heading", { name: /产地故事/ })).toBeVisible();
  const producers = page.getByRole("region", { name: "产地商家" });
  await expect(producers.getByRole("link").first()).toHaveAttribute("href", /^\/s\//);
  const res = await page.goto("/campaign/no-such-campaign");
  expect(res?.status()).toBe(404);
});
