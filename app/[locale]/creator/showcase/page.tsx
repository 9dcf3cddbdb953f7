// Creator centre, showcase: the products on my storefront in order, with pitches; share link.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { localizedUrl } from "@/app/_lib/seo";
import { ShowcaseEditor } from "./showcase-editor";
import { CopyLink } from "./copy-link";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "creator" });
  return { title: t("showcase.title") };
}

export default async function ShowcasePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [showcase, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.affiliate.showcase.get.queryOptions()),
    getTranslations({ locale, namespace: "creator.showcase" }),
  ]);
  const shareUrl = localizedUrl(locale, `/c/${showcase.handle}`);
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <Link href={`/c/${showcase.handle}`} className="text-sm font-medium text-brand hover:underline">
          {t("viewStorefront")} →
        </Link>
      </div>
      <p className="mb-3 mt-1 text-sm text-muted">{t("intro")}</p>
      <div className="mb-4 flex items-center gap-2 rounded-xl bg-white p-3 shadow-sm ring-1 ring-line">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-muted">
          {t("shareLink")}
          <input readOnly value={shareUrl} className="h-9 w-full rounded-lg border border-line bg-canvas px-3 text-sm text-ink" data-testid="share-link" />
        </label>
        <div className="self-end">
          <CopyLink url={shareUrl} />
        </div>
      </div>
      <ShowcaseEditor initial={showcase} locale={locale} />
    </div>
  );
}
