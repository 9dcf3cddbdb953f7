// Trade demo data, written after the catalog (prisma/seed/seed.ts calls seedTrade once):
//  - every product's 1–5★ histogram, consistent with its seeded ratingCount and ratingX100;
//  - a handful of buyer accounts whose completed orders carry written reviews (some with photos —
//    the product's own generated art), so product pages show real review lists; their ratings are
//    drawn from the product's histogram, so counts stay consistent;
//  - the demo shopper's orders in every state (paid, shipped with tracking, delivered, completed
//    with reviews, a refunded one and an after-sale waiting for the seller), mostly from the demo
//    seller's shop so the seller centre has orders to ship and a request to decide;
//  - one escalated request for the arbitration queue; shop scores recomputed from all of it.
// Every choice comes from the seeded PRNG, so the content is the same on every run; dates count back
// from `now` (default: the moment of seeding) so a fresh demo looks current — a delivered order is
// not already past its automatic confirmation, a completed one is inside its after-sales window.
import type { DbClient } from "@/server/db/client";
import type { AfterSaleStatus, OrderStatus, Prisma } from "@/server/generated/prisma/client";
import { SHOPS } from "@/prisma/seed/catalog-data";
import { Random } from "@/server/lib/random";
import { avatarUrl } from "@/server/media/art";
import { describeScan, SCAN_SEQUENCE, type ScanContext } from "@/server/order/logistics";
import { recomputeShopScores } from "@/server/shop/shop-score";
import { addRatingToProduct } from "@/server/review/review.service";
import type { Histogram } from "@/server/review/review.rules";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Products (ACTIVE, with ratings, lowest ids first) that get written reviews from the demo buyers. */
const REVIEWED_PRODUCTS = 240;

export interface TradeSeedOptions {
  now?: Date;
}

export interface TradeSeedCounts {
  users: number;
  orders: number;
  reviews: number;
  afterSales: number;
}

// ───────────────────────────── rating histograms ─────────────────────────────

/**
 * A 1–5★ histogram with exactly `count` ratings whose star total is round(count · x100 / 100), so
 * its average matches ratingX100 to within half a star divided by the count. The stars missing from
 * an all-5★ histogram (the deficit) are spread over 1★–4★ in slightly varying shares, which gives
 * the familiar shape: mostly 5★, a good number of 4★, a thin tail of low ratings.
 */
export function histogramFor(count: number, x100: number, rng: Random): Histogram {
  if (count <= 0) return [0, 0, 0, 0, 0];
  const stars = Math.min(5 * count, Math.max(count, Math.round((x100 * count) / 100)));
  const deficit = 5 * count - stars;
  const h1 = Math.floor((rng.range(0.1, 0.2) * deficit) / 4);
  const h2 = Math.floor((rng.range(0.03, 0.08) * deficit) / 3);
  const h3 = Math.floor((rng.range(0.1, 0.2) * deficit) / 2);
  const h4 = deficit - 4 * h1 - 3 * h2 - 2 * h3;
  const h5 = count - h1 - h2 - h3 - h4;
  if (h5 >= 0) return [h1, h2, h3, h4, h5];
  // Averages below 4★ (never seeded, but keep the function total): two neighbouring star values.
  const low = Math.floor(stars / count);
  const high = stars - low * count;
  const h: Histogram = [0, 0, 0, 0, 0];
  h[low - 1] += count - high;
  if (high > 0) h[low] += high;
  return h;
}

/**
 * Ids of the seed's own products start with this (prisma/seed/seed.ts productId). The trade data only
 * touches those: on a shared database (tests on PostgreSQL) other products are someone else's.
 */
export const SEED_PRODUCT_ID_PREFIX = "p_";
const SEEDED = { id: { startsWith: SEED_PRODUCT_ID_PREFIX } } as const;
/** Id of a seeded shop (prisma/seed/seed.ts uses it too). */
export const seedShopId = (slug: string) => `shop_${slug}`;
const SEED_SHOP_IDS = SHOPS.map((s) => seedShopId(s.slug));

async function seedHistograms(db: DbClient): Promise<Map<string, Histogram>> {
  const products = await db.product.findMany({ where: { ...SEEDED, ratingCount: { gt: 0 } }, select: { id: true, ratingCount: true, ratingX100: true }, orderBy: { id: "asc" } });
  const byId = new Map<string, Histogram>();
  for (const p of products) byId.set(p.id, histogramFor(p.ratingCount, p.ratingX100, new Random(`histogram:${p.id}`)));
  const rows = [...byId];
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const col = (k: number) => chunk.map(([, h]) => h[k]);
    await db.$executeRawUnsafe(
      `UPDATE "Product" AS p SET "ratingHistogram" = ARRAY[t.h1, t.h2, t.h3, t.h4, t.h5]
       FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[]) AS t(id, h1, h2, h3, h4, h5)
       WHERE p."id" = t.id`,
      chunk.map(([id]) => id),
      col(0),
      col(1),
      col(2),
      col(3),
      col(4),
    );
  }
  return byId;
}

