// Seller centre: reviews of my shops' products, with a reply form on those still unanswered.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { firstParam } from "@/app/_components/pagination";
import { MoreLink } from "@/app/_components/after-sale/after-sale-list";
import { ReviewItem } from "@/app/[locale]/(shop)/p/[slug]/review-item";
import { ReplyForm } from "./reply-form";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["unreplied", "all"] as const;
type Filter = (typeof FILTERS)[number];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "review" });
  return { title: t("seller.title") };
}

export default async function SellerReviewsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const filter: Filter = firstParam(sp.filter) === "all" ? "all" : "unreplied";
  const cursor = firstParam(sp.cursor) ?? null;
  const [page, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.review.listForSeller.queryOptions({ filter, cursor, limit: 20 })),
    getTranslations({ locale, namespace: "review" }),
  ]);

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-3 text-xl font-bold">{t("seller.title")}</h1>
      <nav aria-label={t("seller.filterLabel")} className="mb-3">
        <ul className="flex w-max gap-1 rounded-xl bg-white p-1 shadow-sm ring-1 ring-line">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={f === "unreplied" ? "/seller/reviews" : { pathname: "/seller/reviews", query: { filter: f } }}
                aria-current={f === filter ? "page" : undefined}
                className={`flex h-9 items-center rounded-lg px-3 text-sm ${f === filter ? "bg-brand text-white" : "text-ink/80 hover:text-brand"}`}
              >
                {t(`seller.filters.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-14 text-center text-muted shadow-sm ring-1 ring-line">{t("seller.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {page.items.map((r) => (
            <li key={r.id} className="rounded-xl bg-white px-4 pb-4 shadow-sm ring-1 ring-line">
              <p className="border-b border-line py-2 text-xs text-muted">
                {pick(locale, r.shop.nameZh, r.shop.nameEn)} ·{" "}
                <Link href={`/p/${r.product.slug}`} className="hover:text-brand">
                  {t("seller.product", { title: pick(locale, r.product.titleZh, r.product.titleEn) })}
                </Link>
              </p>
              <ReviewItem review={r} locale={locale} />
              {!r.sellerReply && <ReplyForm reviewId={r.id} />}
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && <MoreLink href={{ pathname: "/seller/reviews", query: { filter, cursor: page.nextCursor } }} label={t("seller.more")} />}
    </div>
  );
}
