// The money path in a real browser: a buy-now checkout placed over tRPC, then the cashier, the
// Sandbox Pay page and its signed callback, the seller shipping it, and the shopper confirming receipt.
import crypto from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { SHOPPER_STATE, signIn, trpcQuery } from "./helpers";

/** Calls a tRPC mutation over HTTP the way the browser client does (superjson envelope). */
async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function sellerSession(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "seller@demo.mall");
  await page.waitForURL("/");
  return { context, page };
}

/** A variant in stock from the demo seller's first shop (so that seller can ship the order). */
async function sellerVariant(browser: Browser): Promise<string> {
  const { context, page } = await sellerSession(browser);
  const [shop] = await trpcQuery<Array<{ slug: string }>>(page.request, "sellerOrder.shops", undefined);
  const list = await trpcQuery<{ items: Array<{ slug: string }> }>(page.request, "catalog.list", { shopSlug: shop.slug, pageSize: 10 });
  for (const { slug } of list.items) {
    const p = await trpcQuery<{ variants: Array<{ id: string; stock: number }> }>(page.request, "catalog.get", { slug });
    const v = p.variants.find((x) => x.stock >= 5);
    if (v) {
      await context.close();
      return v.id;
    }
  }
  throw new Error("The demo seller's shop has no product in stock");
}

async function placeBuyNow(request: APIRequestContext, variantId: string) {
  const address = await trpcMutation<{ id: string }>(request, "address.create", {
    recipient: "测试收货人",
    phone: "13800138000",
    province: "浙江省",
    city: "杭州市",
    district: "西湖区",
    street: "文三路 100 号",
  });
  return trpcMutation<{ checkoutId: string; orderIds: string[]; totalFen: number }>(request, "checkout.place", {
    idempotencyKey: crypto.randomUUID(),
    addressId: address.id,
    source: { buyNow: { variantId, quantity: 1 } },
  });
}

test.describe("pay, ship, confirm", () => {
  test.use({ storageState: SHOPPER_STATE });

  test("the shopper pays in Sandbox Pay, the seller ships, the shopper confirms receipt", async ({ page, browser }) => {
    test.slow();
    const variantId = await sellerVariant(browser);
    const placed = await placeBuyNow(page.request, variantId);
    const [orderId] = placed.orderIds;

    await page.goto(`/pay/${placed.checkoutId}`);
    await expect(page.getByRole("heading", { name: "收银台" })).toBeVisible();
    await page.getByRole("button", { name: /确认支付/ }).click();

    await page.waitForURL(/\/sandbox-pay\//);
    await expect(page.getByText("Sandbox Pay").first()).toBeVisible();
    await expect(page.getByText("Interest Mall", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: /确认付款/ }).click();

    await page.waitForURL(new RegExp(`/pay/${placed.checkoutId}$`));
    await expect(page.getByRole("heading", { name: "支付成功" })).toBeVisible({ timeout: 20_000 });

    await page.goto(`/orders/${orderId}`);
    await expect(page.getByRole("heading", { name: "待发货" })).toBeVisible();
    await expect(page.getByText("付款成功", { exact: true })).toBeVisible();

    const seller = await sellerSession(browser);
    await seller.page.goto(`/seller/orders/${orderId}`);
    await seller.page.getByLabel("快递公司").selectOption("SF");
    await seller.page.getByLabel("运单号").fill("bad");
    await seller.page.getByRole("button", { name: "确认发货" }).click();
    await expect(seller.page.getByText("运单号须为 8–30 位字母或数字")).toBeVisible();
    await seller.page.getByLabel("运单号").fill(`SF${Date.now()}`);
    await seller.page.getByRole("button", { name: "确认发货" }).click();
    await expect(seller.page.getByText("商家已发货").first()).toBeVisible({ timeout: 20_000 });
    await seller.context.close();

    await page.goto(`/orders/${orderId}`);
    await expect(page.getByRole("heading", { name: "物流信息" })).toBeVisible();
    await page.getByRole("button", { name: "确认收货" }).click();
    await page.getByRole("button", { name: "确认已收货" }).click();
    await expect(page.getByRole("heading", { name: "已完成" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("link", { name: "评价" })).toHaveAttribute("href", new RegExp(`/orders/${orderId}/review\\?item=`));
  });

  test("a failed Sandbox Pay attempt leaves the order payable, and it can be cancelled", async ({ page, browser }) => {
    const variantId = await sellerVariant(browser);
    const placed = await placeBuyNow(page.request, variantId);
    const [orderId] = placed.orderIds;

    await page.goto(`/en/pay/${placed.checkoutId}`);
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.waitForURL(/\/sandbox-pay\//);
    await page.getByRole("button", { name: "Simulate a failure" }).click();
    await page.waitForURL(new RegExp(`/pay/${placed.checkoutId}$`));
    await expect(page.getByText(/did not go through/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("button", { name: /^Pay / })).toBeVisible();

    await page.goto(`/en/orders/${orderId}`);
    await page.getByRole("button", { name: "Cancel order" }).click();
    await page.getByLabel("Found it cheaper elsewhere").check();
    await page.getByRole("button", { name: "Cancel this order" }).click();
    await expect(page.getByRole("heading", { name: "Cancelled" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("Reason: Found it cheaper elsewhere")).toBeVisible();
  });
});

test("orders pages need sign-in; another shopper's order is a 404", async ({ page, browser }) => {
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/signin/);
  const shopper = await browser.newContext({ storageState: SHOPPER_STATE });
  const variantId = await sellerVariant(browser);
  const placed = await placeBuyNow(shopper.request, variantId);
  await shopper.close();
  const other = await sellerSession(browser);
  const res = await other.page.goto(`/orders/${placed.orderIds[0]}`);
  expect(res?.status()).toBe(404);
  await other.context.close();
});
