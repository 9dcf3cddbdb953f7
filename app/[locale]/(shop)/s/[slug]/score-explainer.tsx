// The shop score's three parts, each with the figures behind it and how it is computed.
import { useTranslations } from "next-intl";
import { rating } from "@/app/_lib/format";
import type { ShopScoreDetail } from "@/server/shop/shop.schema";

function hours(h: number, t: ReturnType<typeof useTranslations>): string {
  return h < 48 ? t("hours", { n: Math.round(h) }) : t("days", { n: Math.round((h / 24) * 10) / 10 });
}

export function ScoreExplainer({ detail, locale }: { detail: ShopScoreDetail; locale: string }) {
  const t = useTranslations("decoration");
  const nf = new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN");
  const parts = [
    {
      key: "quality",
      label: t("scoreQuality"),
      value: detail.qualityX100,
      figure:
        detail.ratingAvgX100 === null ? t("noRatings") : t("ratingsFigure", { avg: rating(detail.ratingAvgX100), count: nf.format(detail.ratingCount) }),
      how: t("qualityHow"),
    },
    {
      key: "service",
      label: t("scoreService"),
      value: detail.serviceX100,
      figure: [
        t("refundFigure", { rate: (detail.refundRateBp / 100).toFixed(1), orders: nf.format(detail.paidOrders) }),
        detail.medianHandlingHours === null ? null : t("handlingFigure", { time: hours(detail.medianHandlingHours, t) }),
      ]
        .filter(Boolean)
        .join(" · "),
      how: t("serviceHow"),
    },
    {
      key: "logistics",
      label: t("scoreLogistics"),
      value: detail.logisticsX100,
      figure:
        detail.medianShipHours === null
          ? t("noShipments")
          : t("shipFigure", { time: hours(detail.medianShipHours, t), count: nf.format(detail.shippedOrders) }),
      how: t("logisticsHow"),
    },
  ];
  return (
    <section aria-labelledby="shop-score-title" className="mt-4 border-t border-line pt-3" data-testid="shop-score">
      <h2 id="shop-score-title" className="sr-only">
        {t("scoreTitle")}
      </h2>
      <ul className="grid gap-2 sm:grid-cols-3">
        {parts.map((p) => (
          <li key={p.key} className="rounded-xl bg-canvas px-3 py-2">
            <div className="flex items-baseline justify-between gap-2">
              <span className="text-sm font-medium text-ink">{p.label}</span>
              <span className="text-base font-bold text-ink">{rating(p.value)}</span>
            </div>
            <p className="mt-0.5 text-xs text-muted">{p.figure}</p>
          </li>
        ))}
      </ul>
      <details className="mt-2 text-xs text-muted">
        <summary className="cursor-pointer select-none hover:text-ink">{t("scoreHow")}</summary>
        <ul className="mt-1.5 list-disc space-y-1 pl-5 leading-5">
          {parts.map((p) => (
            <li key={p.key}>
              <strong className="font-medium text-ink/80">{p.label}</strong>: {p.how}
            </li>
          ))}
          <li>{t("overallHow")}</li>
        </ul>
      </details>
    </section>
  );
}
