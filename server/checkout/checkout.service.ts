// Checkout: turns the selected cart items (or one "buy now" SKU) into one Checkout and one Order per
// shop. Everything is priced here from the database; nothing the client says about money is read.
//
// place() in one transaction: Checkout row (its unique (userId, idempotencyKey) makes retries and
// double clicks return the first result), orders with address and item snapshots, an OrderEvent
// each, the ordered cart lines removed — and, last, the stock reservation: one conditional UPDATE per
// SKU, so the hot row of a flash sale is locked only from that statement to the commit. A short line
// rolls everything back.
import type { Db, DbClient } from "@/server/db/client";
import type { AttributionChannel, AttributionField, Prisma } from "@/server/generated/prisma/client";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { reserveStock } from "@/server/order/stock";
import { recordCommissions } from "@/server/affiliate/commission.service";
import { groupByShop, maxQuantity, newOrderNo, priceChange, shopTotals, sumTotals } from "@/server/cart/pricing";
import { loadSkus, type Sku } from "@/server/cart/sku";
import { Gate } from "@/server/checkout/gate";
import { attributionColumns, DEFAULT_ATTRIBUTION_COLUMNS, resolveCart, type CartOwner } from "@/server/cart/cart.service";
import { findOwnAddress, getDefaultAddress } from "@/server/address/address.service";
import type { AddressOutput } from "@/server/address/address.schema";
import { allocateDiscounts, ownedCouponsFor, redeemCoupons, resolveChoice, type CouponRequest } from "@/server/marketing/coupon.service";
import { bestCombination, couponDiscount, type EvaluatedChoice } from "@/server/marketing/coupon.rules";
import {
  BLOCKING_PROBLEMS,
  type CheckoutLineOutput,
  type CheckoutSource,
  type PlaceInput,
  type PlaceOutput,
  type PreviewInput,
  type PreviewOutput,
  type ProblemKind,
} from "@/server/checkout/checkout.schema";

interface Attribution {
  attrField: AttributionField;
  attrChannel: AttributionChannel;
  attrSourceId: string | null;
  attrCreatorId: string | null;
}

interface SourceLine {
  sku: Sku;
  quantity: number;
  addedPriceFen: number | null;
  attribution: Attribution;
  cartItemId: string | null;
}

type LineProblem = CheckoutLineOutput["problem"];

interface PlanLine extends SourceLine {
  problem: LineProblem;
  /** This line's share of the coupon discounts (applyCoupons). */
  discountFen: number;
}

interface PlanGroup {
  shop: Sku["shop"];
  lines: PlanLine[];
  subtotalFen: number;
  shippingFeeFen: number;
  discountFen: number;
  totalFen: number;
}

interface Plan {
  groups: PlanGroup[];
  lines: PlanLine[];
}

// ───────────────────────────── planning ─────────────────────────────

type CartRow = Awaited<ReturnType<typeof selectedCartItems>>[number];

