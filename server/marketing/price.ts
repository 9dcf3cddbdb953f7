// The price a shopper pays for a SKU right now: the lowest of the regular price, the shop's member
// price (for the shop's loyalty members) and the price of a campaign running at this moment. The
// cart, checkout and product page all read prices through here, so they can never disagree.
// Money is integer fen; nothing here trusts a price sent by a client.
import type { DbClient } from "@/server/db/client";

export type PriceKind = "REGULAR" | "MEMBER" | "CAMPAIGN";

export interface EffectivePrice {
  /** What the shopper pays per unit. */
  priceFen: number;
  /** The SKU's regular price (struck through when priceFen is lower). */
  regularPriceFen: number;
  kind: PriceKind;
  /** The campaign whose price applies (kind CAMPAIGN), and when it ends. */
  campaignId: string | null;
  campaignEndsAt: Date | null;
}

export interface PriceableVariant {
  id: string;
  priceFen: number;
  memberPriceFen: number | null;
  shopId: string;
}

export interface CampaignPrice {
  campaignId: string;
  priceFen: number;
  endsAt: Date;
}

/**
 * Pure rule: the lowest applicable price wins; on a tie the regular price is kept (no badge for
 * nothing), then member before campaign. A member or campaign price at or above the regular price
 * never applies.
 */
export function pickPrice(v: Pick<PriceableVariant, "priceFen" | "memberPriceFen">, isMember: boolean, campaign: CampaignPrice | null): EffectivePrice {
  let best: EffectivePrice = { priceFen: v.priceFen, regularPriceFen: v.priceFen, kind: "REGULAR", campaignId: null, campaignEndsAt: null };
  if (isMember && v.memberPriceFen !== null && v.memberPriceFen > 0 && v.memberPriceFen < best.priceFen) {
    best = { ...best, priceFen: v.memberPriceFen, kind: "MEMBER" };
  }
  if (campaign && campaign.priceFen > 0 && campaign.priceFen < best.priceFen) {
    best = { ...best, priceFen: campaign.priceFen, kind: "CAMPAIGN", campaignId: campaign.campaignId, campaignEndsAt: campaign.endsAt };
  }
  return best;
}

/** Campaign prices of these SKUs in campaigns running at `at` (the lowest one per SKU). */
export async function runningCampaignPrices(db: DbClient, variantIds: readonly string[], at: Date): Promise<Map<string, CampaignPrice>> {
  const result = new Map<string, CampaignPrice>();
  if (variantIds.length === 0) return result;
  const rows = await db.campaignItem.findMany({
    where: { variantId: { in: [...new Set(variantIds)] }, campaign: { startsAt: { lte: at }, endsAt: { gt: at } } },
    select: { variantId: true, campaignId: true, campaignPriceFen: true, campaign: { select: { endsAt: true } } },
  });
  for (const r of rows) {
    const current = result.get(r.variantId);
    if (!current || r.campaignPriceFen < current.priceFen) {
      result.set(r.variantId, { campaignId: r.campaignId, priceFen: r.campaignPriceFen, endsAt: r.campaign.endsAt });
    }
  }
  return result;
}

/** The shops (of those given) whose loyalty programme this user has joined. */
export async function memberShopIds(db: DbClient, userId: string | null, shopIds: readonly string[]): Promise<Set<string>> {
  if (!userId || shopIds.length === 0) return new Set();
  const rows = await db.shopMembership.findMany({ where: { userId, shopId: { in: [...new Set(shopIds)] } }, select: { shopId: true } });
  return new Set(rows.map((r) => r.shopId));
}

/** Effective prices of these SKUs for this shopper (null: signed out) at this moment. */
export async function effectivePrices(
  db: DbClient,
  variants: readonly PriceableVariant[],
  userId: string | null,
  at: Date = new Date(),
): Promise<Map<string, EffectivePrice>> {
  const [campaigns, memberOf] = await Promise.all([
    runningCampaignPrices(db, variants.map((v) => v.id), at),
    memberShopIds(db, userId, variants.filter((v) => v.memberPriceFen !== null).map((v) => v.shopId)),
  ]);
  return new Map(variants.map((v) => [v.id, pickPrice(v, memberOf.has(v.shopId), campaigns.get(v.id) ?? null)]));
}
