// The seller's side of orders: list and read the orders of shops they belong to, ship paid ones.
// Membership of the order's shop is checked on every call (assertShopMember → FORBIDDEN).
import type { Db, DbClient } from "@/server/db/client";
import { env } from "@/server/env";
import { notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { recordShippedScan } from "@/server/order/logistics";
import { transitionOrder } from "@/server/order/order-state";
import { baseDetail, itemSummarySelect, orderDetailSelect, toItemSummary } from "@/server/order/order.service";
import type { SellerOrderListInput, ShipOrderInput } from "@/server/order/order.schema";
import { assertShopMember } from "@/server/shop/shop.service";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight of a calendar day in China time (UTC+8). */
function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export async function listSellerShops(db: DbClient, userId: string) {
  const rows = await db.shopMember.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { shop: { select: { id: true, slug: true, nameZh: true, nameEn: true } } },
  });
  return rows.map((r) => r.shop);
}

export async function listSellerOrders(db: DbClient, userId: string, input: SellerOrderListInput) {
  let shopIds: string[];
  if (input.shopId) {
    await assertShopMember(db, userId, input.shopId);
    shopIds = [input.shopId];
  } else {
    shopIds = (await listSellerShops(db, userId)).map((s) => s.id);
  }
  const q = input.q?.trim();
  const where: Prisma.OrderWhereInput = {
    shopId: { in: shopIds },
    ...(input.status ? { status: input.status } : {}),
    ...(input.from || input.to
      ? {
          createdAt: {
            ...(input.from ? { gte: chinaDayStart(input.from) } : {}),
            ...(input.to ? { lt: new Date(chinaDayStart(input.to).getTime() + DAY_MS) } : {}),
          },
        }
      : {}),
    ...(q
      ? {
          OR: [
            { orderNo: { contains: q, mode: "insensitive" } },
            { shipRecipient: { contains: q, mode: "insensitive" } },
            { shipPhone: q },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        orderNo: true,
        status: true,
        createdAt: true,
        paidAt: true,
        shipRecipient: true,
        shipCity: true,
        totalFen: true,
        shop: { select: { id: true, nameZh: true, nameEn: true } },
        items: { select: itemSummarySelect, orderBy: { id: "asc" } },
      },
    }),
  ]);
  return {
    items: rows.map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      status: o.status,
      createdAt: o.createdAt,
      paidAt: o.paidAt,
      shop: o.shop,
      recipient: o.shipRecipient,
      city: o.shipCity,
      items: o.items.map(toItemSummary),
      itemCount: o.items.reduce((s, i) => s + i.quantity, 0),
      totalFen: o.totalFen,
      canShip: o.status === "PAID",
    })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

async function sellerOrderShopId(db: DbClient, userId: string, orderId: string): Promise<string> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { shopId: true } });
  if (!order) throw notFound("Order");
  await assertShopMember(db, userId, order.shopId);
  return order.shopId;
}

export async function getSellerOrder(db: DbClient, userId: string, orderId: string) {
  await sellerOrderShopId(db, userId, orderId);
  const o = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: orderDetailSelect });
  return {
    ...baseDetail(o),
    items: o.items.map((i) => ({ ...toItemSummary(i), discountFen: i.discountFen, sku: i.sku })),
    canShip: o.status === "PAID",
    buyerName: o.user.name ?? "",
  };
}

/**
 * PAID → SHIPPED by a member of the order's shop, with carrier and tracking number; receipt will be
 * confirmed automatically MALL_AUTO_CONFIRM_DAYS later. Anything but a paid order (unpaid,
 * refunding, already shipped) is a CONFLICT.
 */
export async function shipOrder(db: Db, userId: string, input: ShipOrderInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    await sellerOrderShopId(tx, userId, input.orderId);
    const autoConfirmAt = new Date(now.getTime() + env.MALL_AUTO_CONFIRM_DAYS * DAY_MS);
    await transitionOrder(tx, input.orderId, "SHIPPED", { type: "SELLER", id: userId }, {
      from: ["PAID"],
      note: `${input.carrier} ${input.trackingNo.toUpperCase()}`,
      data: { carrier: input.carrier, trackingNo: input.trackingNo.toUpperCase(), shippedAt: now, autoConfirmAt },
      at: now,
    });
    await recordShippedScan(tx, input.orderId, now);
    return tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { id: true, status: true, shippedAt: true, autoConfirmAt: true } });
  });
}
