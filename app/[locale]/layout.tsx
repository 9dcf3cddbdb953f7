import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { siteUrl } from "@/server/env";
import { LANGUAGE_TAGS, routing } from "@/app/_i18n/routing";
import { TRPCReactProvider } from "@/app/_trpc/client";
import { SiteHeader } from "@/app/_components/site-header";
import { SiteFooter } from "@/app/_components/site-footer";
import "@/app/globals.css";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fe2c55" };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t("siteName"), template: `%s | ${t("siteName")}` },
    description: t("siteDescription"),
    applicationName: t("siteName"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={LANGUAGE_TAGS[locale]}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider>
          <TRPCReactProvider>
            <SiteHeader locale={locale} />
            <main className="mx-auto w-full max-w-7xl flex-1 px-3 pb-10 sm:px-5">{children}</main>
            <SiteFooter locale={locale} />
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
