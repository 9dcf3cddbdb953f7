import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { pageMetadata } from "@/app/_lib/seo";
import { AuthCard, safeCallback } from "@/app/[locale]/(auth)/auth-card";
import { SignInForm } from "@/app/[locale]/(auth)/signin/signin-form";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return pageMetadata({ locale, path: "/signin", title: t("signInTitle"), description: t("signInDescription"), noindex: true });
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  const home = locale === "en" ? "/en" : "/";
  return (
    <AuthCard title={t("signInTitle")}>
      <SignInForm callbackUrl={safeCallback((await searchParams).callbackUrl, home)} />
    </AuthCard>
  );
}
