import { describe, expect, it } from "vitest";
import { averageX100, maskName, normaliseHistogram, ratingX100FromHistogram, shopScoreX100 } from "@/server/review/review.rules";

describe("rating arithmetic", () => {
  it("rounds the average ×100 half up, in integers", () => {
    expect(ratingX100FromHistogram([0, 0, 0, 1, 2])).toBe(467); // 14/3 = 4.666…
    expect(ratingX100FromHistogram([0, 0, 0, 1, 1])).toBe(450);
    expect(averageX100(2, 3)).toBe(67); // 66.67
    expect(averageX100(1, 8)).toBe(13); // 12.5 rounds up
    expect(ratingX100FromHistogram([0, 0, 0, 0, 0])).toBe(0);
  });

  it("reads malformed histogram columns as zeros", () => {
    expect(normaliseHistogram(null)).toEqual([0, 0, 0, 0, 0]);
    expect(normaliseHistogram([1, 2])).toEqual([1, 2, 0, 0, 0]);
    expect(normaliseHistogram([-1, 2, null, 4, 5, 6])).toEqual([0, 2, 0, 4, 5]);
  });

  it("masks buyer names to their first character", () => {
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("  Alice ")).toBe("A**");
    expect(maskName("😀smile")).toBe("😀**");
    expect(maskName("")).toBe("**");
  });
});

describe("shop score", () => {
  it("starts at 4.80 and moves gently with the first ratings", () => {
    expect(shopScoreX100({ ratingStars: 0, ratingCount: 0, paidOrders: 0, refundedAfterSales: 0 })).toBe(480);
    // One 1★ review: (100 + 480·20) / 21 = 461.9
    expect(shopScoreX100({ ratingStars: 1, ratingCount: 1, paidOrders: 1, refundedAfterSales: 0 })).toBe(462);
  });

  it("follows the ratings when there are many", () => {
    expect(shopScoreX100({ ratingStars: 4.5 * 10_000, ratingCount: 10_000, paidOrders: 10_000, refundedAfterSales: 0 })).toBe(450);
  });

  it("takes off for refunds, at most one star", () => {
    const base = { ratingStars: 5 * 1000, ratingCount: 1000 };
    const clean = shopScoreX100({ ...base, paidOrders: 980, refundedAfterSales: 0 });
    const tenPercent = shopScoreX100({ ...base, paidOrders: 980, refundedAfterSales: 100 });
    expect(clean - tenPercent).toBe(30);
    const all = shopScoreX100({ ...base, paidOrders: 980, refundedAfterSales: 5000 });
    expect(clean - all).toBe(100);
  });

  it("stays within 0..500", () => {
    for (const input of [
      { ratingStars: 5e9, ratingCount: 1e9, paidOrders: 0, refundedAfterSales: 0 },
      { ratingStars: 1e6, ratingCount: 1e6, paidOrders: 0, refundedAfterSales: 1e9 },
      { ratingStars: -5, ratingCount: -1, paidOrders: -1, refundedAfterSales: -1 },
    ]) {
      const s = shopScoreX100(input);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(500);
    }
  });
});