// ───────────────────────────── people and places ─────────────────────────────

const BUYERS = [
  { key: "lin", name: "林小满" },
  { key: "zhou", name: "周予安" },
  { key: "chen", name: "陈一鸣" },
  { key: "wang", name: "王思琪" },
  { key: "li", name: "李沐阳" },
  { key: "zhao", name: "赵晓雯" },
  { key: "sun", name: "孙浩然" },
  { key: "mia", name: "Mia Chen" },
] as const;

const DEMO_SHOPPER_ID = "user_shopper";
const DEMO_SELLER_SHOP = "shop_nuandao-appliances";
const DEMO_SELLER2_SHOP = "shop_shengyu-audio";

interface Place {
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string;
}

const DEMO_ADDRESS: Place = { recipient: "演示买家", phone: "13800138000", province: "浙江省", city: "杭州市", district: "西湖区", street: "文三路 398 号 3 幢 1201 室", postalCode: "310012" };

const PLACES: Omit<Place, "recipient" | "phone">[] = [
  { province: "上海市", city: "上海市", district: "徐汇区", street: "漕溪北路 88 号", postalCode: "200030" },
  { province: "广东省", city: "深圳市", district: "南山区", street: "科技南十二路 2 号", postalCode: "518057" },
  { province: "北京市", city: "北京市", district: "海淀区", street: "中关村大街 27 号", postalCode: "100080" },
  { province: "四川省", city: "成都市", district: "武侯区", street: "人民南路四段 11 号", postalCode: "610041" },
  { province: "湖北省", city: "武汉市", district: "洪山区", street: "珞喻路 129 号", postalCode: "430070" },
  { province: "江苏省", city: "南京市", district: "鼓楼区", street: "汉口路 22 号", postalCode: "210008" },
];

// ───────────────────────────── review texts ─────────────────────────────

const REVIEW_TEXTS: Record<number, string[]> = {
  5: [
    "质量很好，和描述的一模一样，包装也很用心，会回购。",
    "物流超快，隔天就到了。做工精细，家里人都说好。",
    "用了一周再来评价：很满意！细节处理得很好，性价比高。",
    "颜值很高，实物比图片还好看，客服回复也及时。",
    "第二次买了，品质一直稳定，推荐给朋友了。",
    "Great quality for the price, arrived well packed and earlier than expected.",
    "送给爸妈的，他们用得很顺手，说比之前买的好太多。",
  ],
  4: [
    "整体不错，就是快递包装有点压痕，商品本身没问题。",
    "挺好用的，说明书可以再写得详细一点。",
    "东西不错，价格稍微有点高，赶上活动买的还算划算。",
    "Works well. Slightly smaller than I imagined, but still happy with it.",
    "做工可以，有一点点味道，放几天就散了。",
  ],
  3: ["中规中矩吧，能用，但没有特别惊喜。", "质量一般，对得起这个价格。", "发货有点慢，东西还行。"],
  2: ["和图片有色差，做工比较粗糙，有点失望。", "用了几次就有点小问题，联系客服后在处理中。"],
  1: ["收到就有划痕，体验很差。", "和描述差距较大，不推荐。"],
};

const SELLER_REPLIES = ["感谢亲的支持与认可，期待您再次光临！", "谢谢您的反馈，我们会继续改进包装和细节。", "亲，给您带来不便非常抱歉，已安排客服联系您处理。"];

// ───────────────────────────── rows ─────────────────────────────

interface VariantPick {
  id: string;
  sku: string;
  priceFen: number;
  labelZh: string;
  labelEn: string;
}

interface ProductPick {
  id: string;
  shopId: string;
  titleZh: string;
  titleEn: string;
  imageUrl: string | null;
  mediaUrls: string[];
  variants: VariantPick[];
  ratingCount: number;
}

interface ShopRow {
  id: string;
  shippingFeeFen: number;
  freeShippingThresholdFen: number;
  provinceZh: string | null;
  provinceEn: string | null;
}

interface Line {
  product: ProductPick;
  variant: VariantPick;
  quantity: number;
  review?: { rating: number; body: string; photos: string[]; reply?: string; at: Date };
}

interface AfterSalePlan {
  id: string;
  kind: "REFUND_ONLY" | "RETURN_AND_REFUND";
  status: AfterSaleStatus;
  quantity: number;
  reason: string;
  description: string;
  at: Date;
  /** Seller's reason when rejected; the buyer's escalation note. */
  rejectReason?: string;
  escalateNote?: string;
}

interface OrderPlan {
  id: string;
  buyerId: string;
  shop: ShopRow;
  place: Place;
  lines: Line[];
  /** Where the order got to (before any after-sale). */
  reached: "PAID" | "SHIPPED" | "DELIVERED" | "COMPLETED";
  placedAt: Date;
  afterSale?: AfterSalePlan;
}

