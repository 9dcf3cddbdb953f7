// Simulated logistics. After the seller ships, a carrier "scans" the parcel every
// MALL_LOGISTICS_STEP_S seconds: shipped → picked_up → in_transit (at a hub city) →
// out_for_delivery → delivered; the delivered scan moves the order SHIPPED → DELIVERED (SYSTEM).
// Receipt is confirmed automatically at autoConfirmAt (shippedAt + MALL_AUTO_CONFIRM_DAYS).
//
// Both jobs take `now`, so tests drive time; scans are dated one step after the previous one, so a
// job that was down catches up with a regular-looking timeline. Each order is handled in its own
// transaction holding the order row (FOR UPDATE SKIP LOCKED): several processes never add the
// same scan twice.
import type { Db, DbClient } from "@/server/db/client";
import { env } from "@/server/env";
import { hashString } from "@/server/lib/random";
import { tryTransitionOrder } from "@/server/order/order-state";

export const CARRIERS = ["SF", "ZTO", "YTO", "YUNDA", "JD", "EMS"] as const;
export type Carrier = (typeof CARRIERS)[number];

export const CARRIER_NAMES: Record<Carrier, { zh: string; en: string }> = {
  SF: { zh: "顺丰速运", en: "SF Express" },
  ZTO: { zh: "中通快递", en: "ZTO Express" },
  YTO: { zh: "圆通速递", en: "YTO Express" },
  YUNDA: { zh: "韵达快递", en: "Yunda Express" },
  JD: { zh: "京东物流", en: "JD Logistics" },
  EMS: { zh: "中国邮政 EMS", en: "China Post EMS" },
};

export function carrierName(code: string | null, locale: string): string {
  if (!code) return "";
  const names = (CARRIER_NAMES as Record<string, { zh: string; en: string } | undefined>)[code];
  return names ? (locale === "zh" ? names.zh : names.en) : code;
}

export const SCAN_SEQUENCE = ["shipped", "picked_up", "in_transit", "out_for_delivery", "delivered"] as const;
export type ScanCode = (typeof SCAN_SEQUENCE)[number];

/** The scan after `code`, or null when the parcel is delivered (or the code is unknown). */
export function nextScanCode(code: string): ScanCode | null {
  const i = SCAN_SEQUENCE.indexOf(code as ScanCode);
  return i >= 0 && i < SCAN_SEQUENCE.length - 1 ? SCAN_SEQUENCE[i + 1] : null;
}

const HUBS: { zh: string; en: string }[] = [
  { zh: "杭州", en: "Hangzhou" },
  { zh: "上海", en: "Shanghai" },
  { zh: "广州", en: "Guangzhou" },
  { zh: "武汉", en: "Wuhan" },
  { zh: "郑州", en: "Zhengzhou" },
  { zh: "成都", en: "Chengdu" },
  { zh: "西安", en: "Xi'an" },
  { zh: "南京", en: "Nanjing" },
  { zh: "长沙", en: "Changsha" },
  { zh: "北京", en: "Beijing" },
];

/** The hub a parcel passes through: stable per order, so re-rendering never changes the story. */
export function hubFor(orderId: string) {
  return HUBS[hashString(orderId) % HUBS.length];
}

export interface ScanContext {
  orderId: string;
  carrier: string | null;
  trackingNo: string | null;
  /** Where the shop ships from (its region's province), if known. */
  originZh: string | null;
  originEn: string | null;
  shipCity: string;
  shipDistrict: string;
}

export interface ScanText {
  code: ScanCode;
  descriptionZh: string;
  descriptionEn: string;
  location: string;
}

/** The words of one scan, in both languages. */
export function describeScan(code: ScanCode, ctx: ScanContext): ScanText {
  const carrier = ctx.carrier ? (CARRIER_NAMES as Record<string, { zh: string; en: string } | undefined>)[ctx.carrier] : undefined;
  const carrierZh = carrier?.zh ?? ctx.carrier ?? "";
  const carrierEn = carrier?.en ?? ctx.carrier ?? "";
  const originZh = ctx.originZh ?? "发货地";
  const originEn = ctx.originEn ?? "the origin";
  switch (code) {
    case "shipped":
      return {
        code,
        descriptionZh: `商家已发货，${carrierZh} 运单号 ${ctx.trackingNo ?? ""}`.trim(),
        descriptionEn: `The seller shipped your parcel with ${carrierEn}, tracking number ${ctx.trackingNo ?? ""}`.trim(),
        location: originZh === "发货地" ? "" : originZh,
      };
    case "picked_up":
      return {
        code,
        descriptionZh: `【${originZh}】快递员已揽收`,
        descriptionEn: `Picked up by the courier in ${originEn}`,
        location: originZh === "发货地" ? "" : originZh,
      };
    case "in_transit": {
      const hub = hubFor(ctx.orderId);
      return {
        code,
        descriptionZh: `快件已到达【${hub.zh}转运中心】，正发往【${ctx.shipCity}】`,
        descriptionEn: `Arrived at the ${hub.en} sorting hub, on its way to ${ctx.shipCity}`,
        location: hub.zh,
      };
    }
    case "out_for_delivery":
      return {
        code,
        descriptionZh: `【${ctx.shipCity}${ctx.shipDistrict}】快递员正在派送，请保持电话畅通`,
        descriptionEn: `Out for delivery in ${ctx.shipDistrict}, ${ctx.shipCity}; keep your phone at hand`,
        location: ctx.shipCity,
      };
    case "delivered":
      return {
        code,
        descriptionZh: `【${ctx.shipCity}】已签收，感谢使用${carrierZh}`,
        descriptionEn: `Delivered in ${ctx.shipCity}. Thank you for choosing ${carrierEn}`,
        location: ctx.shipCity,
      };
  }
}

