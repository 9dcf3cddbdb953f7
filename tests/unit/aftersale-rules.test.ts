import { describe, expect, it } from "vitest";
import {
  canAct,
  escalationDeadline,
  maxRefundableByQuantity,
  maxRefundableFen,
  planRefund,
  shippingRefundedFen,
  statusFromMilestones,
  type OrderMoney,
} from "@/server/aftersale/aftersale.rules";

/** Two lines (3 × ¥10 and 1 × ¥25.50) plus ¥8 shipping: total ¥63.50. */
function order(overrides: Partial<OrderMoney> = {}): OrderMoney {
  return {
    totalFen: 3000 + 2550 + 800,
    refundedFen: 0,
    shippingFeeFen: 800,
    isShipped: false,
    items: [
      { id: "a", quantity: 3, refundedQuantity: 0, lineTotalFen: 3000, refundedFen: 0 },
      { id: "b", quantity: 1, refundedQuantity: 0, lineTotalFen: 2550, refundedFen: 0 },
    ],
    ...overrides,
  };
}

describe("refundable amounts", () => {
  it("gives a proportional share for some units and the rest of the line for the last ones", () => {
    const o = order({ items: [{ id: "a", quantity: 3, refundedQuantity: 0, lineTotalFen: 1000, refundedFen: 0 }], totalFen: 1000, shippingFeeFen: 0 });
    expect(maxRefundableByQuantity(o, "a")).toEqual([333, 666, 1000]);
  });

  it("never lets unit-by-unit refunds exceed the line", () => {
    const item = { id: "a", quantity: 3, refundedQuantity: 0, lineTotalFen: 1000, refundedFen: 0 };
    let o = order({ items: [item], totalFen: 1000, shippingFeeFen: 0, isShipped: true });
    let paid = 0;
    for (let k = 0; k < 3; k++) {
      const amount = maxRefundableFen(o, "a", 1);
      paid += amount;
      const i = o.items[0];
      o = { ...o, refundedFen: o.refundedFen + amount, items: [{ ...i, refundedQuantity: i.refundedQuantity + 1, refundedFen: i.refundedFen + amount }] };
    }
    expect(paid).toBe(1000);
  });

  it("adds the shipping fee only for the refund that cancels a whole unshipped order", () => {
    const o = order();
    // Item a alone: b is still to be sent, so no shipping.
    expect(maxRefundableFen(o, "a", 3)).toBe(3000);
    // After b is refunded in full, the last units of a carry the fee…
    const bDone = order({
      refundedFen: 2550,
      items: [o.items[0], { ...o.items[1], refundedQuantity: 1, refundedFen: 2550 }],
    });
    expect(maxRefundableFen(bDone, "a", 3)).toBe(3000 + 800);
    // …but not part of them, and never once the order has shipped.
    expect(maxRefundableFen(bDone, "a", 2)).toBe(2000);
    expect(maxRefundableFen({ ...bDone, isShipped: true }, "a", 3)).toBe(3000);
  });

  it("refuses quantities outside what is left", () => {
    const o = order({ items: [{ id: "a", quantity: 2, refundedQuantity: 1, lineTotalFen: 2000, refundedFen: 1000 }] });
    expect(maxRefundableFen(o, "a", 2)).toBe(0);
    expect(maxRefundableFen(o, "a", 0)).toBe(0);
    expect(maxRefundableByQuantity(o, "a")).toHaveLength(1);
  });

  it("counts shipping already refunded as what the order refunded beyond its lines", () => {
    expect(shippingRefundedFen(order({ refundedFen: 800 + 1000, items: [{ id: "a", quantity: 1, refundedQuantity: 1, lineTotalFen: 1000, refundedFen: 1000 }] }))).toBe(800);
    expect(shippingRefundedFen(order())).toBe(0);
  });
});

