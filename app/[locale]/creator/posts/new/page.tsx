import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { requireUser } from "@/app/_lib/require-user";
import { pick } from "@/app/_lib/format";
import { NewPostForm } from "./new-post-form";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feed" });
  return { title: t("newVideoTitle"), robots: { index: false, follow: false } };
}

export default async function NewPostPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, "CREATOR");
  const [me, t] = await Promise.all([getQueryClient().fetchQuery(trpc.account.me.queryOptions()), getTranslations({ locale, namespace: "feed" })]);
  const shops = user.roles.includes("SELLER") ? me.shops.map((s) => ({ id: s.id, name: pick(locale, s.nameZh, s.nameEn) })) : [];
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-4">
      <h1 className="text-xl font-bold">{t("newVideoTitle")}</h1>
      <NewPostForm shops={shops} />
    </div>
  );
}
