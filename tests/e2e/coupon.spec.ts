// Coupons (issue #6): a new shopper claims a shop's 满减 coupon on a product page, checks out enough
// to reach its threshold, finds the best combination pre-selected, pays the discounted total, and
// the order shows the discount. Creates its own shopper; reads the seeded 满199减30 coupon of the
// first demo shop (prisma/seed/coupons.ts).
import crypto from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { trpcQuery, yuan } from "./helpers";

const SHOP = "nuandao-appliances";
const THRESHOLD_FEN = 19900;
const AMOUNT_FEN = 3000;

interface Variant {
  id: string;
  priceFen: number;
  stock: number;
  purchaseLimit: number | null;
}
interface Product {
  slug: string;
  variants: Variant[];
}

async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A product of the shop with one SKU that reaches the threshold in a few units. */
async function pickProduct(request: APIRequestContext): Promise<{ product: Product; variant: Variant; quantity: number }> {
  const list = await trpcQuery<{ items: Array<{ slug: string }> }>(request, "catalog.list", { shopSlug: SHOP, pageSize: 24 });
  for (const { slug } of list.items) {
    const product = await trpcQuery<Product>(request, "catalog.get", { slug });
    for (const variant of product.variants) {
      const quantity = Math.ceil(THRESHOLD_FEN / variant.priceFen);
      if (quantity <= 3 && variant.stock >= quantity + 2 && (variant.purchaseLimit ?? 99) >= quantity) return { product, variant, quantity };
    }
  }
  throw new Error(`no product of ${SHOP} reaches ¥199 in 3 units`);
}

test("a new shopper claims a 满减 coupon, checks out with the best combination and pays the discounted total", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("昵称").fill("领券买家");
  await page.getByLabel("邮箱").fill(`coupon-${testInfo.project.name}-${Date.now()}-${crypto.randomInt(1e6)}@example.com`);
  await page.getByLabel("密码").fill("a-strong-password");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await page.waitForURL("/");
  await trpcMutation(page.request, "address.create", {
    recipient: "李四",
    phone: "13900139000",
    province: "浙江省",
    city: "杭州市",
    district: "西湖区",
    street: "文三路 100 号",
    postalCode: "310000",
    isDefault: true,
  });

  const { product, variant, quantity } = await pickProduct(page.request);
  const shop = await trpcQuery<{ freeShippingThresholdFen: number; shippingFeeFen: number }>(page.request, "shop.get", { slug: SHOP });

  // Claim on the product page.
  await page.goto(`/p/${product.slug}`);
  const strip = page.getByRole("region", { name: "领券" });
  await expect(strip.getByText("满¥199减¥30")).toBeVisible();
  await strip.getByRole("button", { name: "领取: 满¥199减¥30" }).click();
  await expect(strip.getByText("已领取").first()).toBeVisible();
  // The wallet has it.
  await page.goto("/account/coupons");
  await expect(page.getByTestId("coupon-wallet").getByText("满¥199减¥30")).toBeVisible();

  // Checkout: the best combination is pre-selected.
  await page.goto(`/checkout?buy=${variant.id}&qty=${quantity}`);
  const subtotal = variant.priceFen * quantity;
  const shipping = subtotal >= shop.freeShippingThresholdFen ? 0 : shop.shippingFeeFen;
  const total = subtotal + shipping - AMOUNT_FEN;
  await expect(page.getByTestId("coupon-best")).toContainText(yuan(AMOUNT_FEN));
  await expect(page.getByTestId("coupon-select-shop")).toHaveValue(/.+/);
  await expect(page.getByTestId("checkout-discount")).toHaveText(`-${yuan(AMOUNT_FEN)}`);
  await expect(page.getByTestId("checkout-total")).toHaveText(yuan(total));

  // Choosing none and back: the server recomputes.
  await page.getByTestId("coupon-select-shop").selectOption("");
  await expect(page.getByTestId("checkout-total")).toHaveText(yuan(subtotal + shipping));
  await page.getByTestId("coupon-select-shop").selectOption({ index: 1 });
  await expect(page.getByTestId("checkout-total")).toHaveText(yuan(total));

  await page.getByRole("button", { name: "提交订单" }).click();
  await page.waitForURL(/\/pay\/[a-z0-9]+$/);
  const checkoutId = page.url().split("/pay/")[1];
  await page.getByRole("button", { name: /确认支付/ }).click();
  await page.waitForURL(/\/sandbox-pay\//);
  await page.getByRole("button", { name: /确认付款/ }).click();
  await page.waitForURL(new RegExp(`/pay/${checkoutId}$`));
  await expect(page.getByRole("heading", { name: "支付成功" })).toBeVisible({ timeout: 20_000 });

  // The order carries the discount.
  const list = await trpcQuery<{ items: Array<{ id: string; status: string; totalFen: number }> }>(page.request, "order.list", {});
  expect(list.items).toHaveLength(1);
  expect(list.items[0]).toMatchObject({ status: "PAID", totalFen: total });
  await page.goto(`/orders/${list.items[0]!.id}`);
  await expect(page.getByText(`-${yuan(AMOUNT_FEN)}`).first()).toBeVisible();
  await page.goto("/account/coupons?status=used");
  await expect(page.getByTestId("coupon-wallet").getByText("满¥199减¥30")).toBeVisible();
  await context.close();
});
