// Creator centre: creators only (every procedure derives the creator from the signed-in user). Never indexed.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AreaNav } from "@/app/_components/area-nav";
import { requireUser } from "@/app/_lib/require-user";
import type { Locale } from "@/app/_i18n/routing";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function CreatorLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale, "CREATOR");
  const t = await getTranslations({ locale, namespace: "creator" });
  return (
    <>
      <AreaNav
        label={t("area")}
        items={[
          { href: "/creator", label: t("nav.pool") },
          { href: "/creator/showcase", label: t("nav.showcase") },
          { href: "/creator/earnings", label: t("nav.earnings") },
          { href: "/creator/posts", label: t("nav.videos") },
        ]}
      />
      {children}
    </>
  );
}
