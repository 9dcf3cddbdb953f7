// The claimable coupons of a shop (and, on product pages, the platform's), each with a claim button.
// A server component: reads through the tRPC proxy, so the viewer's "claimed" state is rendered
// on the server; only the buttons are client code. Renders nothing when there is nothing to claim.
import { getLocale, getTranslations } from "next-intl/server";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { ClaimButton } from "@/app/_components/coupon/claim-button";
import { couponCondition, couponFigure, couponValidity } from "@/app/_components/coupon/coupon-label";

export async function CouponStrip({ shopId, includePlatform = false, className = "" }: { shopId: string; includePlatform?: boolean; className?: string }) {
  const [data, t, locale] = await Promise.all([
    getQueryClient().fetchQuery(trpc.coupon.claimable.queryOptions({ shopId, includePlatform })),
    getTranslations("coupon"),
    getLocale(),
  ]);
  if (data.coupons.length === 0) return null;
  return (
    <section aria-label={t("stripTitle")} className={`rounded-2xl bg-white p-3 ring-1 ring-line ${className}`}>
      <h2 className="mb-2 text-sm font-semibold text-ink">{t("stripTitle")}</h2>
      <ul className="flex snap-x gap-2 overflow-x-auto pb-1">
        {data.coupons.map((c) => {
          const condition = couponCondition(t, c);
          const title = pick(locale, c.titleZh, c.titleEn);
          return (
            <li key={c.id} className="flex w-64 shrink-0 snap-start items-stretch overflow-hidden rounded-lg bg-brand-soft ring-1 ring-brand/20">
              <div className="flex w-20 shrink-0 flex-col items-center justify-center bg-brand px-1 text-white">
                <span className="text-lg font-bold leading-tight">{couponFigure(t, c)}</span>
                <span className="text-[10px] opacity-90">{c.scope === "PLATFORM" ? t("platform") : t("shop")}</span>
              </div>
              <div className="flex min-w-0 flex-1 flex-col justify-between gap-1 p-2">
                <div className="min-w-0">
                  <p className="truncate text-sm font-semibold text-ink">{condition}</p>
                  <p className="truncate text-xs text-muted">
                    {c.memberOnly ? <span className="mr-1 rounded bg-amber-100 px-1 text-amber-800">{t("memberOnly")}</span> : null}
                    {title}
                  </p>
                  <p className="text-[11px] text-muted">{couponValidity(t, c.startsAt, c.endsAt)}</p>
                </div>
                <div className="flex justify-end">
                  <ClaimButton
                    couponId={c.id}
                    signedIn={data.signedIn}
                    initialClaimed={c.claimedByMe}
                    perUserLimit={c.perUserLimit}
                    initialSoldOut={c.isSoldOut}
                    label={condition}
                  />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
