// Review one item of a delivered order: /orders/<orderId>/review?item=<orderItemId>.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { firstParam } from "@/app/_components/pagination";
import { ReviewItem } from "@/app/[locale]/(shop)/p/[slug]/review-item";
import { ReviewForm } from "./review-form";

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "review" });
  return { title: t("write.title") };
}

export default async function ReviewPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const itemId = firstParam((await searchParams).item);
  if (!itemId) notFound();
  const prepared = await fetchOr404(trpc.review.prepare.queryOptions({ orderItemId: itemId }));
  if (prepared.order.id !== id) notFound();
  const t = await getTranslations({ locale, namespace: "review" });
  const { item } = prepared;
  const variant = pick(locale, item.variantLabelZh, item.variantLabelEn);

  return (
    <div className="mx-auto max-w-2xl space-y-3">
      <p className="text-sm">
        <Link href={`/orders/${id}`} className="text-muted hover:text-brand">
          ← {t("write.backToOrder")}
        </Link>
      </p>
      <h1 className="text-xl font-bold">{t("write.title")}</h1>

      <section aria-label={pick(locale, item.titleZh, item.titleEn)} className="flex gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <div className="h-16 w-16 shrink-0 overflow-hidden rounded-lg bg-canvas ring-1 ring-line">
          {item.imageUrl ? <img src={item.imageUrl} alt="" width={64} height={64} className="h-full w-full object-cover" /> : null}
        </div>
        <div className="min-w-0">
          <p className="line-clamp-2 text-sm leading-snug">{pick(locale, item.titleZh, item.titleEn)}</p>
          {variant && <p className="mt-1 text-xs text-muted">{variant}</p>}
          <p className="mt-1 text-xs text-muted">{t("write.orderNo", { orderNo: prepared.order.orderNo })}</p>
        </div>
      </section>

      {prepared.blocked ? (
        <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
          <p role="status" className="text-sm">
            {t(`write.blocked.${prepared.blocked}`)}
          </p>
          {prepared.review && (
            <div className="mt-3 border-t border-line">
              <h2 className="sr-only">{t("write.yourReview")}</h2>
              <ReviewItem review={prepared.review} locale={locale} />
            </div>
          )}
          <Link href={`/p/${item.productSlug}`} className="mt-2 inline-flex h-9 items-center rounded-full bg-white px-4 text-sm font-medium ring-1 ring-line hover:text-brand">
            {t("write.viewProduct")}
          </Link>
        </div>
      ) : (
        <ReviewForm orderId={id} orderItemId={item.id} />
      )}
    </div>
  );
}
