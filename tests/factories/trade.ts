// Trade factories: orders in any state, created directly (no cart/checkout UI), through the same
// state machine and stock functions the app uses — so OrderEvents, reserved stock and sales counts
// are what a real order would have. Every helper returns the order with its items plus the people
// and things around it (buyer, seller, shop, product).
//
//   const { order, buyer, seller } = await createPaidOrder(db);            // PAID, sales recorded
//   const { order } = await createDeliveredOrder(db, { buyerId: me.id });  // DELIVERED, can be reviewed
//
// Pass `buyerId`, `shopId` + `sellerId`, or `lines` to reuse existing rows.
import crypto from "node:crypto";
import type { Db } from "@/server/db/client";
import { transitionOrder } from "@/server/order/order-state";
import { recordSales, reserveStock } from "@/server/order/stock";
import { shipOrder } from "@/server/order/seller-order.service";
import { createCategory, createProduct, createShop, createUser, uniqueSuffix } from "@/tests/factories/catalog";

export interface OrderLineInput {
  variantId: string;
  quantity: number;
}

export interface TradeOptions {
  buyerId?: string;
  /** With shopId, the shop's member who ships (required to ship an existing shop's order). */
  sellerId?: string;
  shopId?: string;
  /** Existing variants (of the shop) to order; default: a new product in the shop. */
  lines?: OrderLineInput[];
  /** For the default product: unit price, units ordered, stock before the order. */
  priceFen?: number;
  quantity?: number;
  stock?: number;
  shippingFeeFen?: number;
  checkoutId?: string;
  payBy?: Date;
  now?: Date;
}

export const TEST_ADDRESS = {
  shipRecipient: "张三",
  shipPhone: "13800138000",
  shipProvince: "浙江省",
  shipCity: "杭州市",
  shipDistrict: "西湖区",
  shipStreet: "文三路 100 号",
  shipPostalCode: "310000",
};