/** The ticked lines of the user's cart, newest first. */
function selectedCartItems(db: DbClient, userId: string) {
  return db.cartItem.findMany({ where: { cart: { userId }, selected: true }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

function nothingSelected(): AppError {
  return new AppError("BAD_REQUEST", "source: nothing is selected in your cart", { field: "source" });
}

/** The lines to order with their SKUs: the one buy-now SKU, or the given (ticked) cart items. */
async function sourceLines(db: DbClient, userId: string, source: CheckoutSource, cartItems: CartRow[] | null): Promise<SourceLine[]> {
  if (source.buyNow) {
    const { variantId, quantity } = source.buyNow;
    const sku = (await loadSkus(db, [variantId], userId)).get(variantId);
    if (!sku) throw new AppError("NOT_FOUND", "variantId does not refer to a product option for sale", { field: "variantId" });
    const attribution = source.buyNow.attribution
      ? await attributionColumns(db, source.buyNow.attribution)
      : { ...DEFAULT_ATTRIBUTION_COLUMNS, attrSourceId: null, attrCreatorId: null };
    return [{ sku, quantity, addedPriceFen: null, attribution, cartItemId: null }];
  }
  if (!cartItems || cartItems.length === 0) throw nothingSelected();
  const skus = await loadSkus(db, cartItems.map((i) => i.variantId), userId);
  return cartItems.flatMap((i) => {
    const sku = skus.get(i.variantId);
    if (!sku) return [];
    return [
      {
        sku,
        quantity: i.quantity,
        addedPriceFen: i.addedPriceFen,
        attribution: { attrField: i.attrField, attrChannel: i.attrChannel, attrSourceId: i.attrSourceId, attrCreatorId: i.attrCreatorId },
        cartItemId: i.id,
      },
    ];
  });
}

/** The first thing that stops `quantity` units of this SKU from being ordered (total over the checkout). */
export function lineProblem(sku: Pick<Sku, "isForSale" | "stock" | "purchaseLimit">, quantity: number): LineProblem {
  if (!sku.isForSale) return "UNAVAILABLE";
  if (sku.stock <= 0) return "SOLD_OUT";
  if (sku.purchaseLimit !== null && quantity > sku.purchaseLimit) return "OVER_LIMIT";
  if (quantity > sku.stock) return "INSUFFICIENT_STOCK";
  return null;
}

function plan(lines: SourceLine[]): Plan {
  // Limits count every unit of a SKU in this checkout, however many lines carry it.
  const totalBySku = new Map<string, number>();
  for (const l of lines) totalBySku.set(l.sku.id, (totalBySku.get(l.sku.id) ?? 0) + l.quantity);
  const planned: PlanLine[] = lines.map((l) => ({ ...l, problem: lineProblem(l.sku, totalBySku.get(l.sku.id) ?? l.quantity), discountFen: 0 }));
  const groups = groupByShop(planned.map((l) => ({ ...l, shopId: l.sku.shopId }))).map(({ items }) => {
    const shop = items[0].sku.shop;
    const totals = shopTotals(shop, items.map((l) => ({ unitPriceFen: l.sku.priceFen, quantity: l.quantity })));
    return { shop, lines: items, ...totals };
  });
  return { groups, lines: planned };
}

/** The coupons that apply to a plan: what was asked for ("auto" = the best combination), and the best. */
interface CouponPlan {
  owned: Awaited<ReturnType<typeof ownedCouponsFor>>;
  best: EvaluatedChoice;
  chosen: EvaluatedChoice;
  /** Preview only: why the requested coupons could not be applied. */
  error: string | null;
}

/**
 * Chooses the coupons (re-read from the database: the client only names them) and spreads their
 * discounts over the lines — shop discounts over the shop's lines, the platform discount over the
 * shops then their lines, largest remainder so the parts sum exactly — and recomputes the totals.
 */
async function applyCoupons(db: DbClient, userId: string, p: Plan, request: CouponRequest, lenient: boolean): Promise<CouponPlan> {
  const subtotals = Object.fromEntries(p.groups.map((g) => [g.shop.id, g.subtotalFen]));
  const owned = await ownedCouponsFor(db, userId, Object.keys(subtotals));
  const best = bestCombination(subtotals, owned);
  let chosen = best;
  let error: string | null = null;
  if (request !== "auto") {
    try {
      chosen = resolveChoice(subtotals, owned, request);
    } catch (err) {
      if (!lenient || !(err instanceof AppError)) throw err;
      error = err.message;
    }
  }
  const lines = p.groups.flatMap((g) => g.lines);
  const parts = allocateDiscounts(lines.map((l) => ({ shopId: l.sku.shopId, amountFen: l.sku.priceFen * l.quantity })), chosen);
  lines.forEach((l, i) => (l.discountFen = parts[i]!));
  for (const g of p.groups) {
    const discountFen = g.lines.reduce((sum, l) => sum + l.discountFen, 0);
    Object.assign(g, shopTotals(g.shop, g.lines.map((l) => ({ unitPriceFen: l.sku.priceFen, quantity: l.quantity })), discountFen));
  }
  return { owned, best, chosen, error };
}

function chosenIds(e: EvaluatedChoice): string[] {
  return [...Object.values(e.choice.shop), ...(e.choice.platform ? [e.choice.platform] : [])];
}

function titleOf(sku: Sku): string {
  const title = sku.titleEn || sku.titleZh;
  return sku.variantLabelEn ? `"${title}" (${sku.variantLabelEn})` : `"${title}"`;
}

function shortError(sku: Sku, stock: number): AppError {
  return new AppError("CONFLICT", stock <= 0 ? `${titleOf(sku)} is sold out: only 0 left` : `${titleOf(sku)}: only ${stock} left`);
}

/** Throws the error for the first line that cannot be ordered. */
function assertPlaceable(p: Plan): void {
  for (const line of p.lines) {
    switch (line.problem) {
      case null:
        continue;
      case "UNAVAILABLE":
        throw new AppError("CONFLICT", `${titleOf(line.sku)} is no longer for sale`);
      case "OVER_LIMIT":
        throw new AppError("BAD_REQUEST", `quantity must be at most ${line.sku.purchaseLimit} of ${titleOf(line.sku)} per order`, { field: "quantity" });
      default:
        throw shortError(line.sku, line.sku.stock);
    }
  }
}

function toLineOutput(l: PlanLine): CheckoutLineOutput {
  const s = l.sku;
  return {
    variantId: s.id,
    productId: s.productId,
    productSlug: s.productSlug,
    sku: s.sku,
    titleZh: s.titleZh,
    titleEn: s.titleEn,
    variantLabelZh: s.variantLabelZh,
    variantLabelEn: s.variantLabelEn,
    imageUrl: s.imageUrl,
    unitPriceFen: s.priceFen,
    addedPriceFen: l.addedPriceFen,
    priceChange: priceChange(l.addedPriceFen, s.priceFen),
    quantity: l.quantity,
    lineTotalFen: s.priceFen * l.quantity,
    discountFen: l.discountFen,
    stock: s.stock,
    purchaseLimit: s.purchaseLimit,
    maxQuantity: maxQuantity(s.stock, s.purchaseLimit),
    problem: l.problem,
    attribution: { field: l.attribution.attrField, channel: l.attribution.attrChannel, sourceId: l.attribution.attrSourceId, creatorId: l.attribution.attrCreatorId },
  };
}

async function addressFor(db: DbClient, userId: string, addressId: string): Promise<AddressOutput> {
  const address = await findOwnAddress(db, userId, addressId);
  if (!address) throw new AppError("BAD_REQUEST", "addressId does not refer to one of your addresses", { field: "addressId" });
  return address;
}

/** What placing the order would create right now: groups per shop, fees, totals and problems. */
export async function previewCheckout(db: Db, owner: CartOwner & { userId: string }, input: PreviewInput): Promise<PreviewOutput> {
  if (input.source.cart) await resolveCart(db, owner);
  const address = input.addressId ? await addressFor(db, owner.userId, input.addressId) : await getDefaultAddress(db, owner.userId);
  const p = plan(await sourceLines(db, owner.userId, input.source, input.source.cart ? await selectedCartItems(db, owner.userId) : null));
  const coupons = await applyCoupons(db, owner.userId, p, input.couponIds ?? "auto", true);
  const problems: PreviewOutput["problems"] = [];
  for (const l of p.lines) {
    const change = priceChange(l.addedPriceFen, l.sku.priceFen);
    const kinds: ProblemKind[] = [...(l.problem ? [l.problem] : []), ...(change ? (["PRICE_CHANGED"] as const) : [])];
    for (const kind of kinds) {
      problems.push({
        kind,
        variantId: l.sku.id,
        titleZh: l.sku.titleZh,
        titleEn: l.sku.titleEn,
        variantLabelZh: l.sku.variantLabelZh,
        variantLabelEn: l.sku.variantLabelEn,
        stock: l.sku.stock,
        maxQuantity: maxQuantity(l.sku.stock, l.sku.purchaseLimit),
        fromPriceFen: l.addedPriceFen,
        toPriceFen: l.sku.priceFen,
      });
    }
  }
  const groups = p.groups.map((g) => ({
    shop: { id: g.shop.id, slug: g.shop.slug, nameZh: g.shop.nameZh, nameEn: g.shop.nameEn, freeShippingThresholdFen: g.shop.freeShippingThresholdFen },
    lines: g.lines.map(toLineOutput),
    itemCount: g.lines.reduce((n, l) => n + l.quantity, 0),
    subtotalFen: g.subtotalFen,
    shippingFeeFen: g.shippingFeeFen,
    discountFen: g.discountFen,
    totalFen: g.totalFen,
  }));
  return {
    groups,
    itemCount: groups.reduce((n, g) => n + g.itemCount, 0),
    ...sumTotals(p.groups),
    problems,
    canPlace: p.lines.length > 0 && !problems.some((x) => BLOCKING_PROBLEMS.includes(x.kind)),
    address,
    coupons: couponsOutput(p, coupons),
  };
}

function couponsOutput(p: Plan, c: CouponPlan): PreviewOutput["coupons"] {
  const subtotal = new Map(p.groups.map((g) => [g.shop.id, g.subtotalFen]));
  const goods = p.groups.reduce((sum, g) => sum + g.subtotalFen, 0);
  const shopSum = Object.values(c.chosen.shopDiscountFen).reduce((sum, d) => sum + d, 0);
  return {
    options: c.owned.map((o) => {
      const discountFen = o.scope === "PLATFORM" ? couponDiscount(o, goods - shopSum) : couponDiscount(o, subtotal.get(o.shopId ?? "") ?? 0);
      return { userCouponId: o.id, coupon: o.coupon, discountFen, isApplicable: discountFen > 0 };
    }),
    selectedIds: chosenIds(c.chosen),
    bestIds: chosenIds(c.best),
    bestDiscountFen: c.best.totalDiscountFen,
    shopDiscountFen: c.chosen.shopDiscountFen,
    platformDiscountFen: c.chosen.platformDiscountFen,
    error: c.error,
  };
}

// ───────────────────────────── placing ─────────────────────────────

/** The result of a checkout already placed with this key, if there is one. */
async function existingCheckout(db: DbClient, userId: string, idempotencyKey: string): Promise<PlaceOutput | null> {
  const checkout = await db.checkout.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: { id: true, totalFen: true, orders: { select: { id: true }, orderBy: { id: "asc" } } },
  });
  return checkout ? { checkoutId: checkout.id, orderIds: checkout.orders.map((o) => o.id), totalFen: checkout.totalFen } : null;
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}

/**
 * Many buyers waiting for few connections (a flash sale) must queue rather than fail: generous
 * limits on waiting for a connection and on the transaction itself.
 */
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

async function writeCheckout(tx: Prisma.TransactionClient, userId: string, input: PlaceInput, address: AddressOutput, p: Plan, couponIds: readonly string[]): Promise<PlaceOutput> {
  const lines = p.lines.map((l) => ({ variantId: l.sku.id, quantity: l.quantity }));
  const now = new Date();
  const payBy = new Date(now.getTime() + env.MALL_PAYMENT_TIMEOUT_MIN * 60_000);
  const grand = sumTotals(p.groups);
  // One nested write: the checkout, an order per shop with its item snapshots and first event.
  const checkout = await tx.checkout.create({
    data: {
      userId,
      idempotencyKey: input.idempotencyKey,
      totalFen: grand.totalFen,
      orders: {
        create: p.groups.map((g) => ({
          orderNo: newOrderNo(now),
          userId,
          shopId: g.shop.id,
          status: "PENDING_PAYMENT" as const,
          shipRecipient: address.recipient,
          shipPhone: address.phone,
          shipProvince: address.province,
          shipCity: address.city,
          shipDistrict: address.district,
          shipStreet: address.street,
          shipPostalCode: address.postalCode,
          note: input.notes?.[g.shop.id] ?? "",
          subtotalFen: g.subtotalFen,
          discountFen: g.discountFen,
          shippingFeeFen: g.shippingFeeFen,
          totalFen: g.totalFen,
          payBy,
          items: {
            createMany: {
              data: g.lines.map((l) => ({
                productId: l.sku.productId,
                variantId: l.sku.id,
                sku: l.sku.sku,
                titleZh: l.sku.titleZh,
                titleEn: l.sku.titleEn,
                variantLabelZh: l.sku.variantLabelZh,
                variantLabelEn: l.sku.variantLabelEn,
                imageUrl: l.sku.imageUrl,
                unitPriceFen: l.sku.priceFen,
                quantity: l.quantity,
                discountFen: l.discountFen,
                lineTotalFen: l.sku.priceFen * l.quantity - l.discountFen,
                ...l.attribution,
              })),
            },
          },
          events: { create: { fromStatus: null, toStatus: "PENDING_PAYMENT" as const, actorType: "SHOPPER" as const, actorId: userId } },
        })),
      },
    },
    select: { id: true, orders: { select: { id: true } } },
  });
  // The coupons, each with a conditional update: one used by a parallel checkout fails it all (409).
  await redeemCoupons(tx, userId, checkout.id, couponIds, now);
  const cartItemIds = p.lines.map((l) => l.cartItemId).filter((x): x is string => x !== null);
  if (cartItemIds.length > 0) await tx.cartItem.deleteMany({ where: { id: { in: cartItemIds }, cart: { userId } } });

  // Last: the hot rows are locked from here to the commit only.
  const short = await reserveStock(tx, lines);
  if (short.length > 0) {
    const line = p.lines.find((l) => l.sku.id === short[0])!;
    const left = await tx.productVariant.findUnique({ where: { id: line.sku.id }, select: { stock: true } });
    throw shortError(line.sku, left?.stock ?? 0);
  }
  await recordCommissions(tx, checkout.orders.map((o) => o.id));
  return { checkoutId: checkout.id, orderIds: checkout.orders.map((o) => o.id).sort(), totalFen: grand.totalFen };
}

/** Placements running at once in this process; the others queue (see gate.ts). 8 measured best with
 * a 20-connection pool in `npm run bench:checkout` (16 about the same, 96 several times slower). */
export const PLACE_CONCURRENCY = 8;
const placing = new Gate(PLACE_CONCURRENCY);

/**
 * Places the checkout: one order per shop, priced from the database, stock reserved, cart lines
 * removed. The same idempotency key again (a retry, a double click, ten parallel submissions)
 * returns the first checkout's result and never creates a second one.
 */
export async function placeCheckout(db: Db, userId: string, input: PlaceInput): Promise<PlaceOutput> {
  return placing.run(() => place(db, userId, input));
}

interface ProbeRow {
  checkoutId: string | null;
  variantId: string | null;
  stock: number | null;
  titleZh: string | null;
  titleEn: string | null;
}

/**
 * The flash-sale fast path, in one statement: whether this idempotency key already placed a
 * checkout, and the stock of the wanted SKUs (with their product titles, for the error). Most
 * buyers of a sold-out sale stop after this one read. Unknown or inactive SKUs are left to the full
 * check, which names them properly.
 */
async function probe(db: DbClient, userId: string, idempotencyKey: string, wanted: ReadonlyArray<{ variantId: string; quantity: number }>) {
  const total = new Map<string, number>();
  for (const w of wanted) total.set(w.variantId, (total.get(w.variantId) ?? 0) + w.quantity);
  const rows = await db.$queryRaw<ProbeRow[]>`
    SELECT c."id" AS "checkoutId", v."id" AS "variantId", v."stock", p."titleZh", p."titleEn"
    FROM (SELECT 1) AS one
    LEFT JOIN "Checkout" c ON c."userId" = ${userId} AND c."idempotencyKey" = ${idempotencyKey}
    LEFT JOIN ("ProductVariant" v JOIN "Product" p ON p."id" = v."productId")
      ON v."id" = ANY(${[...total.keys()]}::text[]) AND v."isActive"`;
  const short = rows.find((r) => r.variantId !== null && (r.stock ?? 0) < (total.get(r.variantId) ?? 0)) ?? null;
  return { alreadyPlaced: rows[0]?.checkoutId != null, short };
}

async function place(db: Db, userId: string, input: PlaceInput): Promise<PlaceOutput> {
  const cartItems = input.source.cart ? await selectedCartItems(db, userId) : null;
  const wanted = input.source.buyNow ? [input.source.buyNow] : (cartItems ?? []);
  const { alreadyPlaced, short } = await probe(db, userId, input.idempotencyKey, wanted);
  // A retry of a checkout that went through (and emptied the cart, or took the last units) gets
  // that checkout's result.
  const done = alreadyPlaced ? await existingCheckout(db, userId, input.idempotencyKey) : null;
  if (done) return done;
  if (wanted.length === 0) throw nothingSelected();
  if (short) {
    const title = `"${short.titleEn || short.titleZh}"`;
    throw new AppError("CONFLICT", (short.stock ?? 0) <= 0 ? `${title} is sold out: only 0 left` : `${title}: only ${short.stock} left`);
  }
  // The SKUs and the address are independent reads: both at once. Errors are reported in a fixed
  // order (the lines first), whichever read fails first.
  const [linesRead, addressRead] = await Promise.allSettled([sourceLines(db, userId, input.source, cartItems), addressFor(db, userId, input.addressId)]);
  if (linesRead.status === "rejected") throw linesRead.reason;
  const p = plan(linesRead.value);
  assertPlaceable(p);
  if (addressRead.status === "rejected") throw addressRead.reason;
  const address = addressRead.value;
  const { chosen } = await applyCoupons(db, userId, p, input.couponIds ?? [], false);
  const couponIds = chosenIds(chosen);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => writeCheckout(tx, userId, input, address, p, couponIds), TX_OPTIONS);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // A parallel submission with the same key committed first: its result is ours.
      const first = await existingCheckout(db, userId, input.idempotencyKey);
      if (first) return first;
      // Otherwise an order number collided (about 1 in 10¹² a day): try again with new numbers.
      if (attempt >= 2) throw err;
    }
  }
}
