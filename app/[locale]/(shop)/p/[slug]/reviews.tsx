// The product page's reviews section (server component): average, 1–5★ distribution, then the
// written reviews (photos first) with filters and "more". Also the schema.org Review objects for the
// page's Product JSON-LD. Both read through the server tRPC proxy with the same first-page input, so
// the page queries the database once for them.
import { getTranslations } from "next-intl/server";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { rating } from "@/app/_lib/format";
import { Stars } from "@/app/_components/stars";
import { ReviewList } from "./review-list";
import { reviewPageInput } from "./reviews-query";

function loadSummary(productId: string) {
  return getQueryClient().fetchQuery(trpc.review.summary.queryOptions({ productId }));
}

function loadFirstPage(productId: string) {
  return getQueryClient().fetchQuery(trpc.review.listForProduct.queryOptions(reviewPageInput(productId)));
}

export async function ProductReviews({ productId, locale }: { productId: string; locale: string }) {
  const [summary, firstPage, t] = await Promise.all([loadSummary(productId), loadFirstPage(productId), getTranslations({ locale, namespace: "review" })]);
  const total = summary.histogram.reduce((a, b) => a + b, 0);

  return (
    <section aria-labelledby="product-reviews" className="mt-6 rounded-2xl bg-white p-4 ring-1 ring-line sm:p-6">
      <h2 id="product-reviews" className="mb-4 flex items-center gap-2 text-base font-bold sm:text-lg">
        <span aria-hidden="true" className="h-4 w-1 rounded-full bg-brand" />
        {t("title")}
        {summary.count > 0 && <span className="text-sm font-normal text-muted">({t("count", { count: summary.count })})</span>}
      </h2>

      {summary.count === 0 ? (
        <p className="text-sm text-muted">{t("noRatings")}</p>
      ) : (
        <div className="grid gap-5 md:grid-cols-[14rem_minmax(0,1fr)] md:gap-8">
          <div className="flex items-center gap-5 md:flex-col md:items-start md:gap-3">
            <div>
              <p className="text-4xl font-bold leading-none text-ink">{rating(summary.ratingX100)}</p>
              <p className="mt-1 text-xs text-muted">{t("outOf5")}</p>
            </div>
            <div className="min-w-0 flex-1 space-y-2 md:w-full">
              <Stars x100={summary.ratingX100} label={t("starsLabel", { rating: rating(summary.ratingX100) })} className="h-4" />
              <ul className="space-y-1">
                {[5, 4, 3, 2, 1].map((stars) => {
                  const count = summary.histogram[stars - 1];
                  const percent = total > 0 ? Math.round((count / total) * 100) : 0;
                  return (
                    <li key={stars} className="flex items-center gap-2 text-xs text-muted">
                      <span className="w-7 shrink-0 tabular-nums" aria-hidden="true">
                        {t("bar", { stars })}
                      </span>
                      <span
                        role="img"
                        aria-label={t("barLabel", { stars, count, percent })}
                        className="relative h-1.5 flex-1 overflow-hidden rounded-full bg-canvas"
                      >
                        <span className="absolute inset-y-0 left-0 rounded-full bg-amber-400" style={{ width: `${percent}%` }} />
                      </span>
                      <span className="w-9 shrink-0 text-right tabular-nums" aria-hidden="true">
                        {percent}%
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
          <ReviewList productId={productId} initial={firstPage} writtenCount={summary.writtenCount} withMediaCount={summary.withMediaCount} histogram={summary.histogram} />
        </div>
      )}
    </section>
  );
}

/**
 * schema.org Review objects for the Product JSON-LD (`review: await productReviewsJsonLd(...)`): up to
 * five written reviews of the first page. Names are the masked display names shown on the page.
 */
export async function productReviewsJsonLd(productId: string, limit = 5): Promise<object[]> {
  const page = await loadFirstPage(productId);
  return page.items
    .filter((r) => r.body.trim().length > 0)
    .slice(0, limit)
    .map((r) => ({
      "@type": "Review",
      author: { "@type": "Person", name: r.buyerName },
      datePublished: r.createdAt.toISOString().slice(0, 10),
      reviewBody: r.body,
      reviewRating: { "@type": "Rating", ratingValue: r.rating, bestRating: 5, worstRating: 1 },
    }));
}
