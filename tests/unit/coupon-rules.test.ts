import { describe, expect, it } from "vitest";
import { allocate, bestCombination, couponDiscount, evaluateChoice, isInWindow, type CouponChoice, type OwnedCoupon } from "@/server/marketing/coupon.rules";
import { allocateDiscounts, resolveChoice } from "@/server/marketing/coupon.service";
import { AppError } from "@/server/errors";

const terms = (t: Partial<OwnedCoupon>) => ({ kind: "FIXED" as const, amountFen: 0, percentOff: 0, thresholdFen: 0, maxDiscountFen: null, ...t });
let n = 0;
/** Deterministic integers in [0, k) (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return (k: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
}
function owned(t: Partial<OwnedCoupon> & Pick<OwnedCoupon, "scope">): OwnedCoupon {
  return { id: `uc${++n}`, shopId: null, endsAt: new Date(2030, 0, 1), ...terms(t), ...t };
}

describe("couponDiscount", () => {
  it("FIXED takes amountFen off from its threshold, never the whole subtotal", () => {
    expect(couponDiscount(terms({ kind: "FIXED", amountFen: 1000 }), 5000)).toBe(1000);
    expect(couponDiscount(terms({ kind: "FIXED", amountFen: 1000, thresholdFen: 9900 }), 9899)).toBe(0);
    expect(couponDiscount(terms({ kind: "FIXED", amountFen: 1000, thresholdFen: 9900 }), 9900)).toBe(1000);
    // Capped at subtotal − 1 fen: a ¥10 coupon on ¥5 takes ¥4.99.
    expect(couponDiscount(terms({ kind: "FIXED", amountFen: 1000 }), 500)).toBe(499);
    expect(couponDiscount(terms({ kind: "FIXED", amountFen: 1000 }), 1)).toBe(0);
    expect(couponDiscount(terms({ kind: "FIXED", amountFen: 1000 }), 0)).toBe(0);
  });
  it("PERCENT rounds down to the fen and respects the cap and threshold", () => {
    expect(couponDiscount(terms({ kind: "PERCENT", percentOff: 10 }), 12345)).toBe(1234);
    expect(couponDiscount(terms({ kind: "PERCENT", percentOff: 15 }), 999)).toBe(149);
    expect(couponDiscount(terms({ kind: "PERCENT", percentOff: 10, maxDiscountFen: 500 }), 100000)).toBe(500);
    expect(couponDiscount(terms({ kind: "PERCENT", percentOff: 10, thresholdFen: 10000 }), 9999)).toBe(0);
    expect(couponDiscount(terms({ kind: "PERCENT", percentOff: 10, thresholdFen: 10000 }), 10000)).toBe(1000);
  });
  it("THRESHOLD (满减) applies exactly from the threshold", () => {
    const c = terms({ kind: "THRESHOLD", amountFen: 3000, thresholdFen: 19900 });
    expect(couponDiscount(c, 19899)).toBe(0);
    expect(couponDiscount(c, 19900)).toBe(3000);
    expect(couponDiscount(c, 50000)).toBe(3000);
  });
});

describe("isInWindow", () => {
  const c = { startsAt: new Date("2026-11-01T00:00:00Z"), endsAt: new Date("2026-12-01T00:00:00Z"), isActive: true };
  it("is [startsAt, endsAt) and active", () => {
    expect(isInWindow(c, new Date("2026-10-31T23:59:59.999Z"))).toBe(false);
    expect(isInWindow(c, new Date("2026-11-01T00:00:00Z"))).toBe(true);
    expect(isInWindow(c, new Date("2026-11-30T23:59:59.999Z"))).toBe(true);
    expect(isInWindow(c, new Date("2026-12-01T00:00:00Z"))).toBe(false);
    expect(isInWindow({ ...c, isActive: false }, new Date("2026-11-15T00:00:00Z"))).toBe(false);
  });
});

describe("allocate (largest remainder)", () => {
  it("sums exactly and never exceeds a weight", () => {
    expect(allocate(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(allocate(10, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(allocate(5, [3, 3, 3])).toEqual([2, 2, 1]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(3, [0, 10, 0])).toEqual([0, 3, 0]);
    const rnd = prng(7);
    for (let i = 0; i < 2000; i++) {
      const weights = Array.from({ length: 1 + rnd(6) }, () => rnd(3) === 0 ? 0 : 1 + rnd(100000));
      const sum = weights.reduce((s, w) => s + w, 0);
      const total = sum === 0 ? 0 : rnd(sum + 1);
      const parts = allocate(total, weights);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(sum === 0 ? 0 : total);
      parts.forEach((p, j) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(weights[j]!);
      });
    }
  });
  it("handles amounts whose products pass 2^53", () => {
    expect(allocate(90_000_000, [99_999_999, 99_999_999, 2]).reduce((s, p) => s + p, 0)).toBe(90_000_000);
  });
  it("refuses a discount larger than the amount", () => {
    expect(() => allocate(11, [5, 5])).toThrow();
  });
});

/** Every combination: per shop none or one of its coupons, and none or one platform coupon. */
function bruteForce(subtotals: Record<string, number>, coupons: OwnedCoupon[]): number {
  const shops = Object.keys(subtotals);
  let best = 0;
  const walk = (i: number, choice: Record<string, string>) => {
    if (i === shops.length) {
      for (const p of [null, ...coupons.filter((c) => c.scope === "PLATFORM")]) {
        const c: CouponChoice = { shop: choice, platform: p?.id ?? null };
        best = Math.max(best, evaluateChoice(subtotals, coupons, c).totalDiscountFen);
      }
      return;
    }
    walk(i + 1, choice);
    for (const c of coupons.filter((x) => x.scope === "SHOP" && x.shopId === shops[i])) walk(i + 1, { ...choice, [shops[i]!]: c.id });
  };
  walk(0, {});
  return best;
}