class Rows {
  checkouts: Prisma.CheckoutCreateManyInput[] = [];
  payments: Prisma.PaymentCreateManyInput[] = [];
  paymentEvents: Prisma.PaymentEventCreateManyInput[] = [];
  orders: Prisma.OrderCreateManyInput[] = [];
  items: Prisma.OrderItemCreateManyInput[] = [];
  orderEvents: Prisma.OrderEventCreateManyInput[] = [];
  scans: Prisma.ShipmentEventCreateManyInput[] = [];
  reviews: Prisma.ReviewCreateManyInput[] = [];
  media: Prisma.ReviewMediaCreateManyInput[] = [];
  afterSales: Prisma.AfterSaleCreateManyInput[] = [];
  afterSaleEvents: Prisma.AfterSaleEventCreateManyInput[] = [];
}

function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, "");
}

const ORDER_NO_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

function orderNo(rng: Random, at: Date, used: Set<string>): string {
  for (;;) {
    const tail = Array.from({ length: 6 }, () => rng.pick([...ORDER_NO_ALPHABET])).join("");
    const no = `${chinaDay(at)}-${tail}`;
    if (!used.has(no)) {
      used.add(no);
      return no;
    }
  }
}

/** Writes one order with everything around it: checkout, payment, items, status history, scans, reviews, after-sale. */
function addOrder(rows: Rows, plan: OrderPlan, rng: Random, usedNos: Set<string>, autoConfirmDays: number): void {
  const { id, buyerId, shop, place } = plan;
  const subtotalFen = plan.lines.reduce((s, l) => s + l.variant.priceFen * l.quantity, 0);
  const shippingFeeFen = shop.freeShippingThresholdFen > 0 && subtotalFen < shop.freeShippingThresholdFen ? shop.shippingFeeFen : 0;
  const totalFen = subtotalFen + shippingFeeFen;
  const placedAt = plan.placedAt;
  const paidAt = new Date(placedAt.getTime() + rng.int(1, 6) * MINUTE);
  const reach = ["PAID", "SHIPPED", "DELIVERED", "COMPLETED"].indexOf(plan.reached);
  const shippedAt = reach >= 1 ? new Date(paidAt.getTime() + rng.int(3, 20) * HOUR) : null;
  const deliveredAt = reach >= 2 && shippedAt ? new Date(shippedAt.getTime() + rng.int(30, 60) * HOUR) : null;
  const completedAt = reach >= 3 && deliveredAt ? new Date(deliveredAt.getTime() + rng.int(2, 48) * HOUR) : null;
  const carrier = shippedAt ? rng.pick(["SF", "ZTO", "YTO", "YUNDA", "JD"]) : null;
  const trackingNo = carrier ? `${carrier === "SF" ? "SF" : carrier.slice(0, 2)}${rng.int(100000000, 999999999)}${rng.int(1000, 9999)}` : null;

  const refunded = plan.afterSale?.status === "REFUNDED";
  const refunding = plan.afterSale && ["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "ESCALATED"].includes(plan.afterSale.status);
  const refundLine = plan.lines[0];
  const refundFen = refundLine ? refundLine.variant.priceFen * (plan.afterSale?.quantity ?? 0) : 0;
  const fullRefund = refunded && plan.lines.length === 1 && plan.afterSale?.quantity === refundLine.quantity && !shippedAt;
  const refundedFen = refunded ? (fullRefund ? totalFen : refundFen) : 0;
  let status: OrderStatus = plan.reached;
  if (refunding) status = "REFUNDING";
  else if (refunded && (fullRefund || refundedFen === totalFen)) status = "REFUNDED";

  rows.checkouts.push({ id: `co_${id}`, userId: buyerId, idempotencyKey: `seed-${id}`, totalFen, createdAt: placedAt });
  rows.payments.push({
    id: `pay_${id}`,
    checkoutId: `co_${id}`,
    userId: buyerId,
    provider: "sandbox",
    amountFen: totalFen,
    status: "SUCCEEDED",
    providerRef: `sbx_pay_seed_${id}`,
    paidAt,
    createdAt: placedAt,
    updatedAt: paidAt,
  });
  rows.paymentEvents.push({
    id: `pev_${id}_paid`,
    provider: "sandbox",
    eventId: `sbx_evt_seed_${id}`,
    paymentId: `pay_${id}`,
    type: "payment.succeeded",
    payload: { paymentId: `pay_${id}`, amountFen: totalFen, seeded: true },
    createdAt: paidAt,
  });
  const lastAt = plan.afterSale?.at ?? completedAt ?? deliveredAt ?? shippedAt ?? paidAt;
  rows.orders.push({
    id,
    orderNo: orderNo(rng, placedAt, usedNos),
    checkoutId: `co_${id}`,
    userId: buyerId,
    shopId: shop.id,
    status,
    shipRecipient: place.recipient,
    shipPhone: place.phone,
    shipProvince: place.province,
    shipCity: place.city,
    shipDistrict: place.district,
    shipStreet: place.street,
    shipPostalCode: place.postalCode,
    subtotalFen,
    shippingFeeFen,
    totalFen,
    refundedFen,
    payBy: new Date(placedAt.getTime() + 15 * MINUTE),
    paymentId: `pay_${id}`,
    paidAt,
    carrier,
    trackingNo,
    shippedAt,
    deliveredAt,
    autoConfirmAt: shippedAt ? new Date(shippedAt.getTime() + autoConfirmDays * DAY) : null,
    completedAt,
    createdAt: placedAt,
    updatedAt: lastAt,
  });

  plan.lines.forEach((line, k) => {
    const itemId = `${id}_i${k + 1}`;
    const isRefundLine = k === 0 && refunded;
    rows.items.push({
      id: itemId,
      orderId: id,
      productId: line.product.id,
      variantId: line.variant.id,
      sku: line.variant.sku,
      titleZh: line.product.titleZh,
      titleEn: line.product.titleEn,
      variantLabelZh: line.variant.labelZh,
      variantLabelEn: line.variant.labelEn,
      imageUrl: line.product.imageUrl,
      unitPriceFen: line.variant.priceFen,
      quantity: line.quantity,
      lineTotalFen: line.variant.priceFen * line.quantity,
      refundedQuantity: isRefundLine ? plan.afterSale!.quantity : 0,
      refundedFen: isRefundLine ? refundFen : 0,
    });
    if (line.review) {
      const reviewId = `rv_${itemId}`;
      rows.reviews.push({
        id: reviewId,
        orderItemId: itemId,
        productId: line.product.id,
        shopId: shop.id,
        userId: buyerId,
        rating: line.review.rating,
        body: line.review.body,
        hasMedia: line.review.photos.length > 0,
        sellerReply: line.review.reply ?? null,
        sellerRepliedAt: line.review.reply ? new Date(line.review.at.getTime() + rng.int(2, 30) * HOUR) : null,
        createdAt: line.review.at,
      });
      line.review.photos.forEach((url, position) => rows.media.push({ id: `${reviewId}_m${position + 1}`, reviewId, url, width: 800, height: 800, position }));
    }
  });

  const history: Array<[OrderStatus | null, OrderStatus, "SHOPPER" | "PROVIDER" | "SELLER" | "SYSTEM", string | null, Date, string]> = [
    [null, "PENDING_PAYMENT", "SHOPPER", buyerId, placedAt, "Order placed"],
    ["PENDING_PAYMENT", "PAID", "PROVIDER", "sandbox", paidAt, "Paid via sandbox"],
  ];
  if (shippedAt) history.push(["PAID", "SHIPPED", "SELLER", null, shippedAt, ""]);
  if (deliveredAt) history.push(["SHIPPED", "DELIVERED", "SYSTEM", null, deliveredAt, "Delivered (carrier scan)"]);
  if (completedAt) history.push(["DELIVERED", "COMPLETED", "SHOPPER", buyerId, completedAt, "Receipt confirmed"]);
  if (plan.afterSale && (refunding || refunded)) {
    const a = plan.afterSale;
    history.push([plan.reached, "REFUNDING", "SHOPPER", buyerId, a.at, "After-sales requested"]);
    if (a.status === "ESCALATED") {
      history.push(["REFUNDING", plan.reached, "SELLER", null, new Date(a.at.getTime() + 5 * HOUR), ""]);
      history.push([plan.reached, "REFUNDING", "SHOPPER", buyerId, new Date(a.at.getTime() + 9 * HOUR), "After-sales escalated to the platform"]);
    }
    if (refunded) history.push(["REFUNDING", status, "SELLER", null, new Date(a.at.getTime() + 2 * HOUR), ""]);
  }
  history.forEach(([fromStatus, toStatus, actorType, actorId, createdAt, note], k) => {
    rows.orderEvents.push({ id: `${id}_e${k + 1}`, orderId: id, fromStatus, toStatus, actorType, actorId, createdAt, note });
  });

  if (shippedAt && carrier) {
    const ctx: ScanContext = {
      orderId: id,
      carrier,
      trackingNo,
      originZh: shop.provinceZh,
      originEn: shop.provinceEn,
      shipCity: place.city,
      shipDistrict: place.district,
    };
    // Delivered parcels have every scan; one still on its way has the first three.
    const codes = deliveredAt ? SCAN_SEQUENCE : SCAN_SEQUENCE.slice(0, 3);
    const span = (deliveredAt ?? new Date(shippedAt.getTime() + 16 * HOUR)).getTime() - shippedAt.getTime();
    codes.forEach((code, i) => {
      const at = new Date(shippedAt.getTime() + Math.round((span * i) / (deliveredAt ? codes.length - 1 : codes.length)));
      rows.scans.push({ id: `${id}_s${i + 1}`, orderId: id, ...describeScan(code, ctx), occurredAt: at });
    });
  }

  if (plan.afterSale && refundLine) {
    const a = plan.afterSale;
    rows.afterSales.push({
      id: a.id,
      orderId: id,
      orderItemId: `${id}_i1`,
      userId: buyerId,
      kind: a.kind,
      status: a.status,
      quantity: a.quantity,
      amountFen: refunded ? refundedFen : refundFen,
      reason: a.reason,
      description: a.description,
      orderStatusBefore: plan.reached,
      createdAt: a.at,
      updatedAt: a.at,
      resolvedAt: refunded ? new Date(a.at.getTime() + 2 * HOUR) : null,
    });
    const events: Prisma.AfterSaleEventCreateManyInput[] = [
      { afterSaleId: a.id, fromStatus: null, toStatus: "REQUESTED", actorType: "SHOPPER", actorId: buyerId, note: a.description, createdAt: a.at },
    ];
    if (a.status === "REFUNDED") {
      events.push({ afterSaleId: a.id, fromStatus: "REQUESTED", toStatus: "REFUNDED", actorType: "SELLER", note: "", createdAt: new Date(a.at.getTime() + 2 * HOUR) });
      rows.paymentEvents.push({
        id: `pev_${id}_refund`,
        provider: "sandbox",
        eventId: `sbx_rf_seed_${id}`,
        paymentId: `pay_${id}`,
        type: "refund.succeeded",
        payload: { orderId: id, amountFen: refundedFen, reason: `After-sales request ${a.id}`, actorType: "SELLER", seeded: true },
        createdAt: new Date(a.at.getTime() + 2 * HOUR),
      });
    }
    if (a.status === "ESCALATED") {
      events.push({ afterSaleId: a.id, fromStatus: "REQUESTED", toStatus: "REJECTED", actorType: "SELLER", note: a.rejectReason ?? "", createdAt: new Date(a.at.getTime() + 5 * HOUR) });
      events.push({ afterSaleId: a.id, fromStatus: "REJECTED", toStatus: "ESCALATED", actorType: "SHOPPER", actorId: buyerId, note: a.escalateNote ?? "", createdAt: new Date(a.at.getTime() + 9 * HOUR) });
    }
    rows.afterSaleEvents.push(...events);
  }
}

// Column types for bulkInsert: every value travels as text, integer or boolean arrays and is cast
// in the SELECT (enums, JSON and timestamps included), which works the same over every driver.
type Col = "text" | "integer" | "boolean" | "jsonb" | "timestamp(3)" | '"OrderStatus"' | '"ActorType"' | '"PaymentStatus"';
type Columns<Row> = { [K in keyof Row]?: Col };

function toSql(value: unknown, type: Col): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === "jsonb") return JSON.stringify(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new Error(`cannot bulk-insert ${typeof value} as ${type}`);
}

