"use client";
// Checkout: a coupon selector per shop and one for the platform. The server suggests the best
// combination (pre-selected); choosing another sends the explicit ids and the server recomputes.
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import { formatFen } from "@/app/_lib/format";
import { couponCondition } from "@/app/_components/coupon/coupon-label";
import type { AppRouter } from "@/server/api/root";

export type CheckoutCoupons = inferRouterOutputs<AppRouter>["checkout"]["preview"]["coupons"];
type Option = CheckoutCoupons["options"][number];

/** "platform" or the shop id: which selector a coupon belongs to. */
function slotOf(o: Option): string {
  return o.coupon.scope === "PLATFORM" ? "platform" : (o.coupon.shopId ?? "");
}

/** The ids to request after choosing `userCouponId` (or none) in one slot, keeping the other slots. */
export function nextCouponIds(coupons: CheckoutCoupons, slot: string, userCouponId: string | null): string[] {
  const kept = coupons.selectedIds.filter((id) => {
    const o = coupons.options.find((x) => x.userCouponId === id);
    return o && slotOf(o) !== slot;
  });
  return userCouponId ? [...kept, userCouponId] : kept;
}

/** One slot's selector; renders nothing when the shopper holds no coupon for it. */
export function CouponSelect({
  coupons,
  slot,
  discountFen,
  disabled,
  onChoose,
}: {
  coupons: CheckoutCoupons;
  slot: string;
  /** The discount applied in this slot now. */
  discountFen: number;
  disabled?: boolean;
  onChoose: (ids: string[]) => void;
}) {
  const t = useTranslations("coupon");
  const id = useId();
  const options = coupons.options.filter((o) => slotOf(o) === slot);
  if (options.length === 0) return null;
  const selected = options.find((o) => coupons.selectedIds.includes(o.userCouponId))?.userCouponId ?? "";
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
      <label htmlFor={id} className="text-muted">
        {slot === "platform" ? t("platformCoupon") : t("shopCoupon")}
      </label>
      <span className="flex min-w-0 items-center gap-2">
        <select
          id={id}
          value={selected}
          disabled={disabled}
          onChange={(e) => onChoose(nextCouponIds(coupons, slot, e.target.value || null))}
          className="h-8 min-w-0 max-w-[14rem] truncate rounded-lg border border-line bg-white px-2 text-sm outline-none focus:border-brand"
          data-testid={`coupon-select-${slot === "platform" ? "platform" : "shop"}`}
        >
          <option value="">{t("noCoupon")}</option>
          {options.map((o) => (
            <option key={o.userCouponId} value={o.userCouponId} disabled={!o.isApplicable && o.userCouponId !== selected}>
              {couponCondition(t, o.coupon)}
              {o.isApplicable ? ` · ${t("couponSaves", { amount: formatFen(o.discountFen) })}` : ` · ${t("notApplicable")}`}
            </option>
          ))}
        </select>
        {discountFen > 0 && <span className="shrink-0 font-semibold text-brand">-{formatFen(discountFen)}</span>}
      </span>
    </div>
  );
}

/** "Best combination picked for you: you save ¥X" — shown while the selection is the best one. */
export function BestCombinationNote({ coupons }: { coupons: CheckoutCoupons }) {
  const t = useTranslations("coupon");
  const isBest = coupons.bestDiscountFen > 0 && [...coupons.selectedIds].sort().join() === [...coupons.bestIds].sort().join();
  if (coupons.error) {
    return (
      <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-800">
        {coupons.error.replace(/^couponIds: /, "")}
      </p>
    );
  }
  if (!isBest) return null;
  return (
    <p className="rounded-lg bg-brand-soft px-3 py-2 text-xs font-medium text-brand-dark" data-testid="coupon-best">
      {t("bestPicked", { amount: formatFen(coupons.bestDiscountFen) })}
    </p>
  );
}
