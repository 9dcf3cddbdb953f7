// Demo coupons (ids prefixed `coupon_`, wallet rows `ucoupon_`): shop coupons of several seed shops
// (amount off, percent off, 满减, one members-only), two platform coupons running now and one that
// has ended, some claimed by the demo shopper so the wallet and the checkout suggestions show
// something. Windows are computed from the time the seed runs; everything else is deterministic.
import type { DbClient } from "@/server/db/client";
import type { CouponKind, CouponScope } from "@/server/generated/prisma/client";
import { seedShopId } from "@/prisma/seed/trade";

export const SEED_COUPON_ID_PREFIX = "coupon_";
const DAY = 86_400_000;
const SHOPPER_ID = "user_shopper";

interface CouponSpec {
  key: string;
  scope: CouponScope;
  shop?: string;
  titleZh: string;
  titleEn: string;
  kind: CouponKind;
  amountFen?: number;
  percentOff?: number;
  thresholdFen?: number;
  maxDiscountFen?: number;
  fromDays: number;
  toDays: number;
  totalQuantity: number;
  perUserLimit?: number;
  memberOnly?: boolean;
  /** Claimed by the demo shopper. */
  shopperHolds?: boolean;
}

const SPECS: CouponSpec[] = [
  { key: "nuandao-199-30", scope: "SHOP", shop: "nuandao-appliances", titleZh: "暖岛电器 满199减30", titleEn: "Nuandao: ¥30 off ¥199", kind: "THRESHOLD", amountFen: 3000, thresholdFen: 19900, fromDays: -2, toDays: 30, totalQuantity: 1000, shopperHolds: true },
  { key: "nuandao-10", scope: "SHOP", shop: "nuandao-appliances", titleZh: "暖岛电器 10元券", titleEn: "Nuandao: ¥10 off ¥99", kind: "FIXED", amountFen: 1000, thresholdFen: 9900, fromDays: -2, toDays: 30, totalQuantity: 500, perUserLimit: 2 },
  { key: "nuandao-member", scope: "SHOP", shop: "nuandao-appliances", titleZh: "暖岛会员专享 满299减50", titleEn: "Nuandao members: ¥50 off ¥299", kind: "THRESHOLD", amountFen: 5000, thresholdFen: 29900, fromDays: -2, toDays: 30, totalQuantity: 200, memberOnly: true },
  { key: "shengyu-9zhe", scope: "SHOP", shop: "shengyu-audio", titleZh: "声屿音频 满100享9折", titleEn: "Shengyu: 10% off ¥100+", kind: "PERCENT", percentOff: 10, thresholdFen: 10000, maxDiscountFen: 5000, fromDays: -1, toDays: 20, totalQuantity: 300, shopperHolds: true },
  { key: "shengyu-399-60", scope: "SHOP", shop: "shengyu-audio", titleZh: "声屿音频 满399减60", titleEn: "Shengyu: ¥60 off ¥399", kind: "THRESHOLD", amountFen: 6000, thresholdFen: 39900, fromDays: -1, toDays: 20, totalQuantity: 100 },
  { key: "shiguang-99-10", scope: "SHOP", shop: "shiguang-beauty", titleZh: "拾光美妆 满99减10", titleEn: "Shiguang: ¥10 off ¥99", kind: "THRESHOLD", amountFen: 1000, thresholdFen: 9900, fromDays: -3, toDays: 14, totalQuantity: 800 },
  { key: "gannan-5", scope: "SHOP", shop: "gannan-orchard", titleZh: "赣南果园 无门槛5元", titleEn: "Gannan Orchard: ¥5 off", kind: "FIXED", amountFen: 500, fromDays: -3, toDays: 14, totalQuantity: 2000 },
  { key: "platform-300-40", scope: "PLATFORM", titleZh: "平台券 满300减40", titleEn: "Mall-wide: ¥40 off ¥300", kind: "THRESHOLD", amountFen: 4000, thresholdFen: 30000, fromDays: -1, toDays: 10, totalQuantity: 5000, shopperHolds: true },
  { key: "platform-95", scope: "PLATFORM", titleZh: "平台券 全场95折", titleEn: "Mall-wide: 5% off", kind: "PERCENT", percentOff: 5, maxDiscountFen: 3000, fromDays: -1, toDays: 10, totalQuantity: 5000 },
  { key: "platform-ended", scope: "PLATFORM", titleZh: "双11平台券 满200减25", titleEn: "Singles' Day: ¥25 off ¥200", kind: "THRESHOLD", amountFen: 2500, thresholdFen: 20000, fromDays: -14, toDays: -1, totalQuantity: 5000, shopperHolds: true },
];

export async function seedCoupons(db: DbClient, now = new Date()): Promise<{ coupons: number; claimed: number }> {
  const day0 = Math.floor(now.getTime() / DAY) * DAY;
  await db.coupon.createMany({
    data: SPECS.map((s) => ({
      id: `${SEED_COUPON_ID_PREFIX}${s.key}`,
      scope: s.scope,
      shopId: s.shop ? seedShopId(s.shop) : null,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      kind: s.kind,
      amountFen: s.amountFen ?? 0,
      percentOff: s.percentOff ?? 0,
      thresholdFen: s.thresholdFen ?? 0,
      maxDiscountFen: s.maxDiscountFen ?? null,
      startsAt: new Date(day0 + s.fromDays * DAY),
      endsAt: new Date(day0 + s.toDays * DAY),
      totalQuantity: s.totalQuantity,
      claimedCount: s.shopperHolds ? 1 : 0,
      perUserLimit: s.perUserLimit ?? 1,
      memberOnly: s.memberOnly ?? false,
    })),
  });
  const held = SPECS.filter((s) => s.shopperHolds);
  await db.userCoupon.createMany({
    data: held.map((s) => ({
      id: `u${SEED_COUPON_ID_PREFIX}${s.key}`,
      couponId: `${SEED_COUPON_ID_PREFIX}${s.key}`,
      userId: SHOPPER_ID,
      seq: 1,
      claimedAt: new Date(day0 + Math.max(s.fromDays, -1) * DAY + 3_600_000),
    })),
  });
  return { coupons: SPECS.length, claimed: held.length };
}
