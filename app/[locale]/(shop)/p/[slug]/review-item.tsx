// One review: masked buyer, stars, date, option bought, text, photos and the seller's reply.
// Everything the buyer or seller wrote is rendered as React text, never as HTML.
import { useTranslations } from "next-intl";
import { Stars } from "@/app/_components/stars";
import { pick } from "@/app/_lib/format";
import { formatDate } from "@/app/_components/order/format-time";
import type { PublicReview } from "@/server/review/review.schema";

export function ReviewItem({ review, locale }: { review: PublicReview; locale: string }) {
  const t = useTranslations("review");
  const variant = pick(locale, review.variantLabelZh, review.variantLabelEn);
  return (
    <article className="py-4">
      <header className="flex items-center gap-2.5">
        {review.buyerAvatarUrl ? (
          <img src={review.buyerAvatarUrl} alt="" width={32} height={32} loading="lazy" className="h-8 w-8 shrink-0 rounded-full bg-canvas" />
        ) : (
          <span aria-hidden="true" className="h-8 w-8 shrink-0 rounded-full bg-canvas" />
        )}
        <div className="min-w-0 flex-1">
          <p className="flex items-center gap-2 text-sm">
            <span className="font-medium text-ink">{review.buyerName}</span>
            <span className="rounded bg-emerald-50 px-1.5 py-px text-[11px] text-emerald-700">{t("verifiedBuyer")}</span>
          </p>
          <p className="mt-0.5 flex items-center gap-2 text-xs text-muted">
            <Stars x100={review.rating * 100} label={t("starsLabel", { rating: review.rating })} className="h-3" />
            <time dateTime={review.createdAt.toISOString()}>{formatDate(review.createdAt, locale)}</time>
          </p>
        </div>
      </header>
      {variant && <p className="mt-2 text-xs text-muted">{t("variant", { label: variant })}</p>}
      {review.body && <p className="mt-2 whitespace-pre-line break-words text-[15px] leading-relaxed text-ink/90">{review.body}</p>}
      {review.media.length > 0 && (
        <ul className="mt-3 grid max-w-md grid-cols-3 gap-1.5 sm:grid-cols-4">
          {review.media.map((m, i) => (
            <li key={m.url}>
              <a href={m.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-lg bg-canvas ring-1 ring-line">
                <img
                  src={m.url}
                  alt={t("photo", { n: i + 1 })}
                  width={m.width}
                  height={m.height}
                  loading="lazy"
                  className="aspect-square h-full w-full object-cover transition hover:scale-105"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {review.sellerReply && (
        <div className="mt-3 rounded-lg bg-canvas px-3 py-2 text-sm">
          <p className="text-xs font-semibold text-ink/80">{t("sellerReply")}</p>
          <p className="mt-1 whitespace-pre-line break-words text-ink/80">{review.sellerReply}</p>
        </div>
      )}
    </article>
  );
}
