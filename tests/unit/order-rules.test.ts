import { describe, expect, it } from "vitest";
import { afterSaleDeadline, itemActions, orderActions, refundableQuantity } from "@/server/order/order-eligibility";
import { describeScan, hubFor, nextScanCode, SCAN_SEQUENCE } from "@/server/order/logistics";

const NOW = new Date("2026-03-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const item = { quantity: 3, refundedQuantity: 0, hasReview: false, afterSales: [] };

describe("order actions", () => {
  it("pay until payBy, cancel while unpaid, confirm when shipped or delivered", () => {
    const later = new Date(NOW.getTime() + 60_000);
    const earlier = new Date(NOW.getTime() - 60_000);
    expect(orderActions({ status: "PENDING_PAYMENT", payBy: later, completedAt: null }, NOW)).toEqual({ canPay: true, canCancel: true, canConfirmReceipt: false });
    expect(orderActions({ status: "PENDING_PAYMENT", payBy: earlier, completedAt: null }, NOW).canPay).toBe(false);
    expect(orderActions({ status: "SHIPPED", payBy: earlier, completedAt: null }, NOW)).toEqual({ canPay: false, canCancel: false, canConfirmReceipt: true });
    expect(orderActions({ status: "DELIVERED", payBy: earlier, completedAt: null }, NOW).canConfirmReceipt).toBe(true);
    expect(orderActions({ status: "PAID", payBy: earlier, completedAt: null }, NOW).canConfirmReceipt).toBe(false);
  });
});

describe("item after-sale and review eligibility", () => {
  const order = (status: "PAID" | "SHIPPED" | "DELIVERED" | "COMPLETED" | "PENDING_PAYMENT" | "REFUNDING" | "CANCELLED", completedDaysAgo?: number) => ({
    status,
    payBy: NOW,
    completedAt: completedDaysAgo === undefined ? null : new Date(NOW.getTime() - completedDaysAgo * DAY),
  });

  it("after-sales from PAID to COMPLETED (within the window), never for unpaid, cancelled or refunding orders", () => {
    for (const s of ["PAID", "SHIPPED", "DELIVERED"] as const) expect(itemActions(order(s), item, NOW, 15).canAfterSale).toBe(true);
    expect(itemActions(order("COMPLETED", 15), item, NOW, 15).canAfterSale).toBe(true);
    expect(itemActions(order("COMPLETED", 15.01), item, NOW, 15).canAfterSale).toBe(false);
    for (const s of ["PENDING_PAYMENT", "CANCELLED", "REFUNDING"] as const) expect(itemActions(order(s), item, NOW, 15).canAfterSale).toBe(false);
    expect(afterSaleDeadline(order("COMPLETED", 0), 15)).toEqual(new Date(NOW.getTime() + 15 * DAY));
    expect(afterSaleDeadline(order("DELIVERED"), 15)).toBeNull();
  });

  it("refundable quantity excludes refunded units and pending requests, not rejected or closed ones", () => {
    expect(refundableQuantity({ ...item, refundedQuantity: 1 })).toBe(2);
    expect(
      refundableQuantity({
        ...item,
        afterSales: [
          { status: "REQUESTED", quantity: 1 },
          { status: "REJECTED", quantity: 2 },
          { status: "CLOSED", quantity: 2 },
        ],
      }),
    ).toBe(2);
    expect(itemActions(order("PAID"), { ...item, refundedQuantity: 3 }, NOW, 15).canAfterSale).toBe(false);
  });

  it("review once the goods arrived, once per item", () => {
    expect(itemActions(order("SHIPPED"), item, NOW, 15).canReview).toBe(false);
    expect(itemActions(order("DELIVERED"), item, NOW, 15).canReview).toBe(true);
    expect(itemActions(order("COMPLETED", 100), item, NOW, 15).canReview).toBe(true);
    expect(itemActions(order("COMPLETED", 1), { ...item, hasReview: true }, NOW, 15).canReview).toBe(false);
  });
});

describe("logistics scans", () => {
  it("runs shipped → picked_up → in_transit → out_for_delivery → delivered, then stops", () => {
    const seen = ["shipped"];
    for (let c = nextScanCode("shipped"); c; c = nextScanCode(c)) seen.push(c);
    expect(seen).toEqual([...SCAN_SEQUENCE]);
    expect(nextScanCode("bogus")).toBeNull();
  });

  it("describes scans in both languages with a stable hub city and the destination", () => {
    const ctx = { orderId: "order-1", carrier: "SF", trackingNo: "SF123456789", originZh: "云南", originEn: "Yunnan", shipCity: "杭州市", shipDistrict: "西湖区" };
    expect(describeScan("shipped", ctx).descriptionZh).toContain("顺丰速运");
    expect(describeScan("shipped", ctx).descriptionEn).toContain("SF123456789");
    const transit = describeScan("in_transit", ctx);
    expect(transit.location).toBe(hubFor("order-1").zh);
    expect(transit.descriptionEn).toContain(hubFor("order-1").en);
    expect(describeScan("in_transit", ctx)).toEqual(transit);
    expect(describeScan("delivered", ctx).descriptionZh).toContain("杭州市");
  });
});
