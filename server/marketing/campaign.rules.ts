// Pure campaign rules: where a campaign is in its window, who may enrol or withdraw when, and the
// lowest discount a campaign price must give. No database, no clock: `at` is always passed in.
//
// Price changes after the start: a seller may still LOWER an enrolled SKU's campaign price while the
// campaign runs (shoppers only gain), but may not raise it or withdraw the SKU — a running campaign
// must not get dearer or lose goods under the shopper's feet. Before the start everything is free.

export type CampaignPhase = "UPCOMING" | "RUNNING" | "ENDED";

export interface CampaignWindow {
  startsAt: Date;
  endsAt: Date;
}

/** UPCOMING before startsAt, RUNNING in [startsAt, endsAt), ENDED from endsAt (as server/marketing/price.ts). */
export function campaignPhase(c: CampaignWindow, at: Date): CampaignPhase {
  if (at.getTime() < c.startsAt.getTime()) return "UPCOMING";
  if (at.getTime() < c.endsAt.getTime()) return "RUNNING";
  return "ENDED";
}

/** The instant the countdown counts to: the start while upcoming, the end while running, none after. */
export function countdownTarget(c: CampaignWindow, at: Date): Date | null {
  const phase = campaignPhase(c, at);
  return phase === "UPCOMING" ? c.startsAt : phase === "RUNNING" ? c.endsAt : null;
}

export const MAX_WINDOW_DAYS = 90;

/** Null when the window is valid: ends after it starts, lasts at most MAX_WINDOW_DAYS. */
export function windowProblem(c: CampaignWindow): { field: "endsAt"; message: string } | null {
  if (Number.isNaN(c.startsAt.getTime()) || Number.isNaN(c.endsAt.getTime())) return { field: "endsAt", message: "endsAt: invalid date" };
  if (c.endsAt.getTime() <= c.startsAt.getTime()) return { field: "endsAt", message: "endsAt: must be after startsAt" };
  if (c.endsAt.getTime() - c.startsAt.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    return { field: "endsAt", message: `endsAt: a campaign lasts at most ${MAX_WINDOW_DAYS} days` };
  }
  return null;
}

/**
 * The highest campaign price allowed for a regular price: at least `minDiscountBp` basis points
 * below it (rounded down to whole fen, so the discount is never less than promised).
 */
export function maxCampaignPriceFen(regularPriceFen: number, minDiscountBp: number): number {
  return Math.floor((regularPriceFen * (10_000 - minDiscountBp)) / 10_000);
}

/** Null when `campaignPriceFen` is a valid campaign price for the SKU, else why not. */
export function enrolPriceProblem(regularPriceFen: number, campaignPriceFen: number, minDiscountBp: number): string | null {
  if (!Number.isInteger(campaignPriceFen) || campaignPriceFen <= 0) return "price: the campaign price must be greater than 0";
  const max = maxCampaignPriceFen(regularPriceFen, minDiscountBp);
  if (campaignPriceFen > max) {
    return `price: the campaign price must be at least ${minDiscountBp / 100}% below the regular price (at most ${(max / 100).toFixed(2)})`;
  }
  return null;
}

export interface EnrolState extends CampaignWindow {
  enrolOpen: boolean;
}

/** Merchants enrol new SKUs while enrolment is open and the campaign has not ended. */
export function canEnrol(c: EnrolState, at: Date): boolean {
  return c.enrolOpen && campaignPhase(c, at) !== "ENDED";
}

/** An enrolled SKU leaves the campaign only before it starts. */
export function canWithdraw(c: CampaignWindow, at: Date): boolean {
  return campaignPhase(c, at) === "UPCOMING";
}

/** Re-pricing an enrolled SKU: free before the start, only downwards while running, never after. */
export function priceChangeProblem(c: CampaignWindow, at: Date, oldPriceFen: number, newPriceFen: number): string | null {
  const phase = campaignPhase(c, at);
  if (phase === "ENDED") return "campaignId: the campaign has ended";
  if (phase === "RUNNING" && newPriceFen > oldPriceFen) return "price: a running campaign's price can only be lowered";
  return null;
}

/**
 * Origin (产地名片) and regional-goods (山货) campaigns take only goods of their region: the
 * product's region, or its shop's when the product names none. Promotions take anything.
 */
export function regionProblem(
  campaign: { kind: "PROMOTION" | "ORIGIN" | "REGIONAL_GOODS"; regionId: string | null },
  product: { regionId: string | null; shopRegionId: string | null },
): string | null {
  if (campaign.kind === "PROMOTION" || !campaign.regionId) return null;
  const region = product.regionId ?? product.shopRegionId;
  return region === campaign.regionId ? null : "variantId: this campaign takes only goods from its region";
}

/** Whole-percent discount of `priceFen` from `regularPriceFen` (0 when none), e.g. 7900 of 9900 → 20. */
export function discountPercent(priceFen: number, regularPriceFen: number): number {
  if (regularPriceFen <= 0 || priceFen >= regularPriceFen) return 0;
  return Math.round(((regularPriceFen - priceFen) * 100) / regularPriceFen);
}

/** Fen for a yuan amount typed by a person ("12.5", "¥12.50"), at most two decimals; null if not one. */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "");
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
