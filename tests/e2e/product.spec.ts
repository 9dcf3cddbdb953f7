import { expect, test } from "@playwright/test";
import { findMultiVariantProduct, yuan } from "./helpers";

test("switching variants updates the shown price and stock", async ({ page, request }) => {
  const product = await findMultiVariantProduct(request);
  const byPrice = [...product.variants].sort((a, b) => a.priceFen - b.priceFen);
  await page.goto(`/p/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.titleZh);

  for (const variant of [byPrice[byPrice.length - 1], byPrice[0]]) {
    // Pick each of this variant's option values by its visible name.
    for (const option of product.options) {
      const value = option.values.find((v) => variant.optionValueIds.includes(v.id));
      if (value) await page.getByRole("radio", { name: value.valueZh, exact: true }).click();
    }
    await expect(page.getByTestId("variant-price")).toContainText(yuan(variant.priceFen));
    await expect(page.getByTestId("variant-stock")).toContainText(String(variant.stock));
  }
});

test("the product page carries Product JSON-LD with the right price and a breadcrumb", async ({ page, request }) => {
  const product = await findMultiVariantProduct(request);
  await page.goto(`/p/${product.slug}`);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = blocks.flatMap((b) => {
    const parsed = JSON.parse(b);
    return Array.isArray(parsed) ? parsed : [parsed];
  });
  const ld = data.find((d) => d["@type"] === "Product");
  expect(ld).toBeTruthy();
  expect(ld.name).toBe(product.titleZh);
  const offers = ld.offers;
  const low = offers["@type"] === "AggregateOffer" ? offers.lowPrice : offers.price;
  expect(Number(low)).toBeCloseTo(product.minPriceFen / 100, 2);
  expect(offers.priceCurrency).toBe("CNY");
  if (offers["@type"] === "AggregateOffer") expect(Number(offers.highPrice)).toBeCloseTo(product.maxPriceFen / 100, 2);
  expect(data.some((d) => d["@type"] === "BreadcrumbList")).toBe(true);
});