describe("bestCombination", () => {
  it("beats the greedy choice when a shop coupon would drop the basket under the platform threshold", () => {
    const shop = owned({ scope: "SHOP", shopId: "A", kind: "THRESHOLD", amountFen: 3000, thresholdFen: 10000 });
    const platform = owned({ scope: "PLATFORM", kind: "THRESHOLD", amountFen: 5000, thresholdFen: 20000 });
    const best = bestCombination({ A: 21000 }, [shop, platform]);
    expect(best.totalDiscountFen).toBe(5000);
    expect(best.choice).toEqual({ shop: {}, platform: platform.id });
  });
  it("stacks one coupon per shop and one platform coupon on what is left", () => {
    const a = owned({ scope: "SHOP", shopId: "A", kind: "THRESHOLD", amountFen: 3000, thresholdFen: 19900 });
    const a2 = owned({ scope: "SHOP", shopId: "A", kind: "FIXED", amountFen: 1000 });
    const b = owned({ scope: "SHOP", shopId: "B", kind: "PERCENT", percentOff: 10 });
    const p = owned({ scope: "PLATFORM", kind: "PERCENT", percentOff: 10 });
    const best = bestCombination({ A: 20000, B: 10000 }, [a, a2, b, p]);
    expect(best.choice).toEqual({ shop: { A: a.id, B: b.id }, platform: p.id });
    expect(best.shopDiscountFen).toEqual({ A: 3000, B: 1000 });
    expect(best.platformDiscountFen).toBe(2600); // 10 % of (30000 − 4000)
    expect(best.totalDiscountFen).toBe(6600);
  });
  it("uses nothing when nothing applies, and ignores coupons of shops not in the order", () => {
    const other = owned({ scope: "SHOP", shopId: "Z", kind: "FIXED", amountFen: 1000 });
    const high = owned({ scope: "PLATFORM", kind: "THRESHOLD", amountFen: 1000, thresholdFen: 99999 });
    expect(bestCombination({ A: 5000 }, [other, high])).toMatchObject({ totalDiscountFen: 0, choice: { shop: {}, platform: null } });
  });
  it("matches brute force on random small wallets", () => {
    const rnd = prng(42);
    const kinds = ["FIXED", "PERCENT", "THRESHOLD"] as const;
    const randomTerms = () => {
      const kind = kinds[rnd(3)]!;
      const amountFen = 100 * (1 + rnd(60));
      return {
        kind,
        amountFen: kind === "PERCENT" ? 0 : amountFen,
        percentOff: kind === "PERCENT" ? 5 + rnd(40) : 0,
        thresholdFen: kind === "THRESHOLD" ? amountFen + 100 * rnd(300) : rnd(2) ? 100 * rnd(200) : 0,
        maxDiscountFen: kind === "PERCENT" && rnd(2) ? 100 * (1 + rnd(50)) : null,
      };
    };
    for (let round = 0; round < 400; round++) {
      const shops = ["A", "B", "C"].slice(0, 1 + rnd(3));
      const subtotals = Object.fromEntries(shops.map((s) => [s, 100 * (1 + rnd(400))]));
      const coupons: OwnedCoupon[] = [];
      for (const s of shops) for (let k = rnd(4); k > 0; k--) coupons.push(owned({ scope: "SHOP", shopId: s, ...randomTerms() }));
      for (let k = rnd(4); k > 0; k--) coupons.push(owned({ scope: "PLATFORM", ...randomTerms() }));
      const best = bestCombination(subtotals, coupons);
      expect(best.totalDiscountFen).toBe(bruteForce(subtotals, coupons));
      // The reported choice really gives that total.
      expect(evaluateChoice(subtotals, coupons, best.choice).totalDiscountFen).toBe(best.totalDiscountFen);
    }
  });
});

