import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { advanceShipments, autoConfirmOrders } from "@/server/order/logistics";
import { createTestDb } from "@/tests/factories/db";
import { createDeliveredOrder, createShippedOrder } from "@/tests/factories/trade";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

const STEP_S = 30;
const DAY = 24 * 60 * 60 * 1000;

describe("logistics simulation and auto-confirm", () => {
  it("ship → a scan every step → delivered (SYSTEM) → auto-confirmed (SYSTEM), each with an OrderEvent", async () => {
    const t0 = new Date(Date.now() - 11 * DAY);
    const { order } = await createShippedOrder(db, { now: t0 });
    const scope = { orderIds: [order.id], stepS: STEP_S };
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const codes = async () => (await db.shipmentEvent.findMany({ where: { orderId: order.id }, orderBy: { occurredAt: "asc" } })).map((e) => e.code);
    const status = async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).status;

    expect(await advanceShipments(db, at(STEP_S - 1), scope)).toBe(0);
    expect(await codes()).toEqual(["shipped"]);
    expect(await advanceShipments(db, at(STEP_S), scope)).toBe(1);
    expect(await codes()).toEqual(["shipped", "picked_up"]);
    expect(await advanceShipments(db, at(STEP_S), scope)).toBe(0); // idempotent at the same time
    expect(await advanceShipments(db, at(2 * STEP_S + 5), scope)).toBe(1);
    const transit = await db.shipmentEvent.findFirstOrThrow({ where: { orderId: order.id, code: "in_transit" } });
    expect(transit.location).not.toBe("");
    expect(transit.descriptionZh).toContain("转运中心");
    expect(transit.occurredAt).toEqual(at(2 * STEP_S));
    expect(await status()).toBe("SHIPPED");

    // A job that was down catches up: the remaining scans are dated one step apart.
    expect(await advanceShipments(db, at(10 * STEP_S), scope)).toBe(2);
    expect(await codes()).toEqual(["shipped", "picked_up", "in_transit", "out_for_delivery", "delivered"]);
    const delivered = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(delivered.status).toBe("DELIVERED");
    expect(delivered.deliveredAt).toEqual(at(4 * STEP_S));
    expect(await advanceShipments(db, at(20 * STEP_S), scope)).toBe(0);

    // Not before autoConfirmAt (shippedAt + 10 days).
    expect(delivered.autoConfirmAt).toEqual(new Date(t0.getTime() + 10 * DAY));
    expect(await autoConfirmOrders(db, new Date(t0.getTime() + 10 * DAY - 1000), scope)).toBe(0);
    const confirmAt = new Date(t0.getTime() + 10 * DAY + 1000);
    expect(await autoConfirmOrders(db, confirmAt, scope)).toBe(1);
    const done = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
    expect(done.status).toBe("COMPLETED");
    expect(done.completedAt).toEqual(confirmAt);
    expect(done.events.map((e) => [e.fromStatus, e.toStatus, e.actorType])).toEqual([
      [null, "PENDING_PAYMENT", "SHOPPER"],
      ["PENDING_PAYMENT", "PAID", "PROVIDER"],
      ["PAID", "SHIPPED", "SELLER"],
      ["SHIPPED", "DELIVERED", "SYSTEM"],
      ["DELIVERED", "COMPLETED", "SYSTEM"],
    ]);
    for (const e of done.events) expect(e.createdAt).toBeInstanceOf(Date);
    expect(await autoConfirmOrders(db, confirmAt, scope)).toBe(0);
  });

  it("auto-confirms a still-shipped order past its deadline (delivered first), but not one with an open after-sale", async () => {
    const t0 = new Date(Date.now() - 11 * DAY);
    const shipped = await createShippedOrder(db, { now: t0 });
    const held = await createDeliveredOrder(db, { now: t0 });
    await db.afterSale.create({
      data: { orderId: held.order.id, orderItemId: held.items[0].id, userId: held.buyerId, kind: "REFUND_ONLY", quantity: 1, amountFen: 100, reason: "Scratched" },
    });
    const scope = { orderIds: [shipped.order.id, held.order.id] };
    expect(await autoConfirmOrders(db, new Date(), scope)).toBe(1);
    const s = await db.order.findUniqueOrThrow({ where: { id: shipped.order.id }, include: { events: true } });
    expect(s.status).toBe("COMPLETED");
    expect(s.events.filter((e) => e.actorType === "SYSTEM").map((e) => e.toStatus).sort()).toEqual(["COMPLETED", "DELIVERED"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: held.order.id } })).status).toBe("DELIVERED");
  });

  it("leaves a refunding order alone", async () => {
    const t0 = new Date(Date.now() - 11 * DAY);
    const { order } = await createShippedOrder(db, { now: t0 });
    await db.order.update({ where: { id: order.id }, data: { status: "REFUNDING" } });
    expect(await advanceShipments(db, new Date(), { orderIds: [order.id] })).toBe(0);
    expect(await autoConfirmOrders(db, new Date(), { orderIds: [order.id] })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDING");
  });
});