const scanContextSelect = {
  id: true,
  carrier: true,
  trackingNo: true,
  shipCity: true,
  shipDistrict: true,
  shop: { select: { region: { select: { provinceZh: true, provinceEn: true } } } },
} as const;

async function scanContext(tx: DbClient, orderId: string): Promise<ScanContext | null> {
  const o = await tx.order.findUnique({ where: { id: orderId }, select: scanContextSelect });
  if (!o) return null;
  return {
    orderId: o.id,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    originZh: o.shop.region?.provinceZh ?? null,
    originEn: o.shop.region?.provinceEn ?? null,
    shipCity: o.shipCity,
    shipDistrict: o.shipDistrict,
  };
}

/** The first scan, written by the seller's ship action in its transaction. */
export async function recordShippedScan(tx: DbClient, orderId: string, at: Date): Promise<void> {
  const ctx = await scanContext(tx, orderId);
  if (!ctx) return;
  await tx.shipmentEvent.create({ data: { orderId, ...describeScan("shipped", ctx), occurredAt: at } });
}

/**
 * Adds every scan that is due for one shipped order and delivers it on the last one. Returns how
 * many scans it added. Skips an order another process is working on.
 */
async function advanceOne(tx: DbClient, orderId: string, now: Date, stepMs: number): Promise<number> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Order" WHERE "id" = ${orderId} AND "status" = 'SHIPPED' FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return 0;
  const ctx = await scanContext(tx, orderId);
  if (!ctx) return 0;
  const last = await tx.shipmentEvent.findFirst({ where: { orderId }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }] });
  if (!last) {
    // Shipped without a first scan (e.g. by hand): start the story now.
    await tx.shipmentEvent.create({ data: { orderId, ...describeScan("shipped", ctx), occurredAt: now } });
    return 1;
  }
  let code = last.code;
  let at = last.occurredAt;
  let added = 0;
  for (let next = nextScanCode(code); next && at.getTime() + stepMs <= now.getTime(); next = nextScanCode(code)) {
    at = new Date(at.getTime() + stepMs);
    await tx.shipmentEvent.create({ data: { orderId, ...describeScan(next, ctx), occurredAt: at } });
    code = next;
    added++;
  }
  if (code === "delivered") {
    await tryTransitionOrder(tx, orderId, "DELIVERED", { type: "SYSTEM" }, {
      from: ["SHIPPED"],
      note: "Delivered (carrier scan)",
      data: { deliveredAt: at },
      at,
    });
  }
  return added;
}

/** Job: moves every shipped parcel along. Returns the number of scans added. */
export interface JobScope {
  limit?: number;
  /** Only these orders (tests sharing a database use it to leave other files' orders alone). */
  orderIds?: string[];
}

export async function advanceShipments(db: Db, now: Date, options: JobScope & { stepS?: number } = {}): Promise<number> {
  const stepMs = (options.stepS ?? env.MALL_LOGISTICS_STEP_S) * 1000;
  const shipped = await db.order.findMany({
    where: { status: "SHIPPED", shippedAt: { lte: now }, ...(options.orderIds ? { id: { in: options.orderIds } } : {}) },
    select: { id: true },
    orderBy: { shippedAt: "asc" },
    take: options.limit ?? 200,
  });
  let added = 0;
  for (const { id } of shipped) {
    added += await db.$transaction((tx) => advanceOne(tx, id, now, stepMs));
  }
  return added;
}

/** After-sale states that hold the order open (no automatic completion while one is pending). */
export const OPEN_AFTER_SALE_STATUSES = ["REQUESTED", "AWAITING_RETURN", "RETURN_SHIPPED", "ESCALATED"] as const;

/**
 * Job: shipped or delivered orders past autoConfirmAt are completed by the system (a shipped one is
 * recorded as delivered first). An order with an open after-sale waits. Returns how many it completed.
 */
export async function autoConfirmOrders(db: Db, now: Date, options: JobScope = {}): Promise<number> {
  const due = await db.order.findMany({
    where: {
      ...(options.orderIds ? { id: { in: options.orderIds } } : {}),
      status: { in: ["SHIPPED", "DELIVERED"] },
      autoConfirmAt: { lte: now },
      afterSales: { none: { status: { in: [...OPEN_AFTER_SALE_STATUSES] } } },
    },
    select: { id: true },
    orderBy: { autoConfirmAt: "asc" },
    take: options.limit ?? 200,
  });
  let completed = 0;
  for (const { id } of due) {
    const done = await db.$transaction(async (tx) => {
      const open = await tx.afterSale.count({ where: { orderId: id, status: { in: [...OPEN_AFTER_SALE_STATUSES] } } });
      if (open > 0) return false;
      await tryTransitionOrder(tx, id, "DELIVERED", { type: "SYSTEM" }, {
        from: ["SHIPPED"],
        note: "Marked delivered when receipt was confirmed automatically",
        data: { deliveredAt: now },
        at: now,
      });
      const from = await tryTransitionOrder(tx, id, "COMPLETED", { type: "SYSTEM" }, {
        from: ["DELIVERED"],
        note: "Receipt confirmed automatically",
        data: { completedAt: now },
        at: now,
      });
      return from !== null;
    });
    if (done) completed++;
  }
  return completed;
}
