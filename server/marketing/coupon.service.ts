// Coupons: claiming into a wallet, listing, seller/admin management, and the pieces checkout uses
// (which coupons apply, the best combination, redeeming with a conditional update, freeing them
// again when an unpaid checkout is cancelled). The arithmetic lives in coupon.rules.ts.
//
// Concurrency:
// - claim: ONE conditional UPDATE "claimedCount + 1 WHERE claimedCount < totalQuantity" (a CHECK
//   backs it) and an insert of UserCoupon(seq = held + 1) whose unique (couponId, userId, seq) stops
//   parallel claims of one user from passing perUserLimit; both in one transaction, retried once on
//   a unique conflict, then refused.
// - redeem: UPDATE … SET status USED WHERE id, userId AND status = AVAILABLE inside the placement
//   transaction; 0 rows (a parallel checkout used it first) fails the whole placement with a 409.
// - Refunds do NOT return coupons (the order was paid; the coupon did its job). Only cancelling an
//   unpaid checkout does, and only once no order of that checkout is still alive.
import type { Db, DbClient } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { assertShopMember } from "@/server/shop/shop.service";
import { allocate, bestCombination, evaluateChoice, isInWindow, type CouponChoice, type EvaluatedChoice, type OwnedCoupon } from "@/server/marketing/coupon.rules";
import type {
  ClaimableInput,
  ClaimableOutput,
  ClaimOutput,
  CouponFields,
  CouponView,
  CreatePlatformCouponInput,
  CreateShopCouponInput,
  ManagedCoupon,
  WalletInput,
  WalletOutput,
} from "@/server/marketing/coupon.schema";

const viewSelect = {
  id: true,
  scope: true,
  shopId: true,
  shop: { select: { nameZh: true, nameEn: true } },
  titleZh: true,
  titleEn: true,
  kind: true,
  amountFen: true,
  percentOff: true,
  thresholdFen: true,
  maxDiscountFen: true,
  startsAt: true,
  endsAt: true,
  memberOnly: true,
} satisfies Prisma.CouponSelect;

type ViewRow = Prisma.CouponGetPayload<{ select: typeof viewSelect }>;

function toView(c: ViewRow): CouponView {
  const { shop, ...rest } = c;
  return { ...rest, shopNameZh: shop?.nameZh ?? null, shopNameEn: shop?.nameEn ?? null };
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}

// ───────────────────────────── claiming ─────────────────────────────