describe("resolveChoice", () => {
  const a = owned({ scope: "SHOP", shopId: "A", kind: "THRESHOLD", amountFen: 3000, thresholdFen: 19900 });
  const a2 = owned({ scope: "SHOP", shopId: "A", kind: "FIXED", amountFen: 500 });
  const p = owned({ scope: "PLATFORM", kind: "FIXED", amountFen: 500 });
  const p2 = owned({ scope: "PLATFORM", kind: "FIXED", amountFen: 700 });
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof AppError ? `${e.code} ${e.field}` : "other";
    }
    return "none";
  };
  it("takes a valid explicit choice, including none", () => {
    expect(resolveChoice({ A: 20000 }, [a, a2, p], [a2.id]).totalDiscountFen).toBe(500);
    expect(resolveChoice({ A: 20000 }, [a, a2, p], []).totalDiscountFen).toBe(0);
  });
  it("refuses unknown ids, two per shop, two platform coupons and unmet thresholds — naming couponIds", () => {
    expect(field(() => resolveChoice({ A: 20000 }, [a], ["nope"]))).toBe("BAD_REQUEST couponIds");
    expect(field(() => resolveChoice({ A: 20000 }, [a, a2], [a.id, a2.id]))).toBe("BAD_REQUEST couponIds");
    expect(field(() => resolveChoice({ A: 20000 }, [p, p2], [p.id, p2.id]))).toBe("BAD_REQUEST couponIds");
    expect(field(() => resolveChoice({ A: 10000 }, [a], [a.id]))).toBe("BAD_REQUEST couponIds");
  });
});

describe("allocateDiscounts", () => {
  it("splits shop discounts within the shop and the platform discount over shops, exactly", () => {
    const a = owned({ scope: "SHOP", shopId: "A", kind: "THRESHOLD", amountFen: 1000, thresholdFen: 3000 });
    const p = owned({ scope: "PLATFORM", kind: "FIXED", amountFen: 1001 });
    const lines = [
      { shopId: "A", amountFen: 1000 },
      { shopId: "A", amountFen: 2000 },
      { shopId: "B", amountFen: 3333 },
    ];
    const e = evaluateChoice({ A: 3000, B: 3333 }, [a, p], { shop: { A: a.id }, platform: p.id });
    const parts = allocateDiscounts(lines, e);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(2001);
    // Shop A: 1000 over 1000/2000 → 333/667 (+ its platform share); shop B only gets platform share.
    expect(parts[0]! + parts[1]!).toBeGreaterThanOrEqual(1000);
    parts.forEach((x, i) => expect(x).toBeLessThan(lines[i]!.amountFen));
  });
});
