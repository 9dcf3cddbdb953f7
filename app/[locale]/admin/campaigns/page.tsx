// Operations: every campaign with its window, kind, enrolment state and enrolled counts.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { CampaignKindBadge } from "@/app/_components/campaign/campaign-card";
import { formatCampaignTime } from "@/app/_components/campaign/campaign-format";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "campaign.admin" });
  return { title: t("title") };
}

export default async function AdminCampaignsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [rows, t, tc] = await Promise.all([
    getQueryClient().fetchQuery(trpc.campaign.admin.list.queryOptions()),
    getTranslations({ locale, namespace: "campaign.admin" }),
    getTranslations({ locale, namespace: "campaign" }),
  ]);
  return (
    <div className="mx-auto max-w-4xl">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <Link href="/admin/campaigns/new" className="rounded-full bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
          {t("new")}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-14 text-center text-muted ring-1 ring-line">{t("empty")}</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((c) => (
            <li key={c.id} className="flex flex-col gap-2 rounded-xl bg-white p-3 ring-1 ring-line sm:flex-row sm:items-center">
              <img src={c.bannerUrl} alt="" width={160} height={60} className="h-14 w-full rounded-lg object-cover sm:w-40" />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <CampaignKindBadge kind={c.kind} />
                  <span className="font-semibold">{pick(locale, c.titleZh, c.titleEn)}</span>
                  <span className="text-xs text-muted">/{c.slug}</span>
                </p>
                <p className="mt-1 text-xs text-muted">
                  {tc(c.phase === "RUNNING" ? "running" : c.phase === "UPCOMING" ? "upcoming" : "ended")} ·{" "}
                  {tc("window", { start: formatCampaignTime(locale, c.startsAt), end: formatCampaignTime(locale, c.endsAt) })} ·{" "}
                  {c.enrolOpen ? t("enrolOpenYes") : t("enrolOpenNo")}
                </p>
              </div>
              <dl className="flex gap-4 text-center text-sm">
                <div>
                  <dt className="text-xs text-muted">{t("items")}</dt>
                  <dd className="font-bold">{c.itemCount}</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">{t("shops")}</dt>
                  <dd className="font-bold">{c.shopCount}</dd>
                </div>
              </dl>
              <div className="flex gap-2 text-sm">
                <Link href={`/admin/campaigns/${c.id}`} className="rounded-full border border-line px-3 py-1 hover:border-brand hover:text-brand">
                  {t("edit")}
                </Link>
                <Link href={`/campaign/${c.slug}`} className="rounded-full border border-line px-3 py-1 hover:border-brand hover:text-brand">
                  {t("view")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
