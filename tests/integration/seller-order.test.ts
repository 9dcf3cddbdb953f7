import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { Role } from "@/server/api/trpc";
import type { Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { createShop, createUser } from "@/tests/factories/catalog";
import { createPaidOrder, createPendingOrder, createShippedOrder } from "@/tests/factories/trade";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
});
afterAll(async () => {
  await close();
});

function as(userId: string, roles: Role[] = ["SHOPPER", "SELLER"]) {
  return createCaller({ db, user: { id: userId, roles } });
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const DAY = 24 * 60 * 60 * 1000;

async function twoShops() {
  const sellerA = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const sellerB = await createUser(db, { roles: ["SHOPPER", "SELLER"] });
  const shopA = await createShop(db, { ownerId: sellerA.id });
  const shopB = await createShop(db, { ownerId: sellerB.id });
  return { sellerA, sellerB, shopA, shopB };
}

describe("sellerOrder.list", () => {
  it("lists only orders of the seller's shops, with status, date and search filters, paginated", async () => {
    const { sellerA, sellerB, shopA, shopB } = await twoShops();
    const now = Date.now();
    const a1 = await createPaidOrder(db, { shopId: shopA.id, sellerId: sellerA.id, now: new Date(now - 3 * DAY) });
    const a2 = await createPendingOrder(db, { shopId: shopA.id, sellerId: sellerA.id, now: new Date(now - DAY) });
    const a3 = await createShippedOrder(db, { shopId: shopA.id, sellerId: sellerA.id, now: new Date(now - 60_000) });
    const b1 = await createPaidOrder(db, { shopId: shopB.id, sellerId: sellerB.id });
    await db.order.update({ where: { id: a2.order.id }, data: { shipRecipient: "李四 Lisi" } });

    const all = await as(sellerA.id).sellerOrder.list({});
    expect(all.items.map((o) => o.id)).toEqual([a3.order.id, a2.order.id, a1.order.id]);
    expect(all.total).toBe(3);
    expect(all.items.find((o) => o.id === a1.order.id)?.canShip).toBe(true);
    expect(all.items.some((o) => o.id === b1.order.id)).toBe(false);

    expect((await as(sellerA.id).sellerOrder.list({ status: "PAID" })).items.map((o) => o.id)).toEqual([a1.order.id]);
    expect((await as(sellerA.id).sellerOrder.list({ q: "lisi" })).items.map((o) => o.id)).toEqual([a2.order.id]);
    expect((await as(sellerA.id).sellerOrder.list({ q: a3.order.orderNo.slice(-6) })).items.map((o) => o.id)).toEqual([a3.order.id]);
    const cn = (t: number) => new Date(t + 8 * 60 * 60_000).toISOString().slice(0, 10);
    const ranged = await as(sellerA.id).sellerOrder.list({ from: cn(now - 3 * DAY), to: cn(now - 3 * DAY) });
    expect(ranged.items.map((o) => o.id)).toEqual([a1.order.id]);
    await expect(as(sellerA.id).sellerOrder.list({ from: "2026-02-01", to: "2026-01-01" })).rejects.toThrow(/to/);
    await expect(as(sellerA.id).sellerOrder.list({ from: "yesterday" })).rejects.toThrow(/from/);

    const p1 = await as(sellerA.id).sellerOrder.list({ pageSize: 2 });
    const p2 = await as(sellerA.id).sellerOrder.list({ pageSize: 2, page: 2 });
    expect(p1.pageCount).toBe(2);
    expect([...p1.items, ...p2.items].map((o) => o.id)).toEqual(all.items.map((o) => o.id));

    expect(await as(sellerA.id).sellerOrder.shops()).toEqual([{ id: shopA.id, slug: shopA.slug, nameZh: shopA.nameZh, nameEn: shopA.nameEn }]);
  });

  it("refuses another shop's orders (list by shopId, get) and non-sellers", async () => {
    const { sellerA, sellerB, shopB } = await twoShops();
    const b1 = await createPaidOrder(db, { shopId: shopB.id, sellerId: sellerB.id });
    expect(await codeOf(as(sellerA.id).sellerOrder.list({ shopId: shopB.id }))).toBe("FORBIDDEN");
    expect(await codeOf(as(sellerA.id).sellerOrder.get({ id: b1.order.id }))).toBe("FORBIDDEN");
    expect(await codeOf(as(b1.buyerId, ["SHOPPER"]).sellerOrder.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(as(sellerA.id).sellerOrder.get({ id: "no-such-order" }))).toBe("NOT_FOUND");
    const detail = await as(sellerB.id).sellerOrder.get({ id: b1.order.id });
    expect(detail).toMatchObject({ id: b1.order.id, canShip: true, address: { recipient: "张三", phone: "13800138000" } });
  });
});

describe("sellerOrder.ship", () => {
  it("ships a paid order: SHIPPED by the SELLER, tracking number, first scan, auto-confirm in 10 days", async () => {
    const { sellerA, shopA } = await twoShops();
    const paid = await createPaidOrder(db, { shopId: shopA.id, sellerId: sellerA.id });
    const before = Date.now();
    const shipped = await as(sellerA.id).sellerOrder.ship({ orderId: paid.order.id, carrier: "ZTO", trackingNo: "zt7500123456789" });
    expect(shipped.status).toBe("SHIPPED");
    expect(shipped.autoConfirmAt!.getTime() - shipped.shippedAt!.getTime()).toBe(10 * DAY);
    expect(shipped.shippedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const order = await db.order.findUniqueOrThrow({ where: { id: paid.order.id }, include: { events: true, trackingEvents: true } });
    expect(order).toMatchObject({ carrier: "ZTO", trackingNo: "ZT7500123456789" });
    expect(order.events.find((e) => e.toStatus === "SHIPPED")).toMatchObject({ fromStatus: "PAID", actorType: "SELLER", actorId: sellerA.id });
    expect(order.trackingEvents).toHaveLength(1);
    expect(order.trackingEvents[0]).toMatchObject({ code: "shipped" });
    expect(order.trackingEvents[0].descriptionZh).toContain("中通快递");

    // Twice: CONFLICT, no second scan.
    expect(await codeOf(as(sellerA.id).sellerOrder.ship({ orderId: paid.order.id, carrier: "SF", trackingNo: "SF1234567890" }))).toBe("CONFLICT");
    expect(await db.shipmentEvent.count({ where: { orderId: paid.order.id } })).toBe(1);
  });

  it("a seller of another shop cannot ship it, and nothing changes", async () => {
    const { sellerA, sellerB, shopB } = await twoShops();
    const paid = await createPaidOrder(db, { shopId: shopB.id, sellerId: sellerB.id });
    expect(await codeOf(as(sellerA.id).sellerOrder.ship({ orderId: paid.order.id, carrier: "SF", trackingNo: "SF1234567890" }))).toBe("FORBIDDEN");
    const order = await db.order.findUniqueOrThrow({ where: { id: paid.order.id } });
    expect(order).toMatchObject({ status: "PAID", carrier: null, trackingNo: null, shippedAt: null });
    expect(await db.shipmentEvent.count({ where: { orderId: paid.order.id } })).toBe(0);
  });

  it("refuses unpaid and refunding orders with CONFLICT", async () => {
    const { sellerA, shopA } = await twoShops();
    const pending = await createPendingOrder(db, { shopId: shopA.id, sellerId: sellerA.id });
    expect(await codeOf(as(sellerA.id).sellerOrder.ship({ orderId: pending.order.id, carrier: "SF", trackingNo: "SF1234567890" }))).toBe("CONFLICT");
    const refunding = await createPaidOrder(db, { shopId: shopA.id, sellerId: sellerA.id });
    await db.order.update({ where: { id: refunding.order.id }, data: { status: "REFUNDING" } });
    expect(await codeOf(as(sellerA.id).sellerOrder.ship({ orderId: refunding.order.id, carrier: "SF", trackingNo: "SF1234567890" }))).toBe("CONFLICT");
    expect((await db.order.findUniqueOrThrow({ where: { id: refunding.order.id } })).trackingNo).toBeNull();
  });

  it("validates carrier and trackingNo, naming the field", async () => {
    const { sellerA, shopA } = await twoShops();
    const paid = await createPaidOrder(db, { shopId: shopA.id, sellerId: sellerA.id });
    for (const trackingNo of ["SHORT1", "SF-1234-5678", "x".repeat(31)]) {
      await expect(as(sellerA.id).sellerOrder.ship({ orderId: paid.order.id, carrier: "SF", trackingNo })).rejects.toThrow(/trackingNo/);
    }
    // @ts-expect-error an unknown carrier
    await expect(as(sellerA.id).sellerOrder.ship({ orderId: paid.order.id, carrier: "DHL", trackingNo: "SF1234567890" })).rejects.toThrow(/carrier/);
    expect((await db.order.findUniqueOrThrow({ where: { id: paid.order.id } })).status).toBe("PAID");
  });
});