function orderNo(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, "");
  return `${day}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
}

/** A PENDING_PAYMENT order (stock reserved) in its own checkout unless checkoutId is given. */
export async function createPendingOrder(db: Db, options: TradeOptions = {}) {
  const now = options.now ?? new Date();
  const buyerId = options.buyerId ?? (await createUser(db)).id;
  let sellerId = options.sellerId;
  let shopId = options.shopId;
  if (!shopId) {
    sellerId ??= (await createUser(db, { roles: ["SHOPPER", "SELLER"] })).id;
    shopId = (await createShop(db, { ownerId: sellerId })).id;
  }
  let lines = options.lines;
  let product: Awaited<ReturnType<typeof createProduct>> | null = null;
  if (!lines) {
    const category = await createCategory(db);
    product = await createProduct(db, {
      shopId,
      categoryId: category.id,
      variants: [{ priceFen: options.priceFen ?? 5000, stock: options.stock ?? 10 }],
    });
    lines = [{ variantId: product.variants[0].id, quantity: options.quantity ?? 1 }];
  }
  const variants = await db.productVariant.findMany({
    where: { id: { in: lines.map((l) => l.variantId) } },
    include: { product: true, optionValues: true },
  });
  const items = lines.map((l) => {
    const v = variants.find((x) => x.id === l.variantId);
    if (!v) throw new Error(`createPendingOrder: unknown variant ${l.variantId}`);
    return {
      productId: v.productId,
      variantId: v.id,
      sku: v.sku,
      titleZh: v.product.titleZh,
      titleEn: v.product.titleEn,
      variantLabelZh: v.optionValues.map((o) => o.valueZh).join(" / "),
      variantLabelEn: v.optionValues.map((o) => o.valueEn).join(" / "),
      imageUrl: null,
      unitPriceFen: v.priceFen,
      quantity: l.quantity,
      lineTotalFen: v.priceFen * l.quantity,
    };
  });
  const subtotalFen = items.reduce((s, i) => s + i.lineTotalFen, 0);
  const shippingFeeFen = options.shippingFeeFen ?? 0;
  const totalFen = subtotalFen + shippingFeeFen;
  const order = await db.$transaction(async (tx) => {
    const checkoutId =
      options.checkoutId ??
      (await tx.checkout.create({ data: { userId: buyerId, idempotencyKey: `test-${uniqueSuffix()}`, totalFen } })).id;
    const created = await tx.order.create({
      data: {
        orderNo: orderNo(now),
        checkoutId,
        userId: buyerId,
        shopId: shopId,
        ...TEST_ADDRESS,
        subtotalFen,
        shippingFeeFen,
        totalFen,
        payBy: options.payBy ?? new Date(now.getTime() + 15 * 60_000),
        createdAt: now,
        items: { create: items },
        events: { create: { toStatus: "PENDING_PAYMENT", actorType: "SHOPPER", actorId: buyerId, note: "Order placed", createdAt: now } },
      },
    });
    const short = await reserveStock(tx, items);
    if (short.length) throw new Error(`createPendingOrder: not enough stock for ${short.join(", ")}`);
    return created;
  });
  return { ...(await reload(db, order.id)), buyerId, sellerId: sellerId ?? null, shopId, product };
}

async function reload(db: Db, orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: { orderBy: { id: "asc" } } } });
  return { order, items: order.items };
}

/** A PAID order: a SUCCEEDED sandbox payment, PENDING_PAYMENT → PAID (PROVIDER), sales recorded. */
export async function createPaidOrder(db: Db, options: TradeOptions = {}) {
  const pending = await createPendingOrder(db, options);
  const paidAt = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    const payment = await tx.payment.create({
      data: {
        checkoutId: pending.order.checkoutId,
        userId: pending.buyerId,
        provider: "sandbox",
        amountFen: pending.order.totalFen,
        status: "SUCCEEDED",
        providerRef: `sbx_pay_test_${uniqueSuffix()}`,
        paidAt,
      },
    });
    await tx.order.update({ where: { id: pending.order.id }, data: { paymentId: payment.id } });
    await transitionOrder(tx, pending.order.id, "PAID", { type: "PROVIDER", id: "sandbox" }, { from: ["PENDING_PAYMENT"], data: { paidAt }, at: paidAt });
    await recordSales(tx, pending.items);
  });
  return { ...pending, ...(await reload(db, pending.order.id)) };
}

/** A SHIPPED order, shipped by its seller through the real ship action (first tracking scan written). */
export async function createShippedOrder(db: Db, options: TradeOptions & { carrier?: "SF" | "ZTO" | "YTO" | "YUNDA" | "JD" | "EMS" } = {}) {
  const paid = await createPaidOrder(db, options);
  if (!paid.sellerId) throw new Error("createShippedOrder: pass sellerId with shopId");
  await shipOrder(db, paid.sellerId, { orderId: paid.order.id, carrier: options.carrier ?? "SF", trackingNo: `SF${Date.now()}${uniqueSuffix().slice(0, 4)}` }, options.now ?? new Date());
  return { ...paid, ...(await reload(db, paid.order.id)) };
}

/** A DELIVERED order (SHIPPED → DELIVERED by the SYSTEM, as the logistics job does). Reviewable. */
export async function createDeliveredOrder(db: Db, options: TradeOptions = {}) {
  const shipped = await createShippedOrder(db, options);
  const at = options.now ?? new Date();
  await db.$transaction((tx) =>
    transitionOrder(tx, shipped.order.id, "DELIVERED", { type: "SYSTEM" }, { from: ["SHIPPED"], note: "Delivered (test)", data: { deliveredAt: at }, at }),
  );
  return { ...shipped, ...(await reload(db, shipped.order.id)) };
}

/** A COMPLETED order (receipt confirmed by the buyer at `completedAt`, default now). */
export async function createCompletedOrder(db: Db, options: TradeOptions & { completedAt?: Date } = {}) {
  const delivered = await createDeliveredOrder(db, options);
  const at = options.completedAt ?? options.now ?? new Date();
  await db.$transaction((tx) =>
    transitionOrder(tx, delivered.order.id, "COMPLETED", { type: "SHOPPER", id: delivered.buyerId }, { from: ["DELIVERED"], data: { completedAt: at }, at }),
  );
  return { ...delivered, ...(await reload(db, delivered.order.id)) };
}