/**
 * INSERT … SELECT FROM unnest(…): one bind parameter per column instead of one per cell, like the
 * catalog seed (Prisma's createMany costs milliseconds per row here). Only ever called with the fixed
 * table and column names below; values always travel as parameters.
 */
async function bulkInsert<Row extends object>(db: DbClient, table: string, columns: Columns<Row>, rows: Row[]): Promise<void> {
  const entries = Object.entries(columns) as Array<[keyof Row & string, Col]>;
  const wire = (type: Col) => (type === "integer" ? "integer" : type === "boolean" ? "boolean" : "text");
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    const params = entries.map(([name, type]) => chunk.map((row) => toSql(row[name], type)));
    const select = entries.map(([, type], i) => (wire(type) === type ? `c${i}` : `c${i}::${type}`));
    const unnest = entries.map(([, type], i) => `$${i + 1}::${wire(type)}[]`);
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" (${entries.map(([name]) => `"${name}"`).join(", ")}) ` +
        `SELECT ${select.join(", ")} FROM unnest(${unnest.join(", ")}) AS t(${entries.map((_, i) => `c${i}`).join(", ")})`,
      ...params,
    );
  }
}

const T = "timestamp(3)" as const;

async function insertAll(db: DbClient, rows: Rows): Promise<void> {
  // Parents before children.
  await bulkInsert(db, "Checkout", { id: "text", userId: "text", idempotencyKey: "text", totalFen: "integer", createdAt: T }, rows.checkouts);
  await bulkInsert(
    db,
    "Payment",
    { id: "text", checkoutId: "text", userId: "text", provider: "text", amountFen: "integer", status: '"PaymentStatus"', providerRef: "text", paidAt: T, createdAt: T, updatedAt: T },
    rows.payments,
  );
  await bulkInsert(db, "PaymentEvent", { id: "text", provider: "text", eventId: "text", paymentId: "text", type: "text", payload: "jsonb", createdAt: T }, rows.paymentEvents);
  await bulkInsert(
    db,
    "Order",
    {
      id: "text",
      orderNo: "text",
      checkoutId: "text",
      userId: "text",
      shopId: "text",
      status: '"OrderStatus"',
      shipRecipient: "text",
      shipPhone: "text",
      shipProvince: "text",
      shipCity: "text",
      shipDistrict: "text",
      shipStreet: "text",
      shipPostalCode: "text",
      subtotalFen: "integer",
      shippingFeeFen: "integer",
      totalFen: "integer",
      refundedFen: "integer",
      payBy: T,
      paymentId: "text",
      paidAt: T,
      carrier: "text",
      trackingNo: "text",
      shippedAt: T,
      deliveredAt: T,
      autoConfirmAt: T,
      completedAt: T,
      createdAt: T,
      updatedAt: T,
    },
    rows.orders,
  );
  await bulkInsert(
    db,
    "OrderItem",
    {
      id: "text",
      orderId: "text",
      productId: "text",
      variantId: "text",
      sku: "text",
      titleZh: "text",
      titleEn: "text",
      variantLabelZh: "text",
      variantLabelEn: "text",
      imageUrl: "text",
      unitPriceFen: "integer",
      quantity: "integer",
      lineTotalFen: "integer",
      refundedQuantity: "integer",
      refundedFen: "integer",
    },
    rows.items,
  );
  await bulkInsert(
    db,
    "OrderEvent",
    { id: "text", orderId: "text", fromStatus: '"OrderStatus"', toStatus: '"OrderStatus"', actorType: '"ActorType"', actorId: "text", note: "text", createdAt: T },
    rows.orderEvents,
  );
  await bulkInsert(
    db,
    "ShipmentEvent",
    { id: "text", orderId: "text", code: "text", descriptionZh: "text", descriptionEn: "text", location: "text", occurredAt: T },
    rows.scans,
  );
  await bulkInsert(
    db,
    "Review",
    {
      id: "text",
      orderItemId: "text",
      productId: "text",
      shopId: "text",
      userId: "text",
      rating: "integer",
      body: "text",
      hasMedia: "boolean",
      sellerReply: "text",
      sellerRepliedAt: T,
      createdAt: T,
    },
    rows.reviews,
  );
  await bulkInsert(db, "ReviewMedia", { id: "text", reviewId: "text", url: "text", width: "integer", height: "integer", position: "integer" }, rows.media);
  // A handful of rows: the ordinary client is fine.
  await db.afterSale.createMany({ data: rows.afterSales });
  await db.afterSaleEvent.createMany({ data: rows.afterSaleEvents });
}

