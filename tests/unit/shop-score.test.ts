import { describe, expect, it } from "vitest";
import { shipHoursToX100, shopSubScoresX100, type ShopScoreFigures } from "@/server/shop/shop-score";

const none: ShopScoreFigures = {
  ratingStars: 0,
  ratingCount: 0,
  paidOrders: 0,
  refundedAfterSales: 0,
  medianHandlingHours: null,
  medianShipHours: null,
  shippedOrders: 0,
};

describe("shopSubScoresX100", () => {
  it("gives a new shop the prior for quality and logistics and full service", () => {
    expect(shopSubScoresX100(none)).toEqual({ qualityX100: 480, serviceX100: 500, logisticsX100: 480 });
  });

  it("weights ratings against a prior of 20 ratings at 4.80", () => {
    // One 1-star rating barely moves it; 10,000 ratings at 4.5 dominate.
    expect(shopSubScoresX100({ ...none, ratingStars: 1, ratingCount: 1 }).qualityX100).toBe(Math.round((100 + 480 * 20) / 21));
    expect(shopSubScoresX100({ ...none, ratingStars: 45_000, ratingCount: 10_000 }).qualityX100).toBe(450);
    expect(shopSubScoresX100({ ...none, ratingStars: 50_000, ratingCount: 10_000 }).qualityX100).toBe(500);
  });

  it("takes refunds and slow after-sales handling off service, within bounds", () => {
    const clean = shopSubScoresX100({ ...none, paidOrders: 980 }).serviceX100;
    const fivePercent = shopSubScoresX100({ ...none, paidOrders: 980, refundedAfterSales: 50 }).serviceX100;
    expect(clean).toBe(500);
    expect(fivePercent).toBe(450);
    expect(shopSubScoresX100({ ...none, paidOrders: 10, refundedAfterSales: 10_000 }).serviceX100).toBe(300);
    expect(shopSubScoresX100({ ...none, paidOrders: 980, medianHandlingHours: 12 }).serviceX100).toBe(500);
    expect(shopSubScoresX100({ ...none, paidOrders: 980, medianHandlingHours: 96 }).serviceX100).toBe(450);
    expect(shopSubScoresX100({ ...none, paidOrders: 980, medianHandlingHours: 1000 }).serviceX100).toBe(400);
  });

  it("scores shipping speed, pulled towards the prior for few shipments", () => {
    expect(shipHoursToX100(0)).toBe(500);
    expect(shipHoursToX100(24)).toBe(500);
    expect(shipHoursToX100(72)).toBe(400);
    expect(shipHoursToX100(168)).toBe(250);
    expect(shipHoursToX100(10_000)).toBe(100);
    expect(shopSubScoresX100({ ...none, medianShipHours: 12, shippedOrders: 195 }).logisticsX100).toBe(Math.round((500 * 195 + 480 * 5) / 200));
    // A single slow shipment moves it less than many.
    const one = shopSubScoresX100({ ...none, medianShipHours: 168, shippedOrders: 1 }).logisticsX100;
    const many = shopSubScoresX100({ ...none, medianShipHours: 168, shippedOrders: 200 }).logisticsX100;
    expect(one).toBeGreaterThan(many);
    expect(many).toBe(Math.round((250 * 200 + 480 * 5) / 205));
  });

  it("stays within 0..500 for any input", () => {
    for (const f of [
      { ...none, ratingStars: -5, ratingCount: -1, paidOrders: -3, refundedAfterSales: -1, medianHandlingHours: -4, medianShipHours: -2, shippedOrders: 3 },
      { ...none, ratingStars: 1e9, ratingCount: 1, refundedAfterSales: 1e9, medianHandlingHours: 1e9, medianShipHours: 1e9, shippedOrders: 1e9 },
    ]) {
      for (const v of Object.values(shopSubScoresX100(f))) {
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(500);
      }
    }
  });
});
