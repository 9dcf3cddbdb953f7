import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { LogoMark } from "@/app/_components/logo";

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const tc = await getTranslations({ locale, namespace: "common" });
  return (
    <footer className="border-t border-line bg-white">
      <div className="mx-auto grid max-w-7xl gap-6 px-3 py-8 text-sm sm:grid-cols-3 sm:px-5">
        <div className="space-y-2">
          <div className="flex items-center gap-2 font-bold">
            <LogoMark className="h-6 w-6" /> {tc("siteName")}
          </div>
          <p className="text-muted">{tc("tagline")}</p>
        </div>
        <div className="space-y-2">
          <h2 className="font-semibold">{t("footerAbout")}</h2>
          <p className="text-muted">{t("footerAboutText")}</p>
        </div>
        <div className="space-y-2">
          <h2 className="font-semibold">{t("footerHelp")}</h2>
          <ul className="space-y-1 text-muted">
            <li>
              <Link href="/search" className="hover:text-brand">
                {t("footerShopping")}
              </Link>
            </li>
            <li>
              <Link href="/signup" className="hover:text-brand">
                {t("footerMerchants")}
              </Link>
            </li>
          </ul>
        </div>
      </div>
      <p className="border-t border-line py-4 text-center text-xs text-muted">{t("footerCopyright")}</p>
    </footer>
  );
}