// ───────────────────────────── catalog reads ─────────────────────────────

const PRODUCT_SELECT = {
  id: true,
  shopId: true,
  titleZh: true,
  titleEn: true,
  ratingCount: true,
  media: { select: { url: true }, orderBy: { position: "asc" } },
  variants: {
    where: { isActive: true },
    orderBy: { position: "asc" },
    take: 4,
    select: { id: true, sku: true, priceFen: true, optionValues: { select: { valueZh: true, valueEn: true, option: { select: { position: true } } } } },
  },
} satisfies Prisma.ProductSelect;

function toPick(p: Prisma.ProductGetPayload<{ select: typeof PRODUCT_SELECT }>): ProductPick {
  return {
    id: p.id,
    shopId: p.shopId,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    ratingCount: p.ratingCount,
    imageUrl: p.media[0]?.url ?? null,
    mediaUrls: p.media.map((m) => m.url),
    variants: p.variants.map((v) => {
      const values = [...v.optionValues].sort((a, b) => a.option.position - b.option.position);
      return { id: v.id, sku: v.sku, priceFen: v.priceFen, labelZh: values.map((x) => x.valueZh).join(" / "), labelEn: values.map((x) => x.valueEn).join(" / ") };
    }),
  };
}

/** Draws `k` ratings from a histogram without replacement, taking them out of it (so written reviews never exceed its counts). */
function drawRatings(rng: Random, left: Histogram, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const total = left.reduce((a, b) => a + b, 0);
    if (total === 0) break;
    let x = rng.int(1, total);
    let star = 0;
    while (x > left[star]) x -= left[star++];
    left[star]--;
    out.push(star + 1);
  }
  return out;
}

