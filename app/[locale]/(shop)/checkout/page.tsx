import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import type { Locale } from "@/app/_i18n/routing";
import { Link } from "@/app/_i18n/navigation";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { pageMetadata } from "@/app/_lib/seo";
import { requireUser } from "@/app/_lib/require-user";
import { attributionFromQuery } from "@/app/_lib/attribution";
import { CheckoutForm, type CheckoutSourceInput } from "./checkout-form";

type Query = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Query> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `?buy=<variantId>&qty=<n>&ch=..&src=..&cr=..` buys one SKU directly; otherwise the cart's ticked items. */
function sourceFrom(query: Query): CheckoutSourceInput {
  const buy = first(query.buy);
  if (!buy || !/^[A-Za-z0-9_-]{1,64}$/.test(buy)) return { cart: true };
  const qty = Number(first(query.qty) ?? "1");
  const quantity = Number.isInteger(qty) && qty >= 1 && qty <= 99 ? qty : 1;
  const attribution = attributionFromQuery(query);
  return { buyNow: { variantId: buy, quantity, ...(attribution ? { attribution } : {}) } };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "checkout" });
  return pageMetadata({ locale, path: "/checkout", title: t("title"), description: t("metaDescription"), noindex: true });
}

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const source = sourceFrom(await searchParams);
  const qc = getQueryClient();
  const t = await getTranslations({ locale, namespace: "checkout" });
  const [preview] = await Promise.allSettled([
    // Same input as the form's first query ("auto": the best coupon combination), so it hydrates.
    qc.fetchQuery(trpc.checkout.preview.queryOptions({ source, couponIds: "auto" })),
    qc.prefetchQuery(trpc.address.list.queryOptions()),
  ]);

  if (preview.status === "rejected") {
    const err = preview.reason;
    if (!(err instanceof TRPCError) || (err.code !== "BAD_REQUEST" && err.code !== "NOT_FOUND")) throw err;
    return (
      <section className="mx-auto mt-10 max-w-md rounded-2xl bg-white p-8 text-center ring-1 ring-line">
        <h1 className="text-lg font-bold">{t("title")}</h1>
        <p className="mt-2 text-sm text-muted">{source.buyNow ? t("buyNowUnavailable") : t("nothingSelected")}</p>
        <Link href={source.buyNow ? "/" : "/cart"} className="mt-5 inline-block rounded-full bg-brand px-6 py-2.5 text-sm font-semibold text-white hover:bg-brand-dark">
          {source.buyNow ? t("goShopping") : t("backToCart")}
        </Link>
      </section>
    );
  }

  return (
    <HydrateClient>
      <CheckoutForm source={source} />
    </HydrateClient>
  );
}
