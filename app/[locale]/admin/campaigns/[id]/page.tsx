import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, getQueryClient, trpc } from "@/app/_trpc/server";
import { pick } from "@/app/_lib/format";
import { CampaignForm } from "../campaign-form";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "campaign.admin" });
  return { title: t("edit") };
}

export default async function EditCampaignPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const [campaign, regions, t] = await Promise.all([
    fetchOr404(trpc.campaign.admin.get.queryOptions({ id })),
    getQueryClient().fetchQuery(trpc.campaign.admin.regions.queryOptions()),
    getTranslations({ locale, namespace: "campaign.admin" }),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/admin/campaigns" className="text-sm text-muted hover:text-brand">
        ‹ {t("back")}
      </Link>
      <h1 className="my-3 text-xl font-bold">
        {t("edit")} · {pick(locale, campaign.titleZh, campaign.titleEn)}
      </h1>
      <CampaignForm
        campaign={campaign}
        locale={locale}
        regions={regions.map((r) => ({ id: r.id, label: `${pick(locale, r.provinceZh, r.provinceEn)} · ${pick(locale, r.nameZh, r.nameEn)}` }))}
      />
    </div>
  );
}