// ───────────────────────────── entry point ─────────────────────────────

export async function seedTrade(db: DbClient, options: TradeSeedOptions = {}): Promise<TradeSeedCounts> {
  const now = options.now ?? new Date();
  const autoConfirmDays = 10;
  const histograms = await seedHistograms(db);

  const shopper = await db.user.findUnique({ where: { id: DEMO_SHOPPER_ID }, select: { passwordHash: true } });
  const shopRows = await db.shop.findMany({ select: { id: true, shippingFeeFen: true, freeShippingThresholdFen: true, region: { select: { provinceZh: true, provinceEn: true } } } });
  const shops = new Map<string, ShopRow>(shopRows.map((s) => [s.id, { id: s.id, shippingFeeFen: s.shippingFeeFen, freeShippingThresholdFen: s.freeShippingThresholdFen, provinceZh: s.region?.provinceZh ?? null, provinceEn: s.region?.provinceEn ?? null }]));
  const reviewed = (await db.product.findMany({ where: { ...SEEDED, status: "ACTIVE", ratingCount: { gt: 0 } }, orderBy: { id: "asc" }, take: REVIEWED_PRODUCTS, select: PRODUCT_SELECT })).map(toPick);
  const ofShop = async (shopId: string) =>
    (await db.product.findMany({ where: { ...SEEDED, shopId, status: "ACTIVE" }, orderBy: [{ ratingCount: "desc" }, { id: "asc" }], take: 6, select: PRODUCT_SELECT }))
      .map(toPick)
      .filter((p) => p.variants.length > 0);
  const sellerProducts = await ofShop(DEMO_SELLER_SHOP);
  const seller2Products = await ofShop(DEMO_SELLER2_SHOP);
  if (!shopper || reviewed.length === 0 || sellerProducts.length < 2 || seller2Products.length < 1) {
    // A catalog too small for orders (e.g. --products 0): histograms only.
    return { users: 0, orders: 0, reviews: 0, afterSales: 0 };
  }

  // Buyer accounts (sign in with the demo password too).
  const buyerIds = BUYERS.map((b) => `user_buyer_${b.key}`);
  await db.user.createMany({
    data: BUYERS.map((b, i) => ({ id: buyerIds[i], email: `buyer-${b.key}@demo.mall`, name: b.name, roles: ["SHOPPER" as const], passwordHash: shopper.passwordHash, avatarUrl: avatarUrl(`buyer-${b.key}`) })),
  });
  await db.address.create({ data: { id: "addr_demo_shopper", userId: DEMO_SHOPPER_ID, ...DEMO_ADDRESS, isDefault: true } });

  const rng = new Random("trade");
  const rows = new Rows();
  const usedNos = new Set<string>();
  const placeFor = (buyer: number): Place => ({ ...PLACES[buyer % PLACES.length], recipient: BUYERS[buyer].name, phone: `139${String(10000000 + buyer * 7919).slice(0, 8)}` });
  const shopOf = (p: ProductPick) => shops.get(p.shopId)!;
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const isEnglish = (s: string) => /^[A-Z]/.test(s);
  const text = (rating: number, english: boolean) => {
    const pool = REVIEW_TEXTS[rating].filter((s) => isEnglish(s) === english);
    return rng.pick(pool.length ? pool : REVIEW_TEXTS[rating]);
  };
  // What is left of each histogram once written reviews took their ratings from it.
  const left = new Map<string, Histogram>();
  const draw = (productId: string, k: number) => {
    const h = left.get(productId) ?? ([...(histograms.get(productId) ?? [0, 0, 0, 0, 0])] as Histogram);
    left.set(productId, h);
    return drawRatings(rng, h, k);
  };
  let orders = 0;
  let reviews = 0;

  // Buyers' completed orders with reviews.
  reviewed.forEach((product, p) => {
    const histogram = histograms.get(product.id);
    if (!histogram || product.variants.length === 0) return;
    const k = Math.min(product.ratingCount, rng.int(2, 5));
    const buyers = rng.sample(BUYERS.map((_, i) => i), k);
    const ratings = draw(product.id, buyers.length);
    ratings.forEach((rating, j) => {
      const buyer = buyers[j];
      const completedDaysAgo = rng.int(3, 240);
      const placedAt = ago(completedDaysAgo * DAY + rng.int(4, 6) * DAY + rng.int(0, 23) * HOUR);
      const photos = rng.chance(0.3) && product.mediaUrls.length > 0 ? rng.sample(product.mediaUrls, rng.int(1, Math.min(3, product.mediaUrls.length))) : [];
      addOrder(
        rows,
        {
          id: `ord_rv_${String(p + 1).padStart(4, "0")}_${j + 1}`,
          buyerId: buyerIds[buyer],
          shop: shopOf(product),
          place: placeFor(buyer),
          reached: "COMPLETED",
          placedAt,
          lines: [
            {
              product,
              variant: rng.pick(product.variants),
              quantity: rng.chance(0.2) ? 2 : 1,
              review: {
                rating,
                body: text(rating, BUYERS[buyer].key === "mia"),
                photos,
                reply: rng.chance(0.25) ? rng.pick(SELLER_REPLIES) : undefined,
                at: ago(completedDaysAgo * DAY - rng.int(1, 20) * HOUR),
              },
            },
          ],
        },
        rng,
        usedNos,
        autoConfirmDays,
      );
      orders++;
      reviews++;
    });
  });

  // The demo shopper: one order in each state, mostly from the demo seller's shop.
  const demo = (id: string, product: ProductPick, plan: Omit<OrderPlan, "id" | "buyerId" | "shop" | "place" | "lines"> & { quantity?: number; review?: Line["review"]; extra?: ProductPick }) => {
    const lines: Line[] = [{ product, variant: product.variants[0], quantity: plan.quantity ?? 1, review: plan.review }];
    if (plan.extra) lines.push({ product: plan.extra, variant: plan.extra.variants[plan.extra.variants.length - 1], quantity: 1 });
    addOrder(rows, { id, buyerId: DEMO_SHOPPER_ID, shop: shopOf(product), place: DEMO_ADDRESS, lines, reached: plan.reached, placedAt: plan.placedAt, afterSale: plan.afterSale }, rng, usedNos, autoConfirmDays);
    orders++;
    if (plan.review) reviews++;
  };
  const [s0, s1, s2, s3, s4] = [0, 1, 2, 3, 4].map((i) => sellerProducts[i % sellerProducts.length]);
  const other = reviewed.find((p) => p.shopId !== DEMO_SELLER_SHOP && p.shopId !== DEMO_SELLER2_SHOP) ?? s2;
  // The demo shopper's own reviews are new ratings, added to the product as the app adds them.
  const demoRatings: Array<[string, number]> = [];
  const demoReview = (p: ProductPick, rating: number, body: string, photos: string[], at: Date): Line["review"] => {
    demoRatings.push([p.id, rating]);
    return { rating, body, photos, at };
  };

  demo("ord_demo_paid_1", s0, { reached: "PAID", placedAt: ago(2 * HOUR), extra: s1 });
  demo("ord_demo_paid_2", s2, { reached: "PAID", placedAt: ago(35 * MINUTE), quantity: 2 });
  demo("ord_demo_paid_3", seller2Products[0], { reached: "PAID", placedAt: ago(5 * HOUR) });
  demo("ord_demo_shipped", s3, { reached: "SHIPPED", placedAt: ago(26 * HOUR) });
  demo("ord_demo_delivered", other, { reached: "DELIVERED", placedAt: ago(4 * DAY) });
  demo("ord_demo_after_sale", s4, {
    reached: "DELIVERED",
    placedAt: ago(5 * DAY),
    quantity: 2,
    afterSale: {
      id: "as_demo_requested",
      kind: "RETURN_AND_REFUND",
      status: "REQUESTED",
      quantity: 1,
      reason: "quality_issue",
      description: "其中一台通电后指示灯不亮，想退一台。",
      at: ago(3 * HOUR),
    },
  });
  demo("ord_demo_refunded", seller2Products[seller2Products.length > 1 ? 1 : 0], {
    reached: "PAID",
    placedAt: ago(3 * DAY),
    afterSale: { id: "as_demo_refunded", kind: "REFUND_ONLY", status: "REFUNDED", quantity: 1, reason: "no_longer_needed", description: "拍错了型号。", at: ago(3 * DAY - 40 * MINUTE) },
  });
  demo("ord_demo_completed_1", s1, {
    reached: "COMPLETED",
    placedAt: ago(9 * DAY),
    review: demoReview(s1, 5, "颜值和做工都在线，用起来很顺手，推荐！", s1.mediaUrls.slice(0, 2), ago(4 * DAY)),
  });
  demo("ord_demo_completed_2", other, {
    reached: "COMPLETED",
    placedAt: ago(24 * DAY),
    review: demoReview(other, 4, "整体满意，包装很严实，就是物流慢了一天。", [], ago(18 * DAY)),
  });
  demo("ord_demo_completed_3", s2, { reached: "COMPLETED", placedAt: ago(12 * DAY) });

  // A case for the arbitration queue: a buyer's request the seller rejected, escalated yesterday.
  const disputed = s3;
  addOrder(
    rows,
    {
      id: "ord_buyer_disputed",
      buyerId: buyerIds[1],
      shop: shopOf(disputed),
      place: placeFor(1),
      lines: [{ product: disputed, variant: disputed.variants[0], quantity: 1 }],
      reached: "DELIVERED",
      placedAt: ago(6 * DAY),
      afterSale: {
        id: "as_demo_escalated",
        kind: "REFUND_ONLY",
        status: "ESCALATED",
        quantity: 1,
        reason: "not_as_described",
        description: "页面写的是 1.7L，实际只有 1.5L。",
        rejectReason: "不同批次容量标注方式不同，商品无质量问题。",
        escalateNote: "商品页明确写着 1.7L，请平台核实。",
        at: ago(30 * HOUR),
      },
    },
    rng,
    usedNos,
    autoConfirmDays,
  );
  orders++;

  await insertAll(db, rows);
  for (const [productId, rating] of demoRatings) await addRatingToProduct(db, productId, rating);
  await recomputeShopScores(db, SEED_SHOP_IDS);
  return { users: BUYERS.length, orders, reviews, afterSales: rows.afterSales.length };
}
