// The whole transaction chain in one story (issue #4's acceptance): a new shopper browses and
// searches, puts SKUs from two shops in the cart, checks out with a new address, pays in Sandbox Pay
// and sees two orders; both sellers ship; the shopper confirms receipt and reviews with a photo that
// then shows on the product page. A second shopper's refund is rejected by the seller, escalated,
// and refunded by an admin. Stock and money are checked against the server at every step.
//
// Runs once, on the desktop project: it signs up its own shoppers, and the mobile layouts of the same
// pages are covered by the per-feature specs.
import crypto from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signIn, trpcQuery, yuan } from "./helpers";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4YSN3wkaOAUIBACJuBInibiS6AAAAAElFTkSuQmCC",
  "base64",
);

interface Variant {
  id: string;
  priceFen: number;
  stock: number;
  optionValueIds: string[];
}
interface Product {
  id: string;
  slug: string;
  titleZh: string;
  shop: { slug: string };
  variants: Variant[];
  options: Array<{ values: Array<{ id: string; valueZh: string }> }>;
}
interface ShopRules {
  freeShippingThresholdFen: number;
  shippingFeeFen: number;
}
interface OrderDetail {
  id: string;
  status: string;
  totalFen: number;
  subtotalFen: number;
  shippingFeeFen: number;
  refundedFen: number;
  items: Array<{ id: string; productId: string; unitPriceFen: number; quantity: number }>;
}

async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function session(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL("/");
  return { context, page };
}

async function signUp(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("昵称").fill(name);
  await page.getByLabel("邮箱").fill(`chain-${Date.now()}-${crypto.randomInt(1e6)}@example.com`);
  await page.getByLabel("密码").fill("a-strong-password");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await page.waitForURL("/");
  return { context, page };
}

/**
 * A product of this seller's first shop with a SKU that has at least 5 units — searched from the end
 * of the list, so other specs (which take the first) never buy the same SKU while this one counts stock.
 */
async function pickProduct(page: Page): Promise<{ product: Product; variant: Variant; rules: ShopRules }> {
  const [shop] = await trpcQuery<Array<{ slug: string }>>(page.request, "sellerOrder.shops", undefined);
  const list = await trpcQuery<{ items: Array<{ slug: string }> }>(page.request, "catalog.list", { shopSlug: shop.slug, pageSize: 24 });
  for (const { slug } of [...list.items].reverse()) {
    const product = await trpcQuery<Product>(page.request, "catalog.get", { slug });
    const variant = product.variants.find((v) => v.stock >= 5);
    if (variant) {
      const rules = await trpcQuery<ShopRules>(page.request, "shop.get", { slug: product.shop.slug });
      return { product, variant, rules };
    }
  }
  throw new Error(`shop ${shop.slug} has no product with 5 units of one SKU`);
}

async function stockOf(request: APIRequestContext, product: Product, variantId: string): Promise<number> {
  const fresh = await trpcQuery<Product>(request, "catalog.get", { slug: product.slug });
  return fresh.variants.find((v) => v.id === variantId)!.stock;
}

/** Clicks the option values of this SKU on the product page. */
async function chooseVariant(page: Page, product: Product, variant: Variant) {
  for (const option of product.options) {
    const value = option.values.find((v) => variant.optionValueIds.includes(v.id));
    if (value) await page.getByRole("radio", { name: value.valueZh, exact: true }).click();
  }
  await expect(page.getByTestId("variant-price")).toContainText(yuan(variant.priceFen));
}

function expectedTotal(priceFen: number, quantity: number, rules: ShopRules): number {
  const subtotal = priceFen * quantity;
  return subtotal + (subtotal >= rules.freeShippingThresholdFen ? 0 : rules.shippingFeeFen);
}