/** The coupons one can claim now: a shop's (and/or the platform's), with the viewer's holdings. */
export async function listClaimable(db: DbClient, userId: string | null, input: ClaimableInput, now = new Date()): Promise<ClaimableOutput> {
  const scopes: Prisma.CouponWhereInput[] = [];
  if (input.shopId) scopes.push({ scope: "SHOP", shopId: input.shopId });
  if (input.includePlatform) scopes.push({ scope: "PLATFORM" });
  if (scopes.length === 0) return { signedIn: userId !== null, coupons: [] };
  const rows = await db.coupon.findMany({
    where: { OR: scopes, isActive: true, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { ...viewSelect, perUserLimit: true, totalQuantity: true, claimedCount: true },
    orderBy: [{ scope: "asc" }, { thresholdFen: "asc" }, { id: "asc" }],
    take: 30,
  });
  const held = userId
    ? await db.userCoupon.groupBy({ by: ["couponId"], where: { userId, couponId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const heldBy = new Map(held.map((h) => [h.couponId, h._count._all]));
  return {
    signedIn: userId !== null,
    coupons: rows.map(({ perUserLimit, totalQuantity, claimedCount, ...c }) => ({
      ...toView(c),
      perUserLimit,
      claimedByMe: heldBy.get(c.id) ?? 0,
      isSoldOut: claimedCount >= totalQuantity,
    })),
  };
}

async function claimOnce(db: Db, userId: string, couponId: string, now: Date): Promise<ClaimOutput> {
  return db.$transaction(async (tx) => {
    const coupon = await tx.coupon.findUnique({
      where: { id: couponId },
      select: { id: true, shopId: true, scope: true, isActive: true, startsAt: true, endsAt: true, memberOnly: true, perUserLimit: true },
    });
    if (!coupon) throw new AppError("NOT_FOUND", "couponId: no such coupon", { field: "couponId" });
    if (!isInWindow(coupon, now)) throw new AppError("BAD_REQUEST", "couponId: this coupon cannot be claimed now", { field: "couponId" });
    if (coupon.memberOnly && coupon.shopId) {
      const member = await tx.shopMembership.findUnique({ where: { shopId_userId: { shopId: coupon.shopId, userId } }, select: { userId: true } });
      if (!member) throw new AppError("FORBIDDEN", "couponId: members only — join the shop's membership first", { field: "couponId" });
    }
    const alreadyHeld = () => new AppError("CONFLICT", coupon.perUserLimit === 1 ? "couponId: you already have it" : `couponId: you already have it (at most ${coupon.perUserLimit} each)`, { field: "couponId" });
    if ((await tx.userCoupon.count({ where: { couponId, userId } })) >= coupon.perUserLimit) throw alreadyHeld();
    // The total: one conditional UPDATE; its row lock also queues parallel claims of this coupon.
    const taken = await tx.$executeRaw`
      UPDATE "Coupon" SET "claimedCount" = "claimedCount" + 1, "updatedAt" = ${now}
      WHERE "id" = ${couponId} AND "claimedCount" < "totalQuantity"`;
    if (taken === 0) throw new AppError("CONFLICT", "couponId: this coupon has run out", { field: "couponId" });
    // Counted again after the lock: a parallel claim of this user may have committed meanwhile.
    const held = await tx.userCoupon.count({ where: { couponId, userId } });
    if (held >= coupon.perUserLimit) throw alreadyHeld();
    const uc = await tx.userCoupon.create({ data: { couponId, userId, seq: held + 1, claimedAt: now }, select: { id: true } });
    const after = await tx.coupon.findUniqueOrThrow({ where: { id: couponId }, select: { claimedCount: true, totalQuantity: true } });
    return { userCouponId: uc.id, claimedByMe: held + 1, isSoldOut: after.claimedCount >= after.totalQuantity };
  });
}

/** Claims one of a coupon into the user's wallet. */
export async function claimCoupon(db: Db, userId: string, couponId: string, now = new Date()): Promise<ClaimOutput> {
  try {
    return await claimOnce(db, userId, couponId, now);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  // A parallel claim of the same user took the same seq: once more, with fresh counts.
  try {
    return await claimOnce(db, userId, couponId, now);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "couponId: you already have it", { field: "couponId" });
    throw err;
  }
}

/** My coupons: available (in window), used, or expired (unused and past its end or deactivated). */
export async function listWallet(db: DbClient, userId: string, input: WalletInput, now = new Date()): Promise<WalletOutput> {
  const expiredCoupon: Prisma.CouponWhereInput = { OR: [{ endsAt: { lte: now } }, { isActive: false }] };
  const where: Record<WalletInput["status"], Prisma.UserCouponWhereInput> = {
    AVAILABLE: { userId, status: "AVAILABLE", coupon: { isActive: true, endsAt: { gt: now } } },
    USED: { userId, status: "USED" },
    EXPIRED: { userId, status: "AVAILABLE", coupon: expiredCoupon },
  };
  const [rows, available, used, expired] = await Promise.all([
    db.userCoupon.findMany({
      where: where[input.status],
      select: { id: true, claimedAt: true, usedAt: true, coupon: { select: viewSelect } },
      orderBy: input.status === "AVAILABLE" ? [{ coupon: { endsAt: "asc" } }, { id: "asc" }] : [{ claimedAt: "desc" }, { id: "asc" }],
      take: 100,
    }),
    db.userCoupon.count({ where: where.AVAILABLE }),
    db.userCoupon.count({ where: where.USED }),
    db.userCoupon.count({ where: where.EXPIRED }),
  ]);
  return {
    items: rows.map((r) => ({ userCouponId: r.id, status: input.status, claimedAt: r.claimedAt, usedAt: r.usedAt, coupon: toView(r.coupon) })),
    counts: { AVAILABLE: available, USED: used, EXPIRED: expired },
  };
}

// ───────────────────────────── management ─────────────────────────────

function couponData(c: CouponFields) {
  return {
    titleZh: c.titleZh,
    titleEn: c.titleEn,
    kind: c.kind,
    amountFen: c.kind === "PERCENT" ? 0 : c.amountFen,
    percentOff: c.kind === "PERCENT" ? c.percentOff : 0,
    thresholdFen: c.thresholdFen,
    maxDiscountFen: c.kind === "PERCENT" ? c.maxDiscountFen : null,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    totalQuantity: c.totalQuantity,
    perUserLimit: c.perUserLimit,
    memberOnly: c.memberOnly,
  };
}

async function managedList(db: DbClient, where: Prisma.CouponWhereInput): Promise<ManagedCoupon[]> {
  const rows = await db.coupon.findMany({
    where,
    select: { ...viewSelect, totalQuantity: true, claimedCount: true, perUserLimit: true, isActive: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  const used = await db.userCoupon.groupBy({ by: ["couponId"], where: { couponId: { in: rows.map((r) => r.id) }, status: "USED" }, _count: { _all: true } });
  const usedBy = new Map(used.map((u) => [u.couponId, u._count._all]));
  return rows.map(({ totalQuantity, claimedCount, perUserLimit, isActive, createdAt, ...c }) => ({
    ...toView(c),
    totalQuantity,
    claimedCount,
    perUserLimit,
    isActive,
    createdAt,
    usedCount: usedBy.get(c.id) ?? 0,
  }));
}

export async function listShopCoupons(db: DbClient, userId: string, shopId: string): Promise<ManagedCoupon[]> {
  await assertShopMember(db, userId, shopId);
  return managedList(db, { scope: "SHOP", shopId });
}

export async function createShopCoupon(db: DbClient, userId: string, input: CreateShopCouponInput): Promise<ManagedCoupon> {
  await assertShopMember(db, userId, input.shopId);
  const c = await db.coupon.create({ data: { scope: "SHOP", shopId: input.shopId, ...couponData(input.coupon) }, select: { id: true } });
  return (await managedList(db, { id: c.id }))[0]!;
}

export async function listPlatformCoupons(db: DbClient): Promise<ManagedCoupon[]> {
  return managedList(db, { scope: "PLATFORM" });
}

export async function createPlatformCoupon(db: DbClient, input: CreatePlatformCouponInput): Promise<ManagedCoupon> {
  if (input.coupon.memberOnly) throw new AppError("BAD_REQUEST", "memberOnly: platform coupons cannot be members-only", { field: "memberOnly" });
  const c = await db.coupon.create({ data: { scope: "PLATFORM", shopId: null, ...couponData(input.coupon) }, select: { id: true } });
  return (await managedList(db, { id: c.id }))[0]!;
}

/** Stops a coupon from being claimed or redeemed (held ones stay in wallets, shown as expired). */
export async function deactivateShopCoupon(db: DbClient, userId: string, couponId: string): Promise<ManagedCoupon> {
  const c = await db.coupon.findUnique({ where: { id: couponId }, select: { scope: true, shopId: true } });
  if (!c || c.scope !== "SHOP" || !c.shopId) throw notFound("Coupon");
  await assertShopMember(db, userId, c.shopId);
  await db.coupon.update({ where: { id: couponId }, data: { isActive: false } });
  return (await managedList(db, { id: couponId }))[0]!;
}

export async function deactivatePlatformCoupon(db: DbClient, couponId: string): Promise<ManagedCoupon> {
  const c = await db.coupon.findUnique({ where: { id: couponId }, select: { scope: true } });
  if (!c || c.scope !== "PLATFORM") throw notFound("Coupon");
  await db.coupon.update({ where: { id: couponId }, data: { isActive: false } });
  return (await managedList(db, { id: couponId }))[0]!;
}

// ───────────────────────────── checkout ─────────────────────────────

export interface OwnedCouponRow extends OwnedCoupon {
  coupon: CouponView;
}

/** The user's AVAILABLE, in-window coupons that could apply to these shops (shop ones) or anywhere (platform). */
export async function ownedCouponsFor(db: DbClient, userId: string, shopIds: readonly string[], now = new Date()): Promise<OwnedCouponRow[]> {
  const rows = await db.userCoupon.findMany({
    where: {
      userId,
      status: "AVAILABLE",
      coupon: { isActive: true, startsAt: { lte: now }, endsAt: { gt: now }, OR: [{ scope: "PLATFORM" }, { scope: "SHOP", shopId: { in: [...shopIds] } }] },
    },
    select: { id: true, coupon: { select: viewSelect } },
    orderBy: [{ coupon: { endsAt: "asc" } }, { id: "asc" }],
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    scope: r.coupon.scope,
    shopId: r.coupon.shopId,
    kind: r.coupon.kind,
    amountFen: r.coupon.amountFen,
    percentOff: r.coupon.percentOff,
    thresholdFen: r.coupon.thresholdFen,
    maxDiscountFen: r.coupon.maxDiscountFen,
    endsAt: r.coupon.endsAt,
    coupon: toView(r.coupon),
  }));
}

/** What the shopper asked for at checkout: "auto" (the best combination), none, or these UserCoupon ids. */
export type CouponRequest = "auto" | readonly string[];

/**
 * The choice to apply: the best combination for "auto", else the given ids checked against the
 * wallet (each must be the user's, available, in window, apply to this checkout, at most one per shop
 * and one platform coupon, and actually give a discount).
 */
export function resolveChoice(subtotals: Readonly<Record<string, number>>, owned: readonly OwnedCoupon[], request: CouponRequest): EvaluatedChoice {
  if (request === "auto") return bestCombination(subtotals, owned);
  const byId = new Map(owned.map((c) => [c.id, c]));
  const choice: CouponChoice = { shop: {}, platform: null };
  for (const id of new Set(request)) {
    const c = byId.get(id);
    if (!c) throw new AppError("BAD_REQUEST", "couponIds: a chosen coupon is not available to you for this order", { field: "couponIds" });
    if (c.scope === "PLATFORM") {
      if (choice.platform) throw new AppError("BAD_REQUEST", "couponIds: at most one platform coupon per order", { field: "couponIds" });
      choice.platform = id;
    } else {
      if (!c.shopId || !(c.shopId in subtotals)) throw new AppError("BAD_REQUEST", "couponIds: a chosen coupon is for a shop not in this order", { field: "couponIds" });
      if (choice.shop[c.shopId]) throw new AppError("BAD_REQUEST", "couponIds: at most one coupon per shop", { field: "couponIds" });
      choice.shop[c.shopId] = id;
    }
  }
  const evaluated = evaluateChoice(subtotals, owned, choice);
  const useless = Object.entries(choice.shop).some(([shopId]) => (evaluated.shopDiscountFen[shopId] ?? 0) <= 0) || (choice.platform !== null && evaluated.platformDiscountFen <= 0);
  if (useless) throw new AppError("BAD_REQUEST", "couponIds: a chosen coupon's threshold is not reached by this order", { field: "couponIds" });
  return evaluated;
}

export interface DiscountLine {
  shopId: string;
  /** Line amount before discounts (unit price × quantity). */
  amountFen: number;
}

/**
 * Splits the chosen discounts over lines: a shop discount over that shop's lines in proportion to
 * their amounts; the platform discount over the shops in proportion to what is left after their shop
 * discount, then over each shop's lines in proportion to what is left of them. Largest remainder
 * everywhere, so every split sums exactly. Returns the discount of each line (same order as given).
 */
export function allocateDiscounts(lines: readonly DiscountLine[], evaluated: EvaluatedChoice): number[] {
  const out = lines.map(() => 0);
  const shopIds = [...new Set(lines.map((l) => l.shopId))];
  const idx = (shopId: string) => lines.flatMap((l, i) => (l.shopId === shopId ? [i] : []));
  for (const shopId of shopIds) {
    const is = idx(shopId);
    const parts = allocate(evaluated.shopDiscountFen[shopId] ?? 0, is.map((i) => lines[i]!.amountFen));
    is.forEach((i, k) => (out[i] = parts[k]!));
  }
  if (evaluated.platformDiscountFen > 0) {
    const remaining = shopIds.map((shopId) => idx(shopId).reduce((s, i) => s + lines[i]!.amountFen - out[i]!, 0));
    const perShop = allocate(evaluated.platformDiscountFen, remaining);
    shopIds.forEach((shopId, k) => {
      const is = idx(shopId);
      const parts = allocate(perShop[k]!, is.map((i) => lines[i]!.amountFen - out[i]!));
      is.forEach((i, j) => (out[i]! += parts[j]!));
    });
  }
  return out;
}

/** Marks the chosen coupons USED for this checkout; a coupon used meanwhile fails the whole placement. */
export async function redeemCoupons(tx: Prisma.TransactionClient, userId: string, checkoutId: string, userCouponIds: readonly string[], now = new Date()): Promise<void> {
  for (const id of userCouponIds) {
    const { count } = await tx.userCoupon.updateMany({
      where: { id, userId, status: "AVAILABLE" },
      data: { status: "USED", checkoutId, usedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "couponIds: this coupon has already been used", { field: "couponIds" });
  }
}

/**
 * After an unpaid order of a checkout is cancelled: once no order of that checkout is still alive
 * (awaiting payment or beyond), its coupons return to AVAILABLE — those still in their window.
 * Coupons whose window has closed stay USED (they could not be used again anyway). Call it inside
 * the cancelling transaction. Returns how many were freed.
 */
export async function releaseCheckoutCoupons(tx: DbClient, orderId: string, now = new Date()): Promise<number> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { checkoutId: true } });
  if (!order?.checkoutId) return 0;
  const alive = await tx.order.count({ where: { checkoutId: order.checkoutId, status: { not: "CANCELLED" } } });
  if (alive > 0) return 0;
  const { count } = await tx.userCoupon.updateMany({
    where: { checkoutId: order.checkoutId, status: "USED", coupon: { isActive: true, endsAt: { gt: now } } },
    data: { status: "AVAILABLE", checkoutId: null, usedAt: null },
  });
  return count;
}
