// Pure commission rules: the amount at order time, the share a refund takes back, and when a pending
// commission may be settled. Money is integer fen; every rounding is down (in the platform's favour
// for the amount, in the creator's favour for a reversal), so repeated refunds never over-reverse.
const DAY_MS = 24 * 60 * 60 * 1000;

/** Lowest and highest plan rate in basis points (1 % … 90 %). */
export const MIN_RATE_BP = 100;
export const MAX_RATE_BP = 9000;

/** floor(rate × what the shopper paid for the line after discounts). Never negative. */
export function commissionAmount(rateBp: number, lineTotalFen: number): number {
  if (rateBp <= 0 || lineTotalFen <= 0) return 0;
  return Math.floor((rateBp * lineTotalFen) / 10_000);
}

export interface CommissionState {
  amountFen: number;
  reversedFen: number;
}

/**
 * How much more a refund of `refundFen` out of a line that cost `lineTotalFen` reverses:
 * floor(amount × refund / lineTotal), capped so reversedFen never exceeds amountFen. A full refund
 * of the line (refund ≥ lineTotal, or the cap reached) reverses everything that is left.
 */
export function reversalFor(c: CommissionState, refundFen: number, lineTotalFen: number): number {
  const left = Math.max(0, c.amountFen - c.reversedFen);
  if (left === 0 || refundFen <= 0) return 0;
  if (lineTotalFen <= 0 || refundFen >= lineTotalFen) return left;
  return Math.min(left, Math.floor((c.amountFen * refundFen) / lineTotalFen));
}

/** After a reversal: fully reversed commissions become REVERSED, others stay as they are. */
export function isFullyReversed(c: CommissionState): boolean {
  return c.reversedFen >= c.amountFen;
}

export interface SettleFacts {
  status: "PENDING" | "SETTLED" | "REVERSED";
  orderStatus: string;
  completedAt: Date | null;
  /** After-sale requests on the item that are still open (requested, awaiting return, escalated…). */
  openAfterSales: number;
}

/** The moment a completed order's after-sales window closes. */
export function settleableAt(completedAt: Date, afterSalesDays: number): Date {
  return new Date(completedAt.getTime() + afterSalesDays * DAY_MS);
}

/** A pending commission settles once its order is completed, the window has closed and no after-sale is open. */
export function canSettle(f: SettleFacts, now: Date, afterSalesDays: number): boolean {
  if (f.status !== "PENDING" || f.orderStatus !== "COMPLETED" || !f.completedAt) return false;
  if (f.openAfterSales > 0) return false;
  return settleableAt(f.completedAt, afterSalesDays).getTime() <= now.getTime();
}

/** Masks an order number for a creator: they see which sale, not the shopper's full order number. */
export function maskOrderNo(orderNo: string): string {
  if (orderNo.length <= 6) return "*".repeat(orderNo.length);
  return `${orderNo.slice(0, 4)}${"*".repeat(orderNo.length - 8)}${orderNo.slice(-4)}`;
}