/** From the cashier page through Sandbox Pay and back. */
async function payInSandbox(page: Page, checkoutId: string) {
  await expect(page).toHaveURL(new RegExp(`/pay/${checkoutId}$`));
  await page.getByRole("button", { name: /确认支付/ }).click();
  await page.waitForURL(/\/sandbox-pay\//);
  await page.getByRole("button", { name: /确认付款/ }).click();
  await page.waitForURL(new RegExp(`/pay/${checkoutId}$`));
  await expect(page.getByRole("heading", { name: "支付成功" })).toBeVisible({ timeout: 20_000 });
}

async function ship(browser: Browser, sellerEmail: string, orderId: string) {
  const seller = await session(browser, sellerEmail);
  await seller.page.goto(`/seller/orders/${orderId}`);
  await seller.page.getByLabel("快递公司").selectOption("SF");
  await seller.page.getByLabel("运单号").fill(`SF${Date.now()}${crypto.randomInt(1000)}`);
  await seller.page.getByRole("button", { name: "确认发货" }).click();
  await expect(seller.page.getByText("商家已发货").first()).toBeVisible({ timeout: 20_000 });
  await seller.context.close();
}

test("the whole chain: cart from two shops, checkout, pay, ship, receive, review; a refund rejected, escalated and granted", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name === "mobile", "one run of the story is enough; pages are checked on phones by their own specs");
  test.setTimeout(420_000);

  // The goods: one SKU from each demo seller's shop.
  const sellerA = await session(browser, "seller@demo.mall");
  const a = await pickProduct(sellerA.page);
  await sellerA.context.close();
  const sellerB = await session(browser, "seller2@demo.mall");
  const b = await pickProduct(sellerB.page);
  await sellerB.context.close();

  // ── A new shopper finds the goods: by search, and by browsing the shop. ──
  const shopper = await signUp(browser, "链路买家");
  const { page } = shopper;
  const stockA0 = await stockOf(page.request, a.product, a.variant.id);
  const stockB0 = await stockOf(page.request, b.product, b.variant.id);

  await page.goto(`/search?q=${encodeURIComponent(a.product.titleZh)}`);
  await page.locator(`a[href*="/p/${a.product.slug}?"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/p/${a.product.slug}\\?.*ch=search`));
  await chooseVariant(page, a.product, a.variant);
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByText("已加入购物车")).toBeVisible();

  await page.goto(`/s/${b.product.shop.slug}`);
  await page.goto(`/p/${b.product.slug}?ch=shop`);
  await chooseVariant(page, b.product, b.variant);
  await page.getByRole("button", { name: "增加数量" }).click();
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByText("已加入购物车")).toBeVisible();

  // ── The cart groups the two shops; checkout with a new address. ──
  await page.goto("/cart");
  await expect(page.getByRole("heading", { level: 1, name: "购物车" })).toBeVisible();
  await expect(page.getByText(a.product.titleZh).first()).toBeVisible();
  await expect(page.getByText(b.product.titleZh).first()).toBeVisible();
  await page.getByRole("link", { name: /去结算/ }).or(page.getByRole("button", { name: /去结算/ })).first().click();

  await page.waitForURL(/\/checkout/);
  await page.getByLabel("收货人").fill("王小明");
  await page.getByLabel("手机号码").fill("1380013800");
  await page.getByLabel("省份").fill("浙江省");
  await page.getByLabel("城市").fill("杭州市");
  await page.getByLabel("区/县").fill("西湖区");
  await page.getByLabel("详细地址").fill("文三路 90 号 3 幢 201 室");
  await page.getByRole("button", { name: "保存地址" }).click();
  await expect(page.getByText("请输入 11 位中国大陆手机号码")).toBeVisible();
  await page.getByLabel("手机号码").fill("13800138000");
  await page.getByRole("button", { name: "保存地址" }).click();
  await expect(page.getByText("王小明").first()).toBeVisible();

  const totalA = expectedTotal(a.variant.priceFen, 1, a.rules);
  const totalB = expectedTotal(b.variant.priceFen, 2, b.rules);
  await expect(page.getByText(yuan(totalA + totalB)).first()).toBeVisible();
  await page.getByRole("button", { name: "提交订单" }).click();
  await page.waitForURL(/\/pay\/[a-z0-9]+$/);
  const checkoutId = page.url().split("/pay/")[1];

  // Reserved at order creation.
  expect(await stockOf(page.request, a.product, a.variant.id)).toBe(stockA0 - 1);
  expect(await stockOf(page.request, b.product, b.variant.id)).toBe(stockB0 - 2);

  await payInSandbox(page, checkoutId);

  // ── Two orders, one per shop, with the server's totals. ──
  await page.goto("/orders");
  const list = await trpcQuery<{ items: Array<{ id: string; status: string; totalFen: number; shop: { slug: string } }> }>(page.request, "order.list", {});
  expect(list.items).toHaveLength(2);
  const orderA = list.items.find((o) => o.shop.slug === a.product.shop.slug)!;
  const orderB = list.items.find((o) => o.shop.slug === b.product.shop.slug)!;
  expect(orderA).toMatchObject({ status: "PAID", totalFen: totalA });
  expect(orderB).toMatchObject({ status: "PAID", totalFen: totalB });
  await expect(page.getByText(yuan(totalA)).first()).toBeVisible();
  await expect(page.getByText(yuan(totalB)).first()).toBeVisible();
  const detailA = await trpcQuery<OrderDetail>(page.request, "order.get", { id: orderA.id });
  expect(detailA.items[0]).toMatchObject({ productId: a.product.id, unitPriceFen: a.variant.priceFen, quantity: 1 });
  // Payment turns the reservation into a sale: stock stays where the reservation put it.
  expect(await stockOf(page.request, a.product, a.variant.id)).toBe(stockA0 - 1);

  // ── Both sellers ship; the shopper confirms receipt of A and reviews it with a photo. ──
  await ship(browser, "seller@demo.mall", orderA.id);
  await ship(browser, "seller2@demo.mall", orderB.id);

  await page.goto(`/orders/${orderA.id}`);
  await page.getByRole("button", { name: "确认收货" }).click();
  await page.getByRole("button", { name: "确认已收货" }).click();
  await expect(page.getByRole("heading", { name: "已完成" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("link", { name: "评价" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "评价商品" })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("button", { name: "移除第 1 张图片" })).toBeVisible();
  await page.locator("label").filter({ hasText: "5 星" }).click();
  const reviewText = `链路测试评价 ${crypto.randomInt(1e9)}：包装完好，和描述一致`;
  await page.getByLabel("分享使用感受").fill(reviewText);
  await page.getByRole("button", { name: "发布评价" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderA.id}$`));

  await page.goto(`/p/${a.product.slug}`);
  const reviews = page.getByRole("region", { name: /商品评价/ });
  // Reviews with photos come first, newest first among them: ours is on the first page.
  const mine = reviews.locator("article").filter({ hasText: reviewText });
  await expect(mine).toBeVisible();
  await expect(mine.getByRole("img", { name: /评价图片/ }).first()).toBeVisible();
  await shopper.context.close();

  // ── Another shopper buys A, asks for a refund; the seller rejects, the shopper escalates, an admin refunds. ──
  const second = await signUp(browser, "售后买家");
  const address = await trpcMutation<{ id: string }>(second.page.request, "address.create", {
    recipient: "李四",
    phone: "13900139000",
    province: "广东省",
    city: "深圳市",
    district: "南山区",
    street: "科技园路 1 号",
  });
  const stockBeforeSecond = await stockOf(second.page.request, a.product, a.variant.id);
  const placed = await trpcMutation<{ checkoutId: string; orderIds: string[]; totalFen: number }>(second.page.request, "checkout.place", {
    idempotencyKey: crypto.randomUUID(),
    addressId: address.id,
    source: { buyNow: { variantId: a.variant.id, quantity: 1 } },
    // Ignored: the server prices the order.
    totalFen: 1,
  });
  expect(placed.totalFen).toBe(expectedTotal(a.variant.priceFen, 1, a.rules));
  await second.page.goto(`/pay/${placed.checkoutId}`);
  await payInSandbox(second.page, placed.checkoutId);
  const [refundOrderId] = placed.orderIds;
  const paid = await trpcQuery<OrderDetail>(second.page.request, "order.get", { id: refundOrderId });
  expect(await stockOf(second.page.request, a.product, a.variant.id)).toBe(stockBeforeSecond - 1);

  await second.page.goto(`/orders/${refundOrderId}/after-sale?item=${paid.items[0].id}`);
  await expect(second.page.getByRole("heading", { level: 1, name: "申请售后" })).toBeVisible();
  await second.page.getByLabel("退款原因").selectOption("no_longer_needed");
  await second.page.getByRole("button", { name: "提交申请" }).click();
  await expect(second.page).toHaveURL(/\/after-sales\/[a-z0-9]+$/);
  const afterSaleId = second.page.url().split("/after-sales/")[1];
  await expect(second.page.getByRole("heading", { level: 1, name: "待商家处理" })).toBeVisible();
  expect((await trpcQuery<OrderDetail>(second.page.request, "order.get", { id: refundOrderId })).status).toBe("REFUNDING");

  const seller = await session(browser, "seller@demo.mall");
  await seller.page.goto(`/seller/after-sales/${afterSaleId}`);
  await seller.page.getByRole("button", { name: "拒绝申请" }).click();
  await seller.page.getByLabel("拒绝理由").fill("商品已打包待发，无法取消");
  await seller.page.locator("form").getByRole("button", { name: "拒绝申请" }).click();
  await expect(seller.page.getByRole("heading", { level: 1, name: "商家已拒绝" })).toBeVisible();
  await seller.context.close();
  // Rejected: the order is back to paid, nothing refunded, stock untouched.
  const rejected = await trpcQuery<OrderDetail>(second.page.request, "order.get", { id: refundOrderId });
  expect(rejected).toMatchObject({ status: "PAID", refundedFen: 0 });

  await second.page.reload();
  await expect(second.page.getByText("商品已打包待发，无法取消").first()).toBeVisible();
  await second.page.getByRole("button", { name: "申请平台介入" }).click();
  await second.page.getByLabel("向平台说明情况").fill("还没有发货，应当可以退款");
  await second.page.locator("form").getByRole("button", { name: "申请平台介入" }).click();
  await expect(second.page.getByRole("heading", { level: 1, name: "平台仲裁中" })).toBeVisible();

  const admin = await session(browser, "admin@demo.mall");
  await admin.page.goto(`/admin/arbitration/${afterSaleId}`);
  await admin.page.getByRole("radio", { name: "支持买家：退款" }).check();
  await admin.page.getByLabel("仲裁说明（买卖双方都能看到）").fill("订单尚未发货，支持退款");
  await admin.page.getByRole("button", { name: "提交裁决" }).click();
  await expect(admin.page.getByRole("heading", { level: 1, name: /已退款/ })).toBeVisible({ timeout: 20_000 });
  await admin.context.close();

  // Refunded in full, the unit back in stock, visible to the shopper.
  const refunded = await trpcQuery<OrderDetail>(second.page.request, "order.get", { id: refundOrderId });
  expect(refunded).toMatchObject({ status: "REFUNDED", refundedFen: refunded.totalFen });
  expect(await stockOf(second.page.request, a.product, a.variant.id)).toBe(stockBeforeSecond);
  await second.page.goto(`/orders/${refundOrderId}`);
  await expect(second.page.getByRole("heading", { name: /已退款/ })).toBeVisible();
  await second.context.close();
});
