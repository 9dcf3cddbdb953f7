// Coupon arithmetic, pure (no database): the discount of one coupon on a subtotal, whether a coupon
// is usable now, the best combination for a checkout and the split of a discount over lines.
// All money is integer fen.
//
// Decisions (documented here, tested in tests/unit/coupon-rules.test.ts):
// - Every coupon's discount is capped at (eligible subtotal − 1 fen): a coupon never makes the goods
//   free or the total negative (a ¥10 FIXED coupon on a ¥5 basket takes ¥4.99 off). Shipping is
//   never discounted.
// - FIXED: amountFen off once the eligible subtotal reaches thresholdFen (0 = no threshold).
// - PERCENT: percentOff % of the eligible subtotal, rounded DOWN to the fen, capped by
//   maxDiscountFen when set; needs thresholdFen too when set.
// - THRESHOLD (满减): amountFen off once the eligible subtotal reaches thresholdFen.
// - Valid window is [startsAt, endsAt) and the coupon must be active.
// - Stacking: at most one SHOP coupon per shop (on that shop's lines) and at most one PLATFORM coupon
//   per checkout, computed (threshold included) on the goods subtotal AFTER the shop discounts.

export type CouponKind = "FIXED" | "PERCENT" | "THRESHOLD";
export type CouponScope = "SHOP" | "PLATFORM";

export interface CouponTerms {
  kind: CouponKind;
  amountFen: number;
  percentOff: number;
  thresholdFen: number;
  maxDiscountFen: number | null;
}

export interface CouponWindow {
  startsAt: Date;
  endsAt: Date;
  isActive: boolean;
}

/** Discount of one coupon on an eligible subtotal; 0 when the coupon does not apply. */
export function couponDiscount(terms: CouponTerms, eligibleSubtotalFen: number): number {
  const subtotal = Math.floor(eligibleSubtotalFen);
  if (subtotal <= 1) return 0;
  if (subtotal < terms.thresholdFen) return 0;
  let raw: number;
  switch (terms.kind) {
    case "FIXED":
    case "THRESHOLD":
      raw = terms.amountFen;
      break;
    case "PERCENT": {
      raw = Math.floor((subtotal * terms.percentOff) / 100);
      if (terms.maxDiscountFen != null) raw = Math.min(raw, terms.maxDiscountFen);
      break;
    }
  }
  return Math.max(0, Math.min(raw, subtotal - 1));
}

/** In its window [startsAt, endsAt) and active. */
export function isInWindow(coupon: CouponWindow, now: Date): boolean {
  return coupon.isActive && coupon.startsAt.getTime() <= now.getTime() && now.getTime() < coupon.endsAt.getTime();
}

/** A coupon the shopper owns (one UserCoupon), as the combination search sees it. */
export interface OwnedCoupon extends CouponTerms {
  /** UserCoupon id. */
  id: string;
  scope: CouponScope;
  /** The shop of a SHOP coupon; null for PLATFORM. */
  shopId: string | null;
  endsAt: Date;
}

export interface CouponChoice {
  /** shopId → chosen UserCoupon id (absent = none). */
  shop: Record<string, string>;
  platform: string | null;
}

export interface EvaluatedChoice {
  choice: CouponChoice;
  /** shopId → discount of that shop's coupon. */
  shopDiscountFen: Record<string, number>;
  platformDiscountFen: number;
  totalDiscountFen: number;
}

/**
 * Evaluates a choice of coupons against per-shop goods subtotals. Throws a plain Error (the service
 * turns it into a 4xx) when a chosen coupon does not belong to the checkout (unknown id, a coupon of
 * another shop, two coupons for one shop are impossible by construction of CouponChoice).
 * A chosen coupon that gives 0 (threshold not reached) is reported with discount 0 — the caller
 * decides whether that is an error.
 */
export function evaluateChoice(
  subtotals: Readonly<Record<string, number>>,
  owned: readonly OwnedCoupon[],
  choice: CouponChoice,
): EvaluatedChoice {
  const byId = new Map(owned.map((c) => [c.id, c]));
  const shopDiscountFen: Record<string, number> = {};
  let goods = 0;
  let shopTotal = 0;
  for (const [shopId, subtotal] of Object.entries(subtotals)) {
    goods += subtotal;
    const id = choice.shop[shopId];
    if (!id) continue;
    const c = byId.get(id);
    if (!c || c.scope !== "SHOP" || c.shopId !== shopId) throw new Error(`coupon ${id} does not apply to shop ${shopId}`);
    shopDiscountFen[shopId] = couponDiscount(c, subtotal);
    shopTotal += shopDiscountFen[shopId];
  }
  for (const shopId of Object.keys(choice.shop)) {
    if (!(shopId in subtotals)) throw new Error(`coupon ${choice.shop[shopId]} does not apply to this checkout`);
  }
  let platformDiscountFen = 0;
  if (choice.platform) {
    const c = byId.get(choice.platform);
    if (!c || c.scope !== "PLATFORM") throw new Error(`coupon ${choice.platform} is not a platform coupon`);
    platformDiscountFen = couponDiscount(c, goods - shopTotal);
  }
  return { choice, shopDiscountFen, platformDiscountFen, totalDiscountFen: shopTotal + platformDiscountFen };
}

