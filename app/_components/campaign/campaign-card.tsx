// One campaign as a banner card (list page and home strip): art, kind badge, title, window, countdown.
import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { pick } from "@/app/_lib/format";
import type { CampaignSummary } from "@/server/marketing/campaign.schema";
import { Countdown } from "./countdown";
import { formatCampaignTime } from "./campaign-format";

export function CampaignKindBadge({ kind, className = "" }: { kind: CampaignSummary["kind"]; className?: string }) {
  const t = useTranslations("campaign");
  const look = kind === "PROMOTION" ? "bg-brand text-white" : kind === "ORIGIN" ? "bg-orange-500 text-white" : "bg-emerald-600 text-white";
  return <span className={`inline-block rounded-full px-2 py-0.5 text-[11px] font-semibold ${look} ${className}`}>{t(`kind.${kind}`)}</span>;
}

export function CampaignCard({ campaign, locale, priority = false }: { campaign: CampaignSummary; locale: string; priority?: boolean }) {
  const t = useTranslations("campaign");
  const title = pick(locale, campaign.titleZh, campaign.titleEn);
  const subtitle = pick(locale, campaign.subtitleZh, campaign.subtitleEn);
  return (
    <Link
      href={`/campaign/${campaign.slug}`}
      className="group relative flex h-full flex-col overflow-hidden rounded-2xl bg-white ring-1 ring-line transition hover:shadow-md"
    >
      <div className="relative aspect-[16/6] overflow-hidden" style={{ backgroundColor: campaign.themeColor }}>
        <img
          src={campaign.bannerUrl}
          alt=""
          width={1600}
          height={600}
          loading={priority ? "eager" : "lazy"}
          className={`h-full w-full object-cover transition group-hover:scale-[1.02] ${campaign.phase === "ENDED" ? "grayscale" : ""}`}
        />
        <div aria-hidden="true" className="absolute inset-0 bg-gradient-to-r from-black/55 via-black/20 to-transparent" />
        <div className="absolute inset-x-0 top-0 flex items-start justify-between gap-2 p-3">
          <CampaignKindBadge kind={campaign.kind} />
          {campaign.phase === "ENDED" && <span className="rounded-full bg-black/60 px-2 py-0.5 text-[11px] text-white">{t("ended")}</span>}
        </div>
        <div className="absolute inset-x-0 bottom-0 p-3 text-white">
          <h3 className="line-clamp-1 text-base font-bold drop-shadow sm:text-lg">{title}</h3>
          {subtitle && <p className="line-clamp-1 text-xs text-white/90 drop-shadow">{subtitle}</p>}
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2 text-xs text-muted">
        <span>{t("window", { start: formatCampaignTime(locale, campaign.startsAt), end: formatCampaignTime(locale, campaign.endsAt) })}</span>
        {campaign.phase === "RUNNING" && <Countdown target={campaign.endsAt.toISOString()} mode="end" tone="dark" className="text-xs text-brand" />}
        {campaign.phase === "UPCOMING" && <Countdown target={campaign.startsAt.toISOString()} mode="start" tone="dark" className="text-xs text-ink" />}
        {campaign.phase === "ENDED" && <span>{t("itemCount", { count: campaign.itemCount })}</span>}
      </div>
    </Link>
  );
}
