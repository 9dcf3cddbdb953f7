// How a coupon reads: "满199减30" / "¥30 off ¥199+", "8.5折" / "15% off", and its validity.
// Shared by server and client components: pass the `coupon` namespace translator.
import { formatFen } from "@/app/_lib/format";

export interface CouponTermsView {
  kind: "FIXED" | "PERCENT" | "THRESHOLD";
  amountFen: number;
  percentOff: number;
  thresholdFen: number;
  maxDiscountFen: number | null;
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** The big figure on the ticket: "¥30" or "8.5折" / "15% off". */
export function couponFigure(t: T, c: CouponTermsView): string {
  if (c.kind === "PERCENT") return t("figurePercent", { zhe: String((100 - c.percentOff) / 10), percent: c.percentOff });
  return formatFen(c.amountFen);
}

/** The condition line: "满199减30", "无门槛", "满100可用 · 最高减20". */
export function couponCondition(t: T, c: CouponTermsView): string {
  const parts: string[] = [];
  if (c.kind === "PERCENT") {
    parts.push(c.thresholdFen > 0 ? t("percentFrom", { threshold: formatFen(c.thresholdFen), percent: c.percentOff, zhe: String((100 - c.percentOff) / 10) }) : t("percentAny", { percent: c.percentOff, zhe: String((100 - c.percentOff) / 10) }));
    if (c.maxDiscountFen != null) parts.push(t("capped", { max: formatFen(c.maxDiscountFen) }));
  } else if (c.thresholdFen > 0) {
    parts.push(t("thresholdOff", { threshold: formatFen(c.thresholdFen), amount: formatFen(c.amountFen) }));
  } else {
    parts.push(t("noThreshold", { amount: formatFen(c.amountFen) }));
  }
  return parts.join(" · ");
}

/** "2026.11.23" in China time. */
export function couponDate(d: Date): string {
  const x = new Date(d.getTime() + 8 * 3600_000);
  return `${x.getUTCFullYear()}.${String(x.getUTCMonth() + 1).padStart(2, "0")}.${String(x.getUTCDate()).padStart(2, "0")}`;
}

/** "2026.11.23–2026.12.31 有效". */
export function couponValidity(t: T, startsAt: Date, endsAt: Date): string {
  // endsAt is exclusive: show the last moment inside the window.
  return t("validity", { from: couponDate(startsAt), to: couponDate(new Date(endsAt.getTime() - 1)) });
}
