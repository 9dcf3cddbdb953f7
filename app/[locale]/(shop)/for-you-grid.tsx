"use client";
import { useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { ProductCard, ProductGrid } from "@/app/_components/product-card";
import { FOR_YOU_INPUT, FOR_YOU_PAGING } from "@/app/[locale]/(shop)/for-you-query";

/**
 * The home page's endless "for you" grid, recommended for this visitor (reco.forYou): the first page
 * arrives server-rendered (prefetched and hydrated), later pages load as the visitor nears the end,
 * or with the button.
 */
export function ForYouGrid() {
  const t = useTranslations("home");
  const locale = useLocale();
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(trpc.reco.forYou.infiniteQueryOptions(FOR_YOU_INPUT, FOR_YOU_PAGING));
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: "600px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const seen = new Set<string>();
  const items = query.data.pages.flatMap((p) => p.items).filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)));
  return (
    <>
      <ProductGrid>
        {items.map((p, i) => (
          <ProductCard key={p.id} product={p} locale={locale} priority={i < 4} source={{ ch: "mall" }} />
        ))}
      </ProductGrid>
      <div ref={sentinel} className="mt-5 flex justify-center">
        {hasNextPage ? (
          <button
            type="button"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
            className="rounded-full bg-white px-6 py-2 text-sm font-medium ring-1 ring-line hover:text-brand disabled:opacity-60"
          >
            {isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
        ) : (
          <p className="text-sm text-muted">{t("endOfList")}</p>
        )}
      </div>
    </>
  );
}