describe("planRefund", () => {
  it("refunds the whole unshipped order: lines, then shipping with the last one; the order is REFUNDED", () => {
    const first = planRefund(order(), { orderItemId: "b", quantity: 1, amountFen: 2550 });
    expect(first).toEqual({ itemFen: 2550, shippingFen: 0, totalFen: 2550, orderFullyRefunded: false });
    const after = order({ refundedFen: 2550, items: [order().items[0], { ...order().items[1], refundedQuantity: 1, refundedFen: 2550 }] });
    const last = planRefund(after, { orderItemId: "a", quantity: 3, amountFen: 3800 });
    expect(last).toEqual({ itemFen: 3000, shippingFen: 800, totalFen: 3800, orderFullyRefunded: true });
  });

  it("adds the fee when concurrent requests (none of which could claim it) empty an unshipped order", () => {
    const after = order({ refundedFen: 2550, items: [order().items[0], { ...order().items[1], refundedQuantity: 1, refundedFen: 2550 }] });
    // Requested while b was still open: 3000 without shipping.
    expect(planRefund(after, { orderItemId: "a", quantity: 3, amountFen: 3000 })).toMatchObject({ shippingFen: 800, totalFen: 3800, orderFullyRefunded: true });
  });

  it("a partial refund leaves the order to go back where it was", () => {
    const plan = planRefund(order({ isShipped: true }), { orderItemId: "a", quantity: 1, amountFen: 500 });
    expect(plan).toEqual({ itemFen: 500, shippingFen: 0, totalFen: 500, orderFullyRefunded: false });
  });

  it("caps a stale request at what is refundable now (shipping share lost once shipped)", () => {
    const after = order({ isShipped: true, refundedFen: 2550, items: [order().items[0], { ...order().items[1], refundedQuantity: 1, refundedFen: 2550 }] });
    expect(planRefund(after, { orderItemId: "a", quantity: 3, amountFen: 3800 })).toMatchObject({ itemFen: 3000, shippingFen: 0, totalFen: 3000 });
  });

  it("a shipped order whose every line came back in full is REFUNDED even though shipping is kept", () => {
    const o = order({ isShipped: true, items: [{ id: "a", quantity: 1, refundedQuantity: 0, lineTotalFen: 1000, refundedFen: 0 }], totalFen: 1800 });
    expect(planRefund(o, { orderItemId: "a", quantity: 1, amountFen: 1000 }).orderFullyRefunded).toBe(true);
    expect(planRefund(o, { orderItemId: "a", quantity: 1, amountFen: 999 }).orderFullyRefunded).toBe(false);
  });
});

describe("request states", () => {
  it("lets each action leave only from its states", () => {
    expect(canAct("approve", "REQUESTED")).toBe(true);
    expect(canAct("approve", "REJECTED")).toBe(false);
    expect(canAct("reject", "RETURN_SHIPPED")).toBe(true);
    expect(canAct("reject", "AWAITING_RETURN")).toBe(false);
    expect(canAct("withdraw", "ESCALATED")).toBe(true);
    expect(canAct("withdraw", "RETURN_SHIPPED")).toBe(false);
    expect(canAct("escalate", "REJECTED")).toBe(true);
    expect(canAct("arbitrateRefund", "REQUESTED")).toBe(false);
    expect(canAct("confirmReceipt", "RETURN_SHIPPED")).toBe(true);
  });

  it("counts the escalation window in days from the rejection", () => {
    expect(escalationDeadline(new Date("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-01-08T00:00:00.000Z");
  });

  it("falls back on the furthest milestone for the status to restore", () => {
    const at = new Date();
    expect(statusFromMilestones({ completedAt: null, deliveredAt: null, shippedAt: null })).toBe("PAID");
    expect(statusFromMilestones({ completedAt: null, deliveredAt: null, shippedAt: at })).toBe("SHIPPED");
    expect(statusFromMilestones({ completedAt: null, deliveredAt: at, shippedAt: at })).toBe("DELIVERED");
    expect(statusFromMilestones({ completedAt: at, deliveredAt: at, shippedAt: at })).toBe("COMPLETED");
  });
});
