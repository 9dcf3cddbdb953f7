import { z } from "zod";

const id = (field: string) => z.string().trim().min(1, { error: `${field} is required` }).max(64, { error: `${field} is too long` });

export const couponKind = z.enum(["FIXED", "PERCENT", "THRESHOLD"], { error: "kind: choose FIXED, PERCENT or THRESHOLD" });
export const couponScope = z.enum(["SHOP", "PLATFORM"]);

export const claimInput = z.object({ couponId: id("couponId") }).strict();
export type ClaimInput = z.infer<typeof claimInput>;

export const claimableInput = z
  .object({
    /** A shop's coupons; omitted = none of a shop. */
    shopId: id("shopId").optional(),
    /** Also the platform coupons (product page, checkout). */
    includePlatform: z.boolean().default(false),
  })
  .strict();
export type ClaimableInput = z.infer<typeof claimableInput>;

/** One coupon as shoppers see it. */
export const couponView = z.object({
  id: z.string(),
  scope: couponScope,
  shopId: z.string().nullable(),
  shopNameZh: z.string().nullable(),
  shopNameEn: z.string().nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  kind: couponKind,
  amountFen: z.number().int(),
  percentOff: z.number().int(),
  thresholdFen: z.number().int(),
  maxDiscountFen: z.number().int().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  memberOnly: z.boolean(),
});
export type CouponView = z.infer<typeof couponView>;

export const claimableCoupon = couponView.extend({
  /** How many of this coupon the viewer holds (0 when signed out). */
  claimedByMe: z.number().int(),
  perUserLimit: z.number().int(),
  isSoldOut: z.boolean(),
});
export const claimableOutput = z.object({ signedIn: z.boolean(), coupons: z.array(claimableCoupon) });
export type ClaimableOutput = z.infer<typeof claimableOutput>;

export const claimOutput = z.object({ userCouponId: z.string(), claimedByMe: z.number().int(), isSoldOut: z.boolean() });
export type ClaimOutput = z.infer<typeof claimOutput>;

export const walletStatus = z.enum(["AVAILABLE", "USED", "EXPIRED"]);
export const walletInput = z.object({ status: walletStatus.default("AVAILABLE") }).strict();
export type WalletInput = z.infer<typeof walletInput>;
export const walletItem = z.object({
  userCouponId: z.string(),
  status: walletStatus,
  claimedAt: z.date(),
  usedAt: z.date().nullable(),
  coupon: couponView,
});
export const walletOutput = z.object({ items: z.array(walletItem), counts: z.object({ AVAILABLE: z.number().int(), USED: z.number().int(), EXPIRED: z.number().int() }) });
export type WalletOutput = z.infer<typeof walletOutput>;

// ---- management (sellers for SHOP coupons, admins for PLATFORM coupons) ----

const fen = (field: string) => z.number({ error: `${field} must be a number` }).int({ error: `${field} must be whole fen` }).min(0, { error: `${field} cannot be negative` }).max(100_000_000, { error: `${field} is too large` });

const couponFields = z
  .object({
    titleZh: z.string().trim().min(1, { error: "titleZh is required" }).max(60, { error: "titleZh is too long" }),
    titleEn: z.string().trim().max(80, { error: "titleEn is too long" }).default(""),
    kind: couponKind,
    amountFen: fen("amountFen").default(0),
    percentOff: z.number().int({ error: "percentOff must be a whole number" }).min(0).max(99, { error: "percentOff must be 1–99" }).default(0),
    thresholdFen: fen("thresholdFen").default(0),
    maxDiscountFen: fen("maxDiscountFen").nullable().default(null),
    startsAt: z.coerce.date({ error: "startsAt must be a date" }),
    endsAt: z.coerce.date({ error: "endsAt must be a date" }),
    totalQuantity: z.number().int({ error: "totalQuantity must be a whole number" }).min(1, { error: "totalQuantity must be at least 1" }).max(10_000_000, { error: "totalQuantity is too large" }),
    perUserLimit: z.number().int({ error: "perUserLimit must be a whole number" }).min(1, { error: "perUserLimit must be at least 1" }).max(100, { error: "perUserLimit is at most 100" }).default(1),
    memberOnly: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endsAt.getTime() <= v.startsAt.getTime()) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "endsAt must be after startsAt" });
    if ((v.kind === "FIXED" || v.kind === "THRESHOLD") && v.amountFen < 1) ctx.addIssue({ code: "custom", path: ["amountFen"], message: "amountFen must be at least 1 fen" });
    if (v.kind === "THRESHOLD" && v.thresholdFen <= v.amountFen) ctx.addIssue({ code: "custom", path: ["thresholdFen"], message: "thresholdFen must be more than amountFen" });
    if (v.kind === "PERCENT" && v.percentOff < 1) ctx.addIssue({ code: "custom", path: ["percentOff"], message: "percentOff must be 1–99" });
  });

export const createShopCouponInput = z.object({ shopId: id("shopId"), coupon: couponFields }).strict();
export type CreateShopCouponInput = z.infer<typeof createShopCouponInput>;
export const createPlatformCouponInput = z.object({ coupon: couponFields }).strict();
export type CreatePlatformCouponInput = z.infer<typeof createPlatformCouponInput>;
export type CouponFields = z.infer<typeof couponFields>;

export const manageListInput = z.object({ shopId: id("shopId") }).strict();
export const deactivateInput = z.object({ couponId: id("couponId") }).strict();
export type DeactivateInput = z.infer<typeof deactivateInput>;

export const managedCoupon = couponView.extend({
  totalQuantity: z.number().int(),
  claimedCount: z.number().int(),
  usedCount: z.number().int(),
  perUserLimit: z.number().int(),
  isActive: z.boolean(),
  createdAt: z.date(),
});
export type ManagedCoupon = z.infer<typeof managedCoupon>;
export const managedList = z.array(managedCoupon);