/** Sooner expiry first, then id: the deterministic tie-break between equal discounts. */
function preferred(a: OwnedCoupon, b: OwnedCoupon): number {
  return a.endsAt.getTime() - b.endsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Above this many distinct shop-discount sums the search falls back to "best per shop". */
const MAX_STATES = 20_000;

/**
 * The choice that maximises the total discount.
 *
 * Why not simply "best shop coupon per shop, then the best platform coupon on the rest"? Because a
 * large shop discount can push the remaining subtotal under a platform coupon's threshold (shop
 * ¥30 off + platform "¥50 off ¥200" on a ¥210 basket: greedy gives ¥30, the optimum is ¥50). So:
 * a shop's discount depends only on its own subtotal, and the platform discount depends only on the
 * SUM D of shop discounts (it is computed on goods − D). Hence the total is D + g_p(goods − D) for
 * platform option p, and it suffices to enumerate every achievable sum D (per shop: none, or each
 * distinct discount value — coupons giving the same value are interchangeable) together with every
 * platform option. That enumeration is exhaustive, hence optimal; tests compare it with brute force.
 * Ties: larger total, then fewer coupons used, then coupons expiring sooner.
 */
export function bestCombination(subtotals: Readonly<Record<string, number>>, owned: readonly OwnedCoupon[]): EvaluatedChoice {
  const shopIds = Object.keys(subtotals).sort();
  // Per shop: the options (distinct positive discount values, best coupon for each value).
  const perShop = shopIds.map((shopId) => {
    const options = new Map<number, OwnedCoupon>();
    for (const c of owned) {
      if (c.scope !== "SHOP" || c.shopId !== shopId) continue;
      const d = couponDiscount(c, subtotals[shopId]!);
      if (d <= 0) continue;
      const cur = options.get(d);
      if (!cur || preferred(c, cur) < 0) options.set(d, c);
    }
    return { shopId, options: [...options.entries()].sort((a, b) => b[0] - a[0]) };
  });

  // Achievable sums D → (choice, number of coupons). Dedupe keeps the state count small.
  type State = { shop: Record<string, string>; count: number };
  let states = new Map<number, State>([[0, { shop: {}, count: 0 }]]);
  for (const { shopId, options } of perShop) {
    if (options.length === 0) continue;
    const next = new Map<number, State>(states);
    for (const [sum, st] of states) {
      for (const [d, c] of options) {
        const key = sum + d;
        const cand = { shop: { ...st.shop, [shopId]: c.id }, count: st.count + 1 };
        const cur = next.get(key);
        if (!cur || cand.count < cur.count) next.set(key, cand);
      }
    }
    if (next.size > MAX_STATES) {
      // Pathological wallet: keep for each sum only "none" or this shop's best coupon.
      const limited = new Map<number, State>(states);
      const [d, c] = options[0]!;
      for (const [sum, st] of states) {
        const key = sum + d;
        if (!limited.has(key)) limited.set(key, { shop: { ...st.shop, [shopId]: c.id }, count: st.count + 1 });
      }
      states = limited;
    } else {
      states = next;
    }
  }

  const goods = shopIds.reduce((s, id) => s + subtotals[id]!, 0);
  const platforms = owned.filter((c) => c.scope === "PLATFORM").sort(preferred);
  let best: { total: number; count: number; shopSum: number; st: State; platform: OwnedCoupon | null; pd: number } | null = null;
  for (const [shopSum, st] of states) {
    for (const p of [null, ...platforms]) {
      const pd = p ? couponDiscount(p, goods - shopSum) : 0;
      if (p && pd <= 0) continue;
      const total = shopSum + pd;
      const count = st.count + (p ? 1 : 0);
      if (!best || total > best.total || (total === best.total && count < best.count)) {
        best = { total, count, shopSum, st, platform: p, pd };
      }
    }
  }
  return evaluateChoice(subtotals, owned, { shop: best!.st.shop, platform: best!.platform?.id ?? null });
}

/**
 * Splits `totalFen` over parts in proportion to `weights` (largest-remainder method): integer parts
 * that sum to exactly `totalFen`, each part ≤ its weight when totalFen ≤ sum(weights), zero-weight
 * parts get 0. Ties on the remainder go to the earlier index.
 */
export function allocate(totalFen: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (totalFen <= 0 || sum <= 0) return weights.map(() => 0);
  if (totalFen > sum) throw new Error("allocate: discount exceeds the amount it is split over");
  // BigInt: totalFen × weight can pass 2^53 on large baskets.
  const T = BigInt(totalFen);
  const S = BigInt(sum);
  const parts = weights.map((w) => Number((T * BigInt(w)) / S));
  const rema = weights.map((w, i) => ({ i, r: (T * BigInt(w)) % S }));
  let left = totalFen - parts.reduce((s, p) => s + p, 0);
  rema.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of rema) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}
