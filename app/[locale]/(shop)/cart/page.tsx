import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { pageMetadata } from "@/app/_lib/seo";
import { currentUser } from "@/server/auth";
import { CartView } from "./cart-view";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "cart" });
  return pageMetadata({ locale, path: "/cart", title: t("title"), description: t("metaDescription"), noindex: true });
}

/** Guests see their cart too (keyed by the visitor cookie); checking out asks them to sign in. */
export default async function CartPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [user] = await Promise.all([currentUser(), getQueryClient().prefetchQuery(trpc.cart.get.queryOptions())]);
  return (
    <HydrateClient>
      <CartView isSignedIn={user !== null} />
    </HydrateClient>
  );
}
