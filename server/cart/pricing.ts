// Pure money and quantity rules shared by the cart and checkout: no database here, so they are
// unit-tested on their own (tests/unit/cart-pricing.test.ts). Money is integer fen throughout.

/** The most units of one SKU a cart line (or an order line) may hold, whatever the stock. */
export const MAX_LINE_QUANTITY = 99;

/** Units of one SKU a shopper may put in the cart or buy at once: min(stock, purchase limit, 99), never below 0. */
export function maxQuantity(stock: number, purchaseLimit: number | null): number {
  return Math.max(0, Math.min(stock, purchaseLimit ?? MAX_LINE_QUANTITY, MAX_LINE_QUANTITY));
}

export interface ShippingRule {
  shippingFeeFen: number;
  freeShippingThresholdFen: number;
}

/** The shop's flat fee, unless the subtotal reaches the free-shipping threshold; nothing to ship costs nothing. */
export function shippingFeeFor(rule: ShippingRule, subtotalFen: number): number {
  if (subtotalFen <= 0) return 0;
  return subtotalFen >= rule.freeShippingThresholdFen ? 0 : rule.shippingFeeFen;
}

export type PriceChange = "UP" | "DOWN";

/** How the unit price moved since the item was added to the cart, if it did. */
export function priceChange(addedPriceFen: number | null, currentPriceFen: number): PriceChange | null {
  if (addedPriceFen === null || addedPriceFen === currentPriceFen) return null;
  return currentPriceFen > addedPriceFen ? "UP" : "DOWN";
}

export interface PricedLine {
  shopId: string;
  unitPriceFen: number;
  quantity: number;
}

export interface ShopTotals {
  subtotalFen: number;
  shippingFeeFen: number;
  /** Coupon discount on the goods (never on shipping); see server/marketing/coupon.rules.ts. */
  discountFen: number;
  totalFen: number;
}

/**
 * Subtotal, shipping, discount and total of one shop's lines. Free shipping is decided on the
 * subtotal before coupons; the discount (≤ subtotal, computed by the coupon rules) only lowers the goods.
 */
export function shopTotals(rule: ShippingRule, lines: readonly Pick<PricedLine, "unitPriceFen" | "quantity">[], discountFen = 0): ShopTotals {
  const subtotalFen = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
  const shippingFeeFen = shippingFeeFor(rule, subtotalFen);
  return { subtotalFen, shippingFeeFen, discountFen, totalFen: subtotalFen + shippingFeeFen - discountFen };
}

/** Sums per-shop totals into the grand total. */
export function sumTotals(groups: readonly ShopTotals[]): ShopTotals {
  return groups.reduce<ShopTotals>(
    (acc, g) => ({
      subtotalFen: acc.subtotalFen + g.subtotalFen,
      shippingFeeFen: acc.shippingFeeFen + g.shippingFeeFen,
      discountFen: acc.discountFen + g.discountFen,
      totalFen: acc.totalFen + g.totalFen,
    }),
    { subtotalFen: 0, shippingFeeFen: 0, discountFen: 0, totalFen: 0 },
  );
}

/** Groups items by shop, keeping the order in which each shop first appears. */
export function groupByShop<T extends { shopId: string }>(items: readonly T[]): Array<{ shopId: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.shopId);
    if (list) list.push(item);
    else groups.set(item.shopId, [item]);
  }
  return [...groups].map(([shopId, list]) => ({ shopId, items: list }));
}

const BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

/**
 * A human-readable order number: the date in China time and 8 random base32 characters, e.g.
 * "20261123-8F3K2QAB" (32⁸ ≈ 10¹² numbers a day; the unique index catches the rare collision).
 */
export function newOrderNo(now: Date, randomBytes: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): string {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const date = `${china.getUTCFullYear()}${String(china.getUTCMonth() + 1).padStart(2, "0")}${String(china.getUTCDate()).padStart(2, "0")}`;
  let suffix = "";
  for (let i = 0; i < 8; i++) suffix += BASE32[randomBytes[i] % 32];
  return `${date}-${suffix}`;
}
