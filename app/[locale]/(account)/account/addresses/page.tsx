import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { pageMetadata } from "@/app/_lib/seo";
import { AddressBook } from "./address-book";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "checkout" });
  return pageMetadata({ locale, path: "/account/addresses", title: t("addressBook.title"), description: t("addressBook.metaDescription"), noindex: true });
}

/** The signed-in shopper's delivery addresses (the account layout has already required sign-in). */
export default async function AddressesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await getQueryClient().fetchQuery(trpc.address.list.queryOptions());
  return (
    <HydrateClient>
      <AddressBook />
    </HydrateClient>
  );
}
