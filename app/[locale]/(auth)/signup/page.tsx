import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { pageMetadata } from "@/app/_lib/seo";
import { AuthCard, safeCallback } from "@/app/[locale]/(auth)/auth-card";
import { SignUpForm } from "@/app/[locale]/(auth)/signup/signup-form";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return pageMetadata({ locale, path: "/signup", title: t("signUpTitle"), description: t("signUpDescription"), noindex: true });
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth" });
  const home = locale === "en" ? "/en" : "/";
  return (
    <AuthCard title={t("signUpTitle")}>
      <SignUpForm callbackUrl={safeCallback((await searchParams).callbackUrl, home)} />
    </AuthCard>
  );
}
