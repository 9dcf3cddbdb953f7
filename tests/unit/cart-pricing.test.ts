import { describe, expect, it } from "vitest";
import { groupByShop, maxQuantity, newOrderNo, priceChange, shippingFeeFor, shopTotals, sumTotals, MAX_LINE_QUANTITY } from "@/server/cart/pricing";
import { lineProblem } from "@/server/checkout/checkout.service";

describe("maxQuantity", () => {
  it("is the smallest of stock, purchase limit and 99, never negative", () => {
    expect(maxQuantity(5, null)).toBe(5);
    expect(maxQuantity(5, 2)).toBe(2);
    expect(maxQuantity(1000, null)).toBe(MAX_LINE_QUANTITY);
    expect(maxQuantity(1000, 150)).toBe(MAX_LINE_QUANTITY);
    expect(maxQuantity(0, 3)).toBe(0);
    expect(maxQuantity(-2, null)).toBe(0);
  });
});

describe("shipping", () => {
  const rule = { shippingFeeFen: 800, freeShippingThresholdFen: 9900 };
  it("charges the flat fee below the threshold and nothing from it on", () => {
    expect(shippingFeeFor(rule, 9899)).toBe(800);
    expect(shippingFeeFor(rule, 9900)).toBe(0);
    expect(shippingFeeFor(rule, 15000)).toBe(0);
  });
  it("charges nothing when there is nothing to ship, and a zero threshold means always free", () => {
    expect(shippingFeeFor(rule, 0)).toBe(0);
    expect(shippingFeeFor({ shippingFeeFen: 800, freeShippingThresholdFen: 0 }, 100)).toBe(0);
  });
  it("totals a shop's lines and sums shops", () => {
    const a = shopTotals(rule, [
      { unitPriceFen: 1990, quantity: 2 },
      { unitPriceFen: 5000, quantity: 1 },
    ]);
    expect(a).toEqual({ subtotalFen: 8980, shippingFeeFen: 800, discountFen: 0, totalFen: 9780 });
    const b = shopTotals(rule, [{ unitPriceFen: 12900, quantity: 1 }]);
    expect(b).toEqual({ subtotalFen: 12900, shippingFeeFen: 0, discountFen: 0, totalFen: 12900 });
    expect(sumTotals([a, b])).toEqual({ subtotalFen: 21880, shippingFeeFen: 800, discountFen: 0, totalFen: 22680 });
  });
});

describe("priceChange", () => {
  it("says which way the price moved since adding", () => {
    expect(priceChange(1000, 1200)).toBe("UP");
    expect(priceChange(1000, 900)).toBe("DOWN");
    expect(priceChange(1000, 1000)).toBeNull();
    expect(priceChange(null, 1000)).toBeNull();
  });
});

describe("groupByShop", () => {
  it("groups in order of first appearance", () => {
    const groups = groupByShop([
      { shopId: "b", n: 1 },
      { shopId: "a", n: 2 },
      { shopId: "b", n: 3 },
    ]);
    expect(groups.map((g) => [g.shopId, g.items.map((i) => i.n)])).toEqual([
      ["b", [1, 3]],
      ["a", [2]],
    ]);
  });
});

describe("lineProblem", () => {
  const sku = { isForSale: true, stock: 5, purchaseLimit: 3 };
  it("names the first thing that stops a line", () => {
    expect(lineProblem(sku, 3)).toBeNull();
    expect(lineProblem(sku, 4)).toBe("OVER_LIMIT");
    expect(lineProblem({ ...sku, purchaseLimit: null }, 6)).toBe("INSUFFICIENT_STOCK");
    expect(lineProblem({ ...sku, stock: 0 }, 1)).toBe("SOLD_OUT");
    expect(lineProblem({ ...sku, isForSale: false }, 1)).toBe("UNAVAILABLE");
  });
});

describe("newOrderNo", () => {
  it("is the China date and 8 base32 characters", () => {
    // 2026-11-22 20:30 UTC is already 23 November in China.
    const no = newOrderNo(new Date("2026-11-22T20:30:00Z"), new Uint8Array([0, 1, 2, 31, 32, 33, 200, 255]));
    expect(no).toBe("20261123-012Z018Z");
    expect(newOrderNo(new Date())).toMatch(/^\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/);
  });
  it("rarely repeats", () => {
    const now = new Date();
    const seen = new Set(Array.from({ length: 5000 }, () => newOrderNo(now)));
    expect(seen.size).toBe(5000);
  });
});
