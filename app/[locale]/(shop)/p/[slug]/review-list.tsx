"use client";
// Filter chips (all / with photos / by stars) and the review list with "more". The first page of
// the default filter arrives from the server render; other filters and pages load here.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { ReviewPage } from "@/server/review/review.schema";
import { ReviewItem } from "./review-item";
import { REVIEW_PAGE_SIZE } from "./reviews-query";

type Filter = { kind: "all" } | { kind: "withMedia" } | { kind: "stars"; stars: number };

export function ReviewList({
  productId,
  initial,
  writtenCount,
  withMediaCount,
  histogram,
}: {
  productId: string;
  initial: ReviewPage;
  writtenCount: number;
  withMediaCount: number;
  /** 1★…5★ rating counts: a star filter is offered only where there are ratings. */
  histogram: number[];
}) {
  const t = useTranslations("review");
  const locale = useLocale();
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>({ kind: "all" });
  const input = {
    productId,
    limit: REVIEW_PAGE_SIZE,
    filter: filter.kind === "withMedia" ? ("withMedia" as const) : ("all" as const),
    ...(filter.kind === "stars" ? { stars: filter.stars } : {}),
  };
  const query = useInfiniteQuery(
    trpc.review.listForProduct.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      initialData: filter.kind === "all" ? { pages: [initial], pageParams: [null] } : undefined,
      staleTime: 60_000,
    }),
  );
  const reviews = query.data?.pages.flatMap((p) => p.items) ?? [];

  const chips: Array<{ key: string; label: string; value: Filter }> = [
    { key: "all", label: t("filterAll", { count: writtenCount }), value: { kind: "all" } },
    ...(withMediaCount > 0 ? [{ key: "media", label: t("filterWithMedia", { count: withMediaCount }), value: { kind: "withMedia" } as Filter }] : []),
    ...[5, 4, 3, 2, 1]
      .filter((stars) => histogram[stars - 1] > 0)
      .map((stars) => ({ key: `s${stars}`, label: t("filterStars", { stars }), value: { kind: "stars", stars } as Filter })),
  ];
  const same = (a: Filter, b: Filter) => a.kind === b.kind && (a.kind !== "stars" || (b.kind === "stars" && a.stars === b.stars));

  if (writtenCount === 0) return <p className="py-4 text-sm text-muted">{t("noWritten")}</p>;

  return (
    <div>
      <div role="group" aria-label={t("filterLabel")} className="no-scrollbar -mx-1 flex gap-2 overflow-x-auto px-1 py-1">
        {chips.map((chip) => {
          const active = same(chip.value, filter);
          return (
            <button
              key={chip.key}
              type="button"
              aria-pressed={active}
              onClick={() => setFilter(chip.value)}
              className={`shrink-0 rounded-full px-3 py-1 text-xs ${active ? "bg-brand-soft font-semibold text-brand ring-1 ring-brand" : "bg-canvas text-ink/75 hover:text-brand"}`}
            >
              {chip.label}
            </button>
          );
        })}
      </div>
      <div aria-live="polite" aria-busy={query.isFetching}>
        {query.isError && (
          <p role="alert" className="py-4 text-sm text-brand-dark">
            {t("loadError")}
          </p>
        )}
        {query.isPending ? (
          <p className="py-4 text-sm text-muted">{t("loadingMore")}</p>
        ) : reviews.length === 0 ? (
          <p className="py-4 text-sm text-muted">{t("noMatches")}</p>
        ) : (
          <ul className="divide-y divide-line">
            {reviews.map((r) => (
              <li key={r.id}>
                <ReviewItem review={r} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {query.hasNextPage && (
        <div className="mt-2 flex justify-center">
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            className="rounded-full bg-white px-6 py-2 text-sm font-medium ring-1 ring-line hover:text-brand disabled:opacity-60"
          >
            {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
        </div>
      )}
    </div>
  );
}
