// Cart and checkout in a real browser: a guest fills a cart from the product page, is asked to sign
// in at checkout, finds the cart merged into the account, adds a new address inline and places the
// order (landing on the cashier); and the attribution a search link carries.
import crypto from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, findMultiVariantProduct } from "./helpers";

async function newShopper(request: APIRequestContext): Promise<string> {
  const email = `e2e-${crypto.randomBytes(5).toString("hex")}@example.test`;
  const res = await request.post("/api/trpc/account.signUp", { data: { json: { email, password: DEMO_PASSWORD, name: "E2E 买家" } } });
  if (!res.ok()) throw new Error(`account.signUp answered ${res.status()}`);
  return email;
}

test("checks out with a new address: guest cart, sign-in at checkout, merged cart, order placed", async ({ page, request }) => {
  const product = await findMultiVariantProduct(request);
  const variant = product.variants[0];
  const email = await newShopper(request);

  // A guest adds two units from the product page.
  await page.goto(`/p/${product.slug}`);
  for (const option of product.options) {
    const value = option.values.find((v) => variant.optionValueIds.includes(v.id));
    if (value) await page.getByRole("radio", { name: value.valueZh, exact: true }).click();
  }
  await page.getByRole("button", { name: "增加数量" }).click();
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已加入购物车" })).toBeVisible();
  await expect(page.getByTestId("header-cart")).toHaveAttribute("aria-label", "购物车，1 件商品");

  // The cart shows it; checking out needs an account.
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: /的数量$/ })).toHaveValue("2");
  await page.getByRole("button", { name: "去结算（2）" }).click();
  await page.waitForURL(/\/signin\?callbackUrl=%2Fcheckout/);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();

  // Signed in: the guest cart is now the account's, and there is no address yet.
  await page.waitForURL(/\/checkout$/);
  await expect(page.getByRole("heading", { name: "确认订单" })).toBeVisible();
  await expect(page.getByTestId("checkout-shop")).toHaveCount(1);
  await page.getByLabel("收货人").fill("王小明");
  await page.getByLabel("手机号码").fill("12345");
  await page.getByLabel("省份").fill("浙江省");
  await page.getByLabel("城市").fill("杭州市");
  await page.getByLabel("区/县").fill("西湖区");
  await page.getByLabel("详细地址").fill("文三路 100 号 2 幢 301");
  await page.getByRole("button", { name: "保存地址" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请按提示修改" })).toBeVisible();
  await expect(page.getByText("请输入 11 位中国大陆手机号码")).toBeVisible();
  await page.getByLabel("手机号码").fill("13912345678");
  await page.getByRole("button", { name: "保存地址" }).click();
  await expect(page.getByRole("radio", { name: /王小明/ })).toBeChecked();

  const total = page.getByTestId("checkout-total");
  await expect(total).toContainText("¥");
  await page.getByRole("button", { name: "提交订单" }).click();
  await page.waitForURL(/\/pay\/[a-z0-9]+/);

  // Ordered lines leave the cart.
  await page.goto("/cart");
  await expect(page.getByRole("heading", { name: "购物车还是空的" })).toBeVisible();
});

test("search results link to products with the search attribution; the canonical URL stays plain", async ({ page }) => {
  await page.goto("/search?q=%E8%80%B3%E6%9C%BA");
  const first = page.getByTestId("search-results").getByRole("link").first();
  const href = await first.getAttribute("href");
  expect(href).toMatch(/^\/p\/[a-z0-9-]+\?ch=search&src=%E8%80%B3%E6%9C%BA$/);
  await page.goto(href!);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(/\/p\/[a-z0-9-]+$/);
});
