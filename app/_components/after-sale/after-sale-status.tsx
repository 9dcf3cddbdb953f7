import { useTranslations } from "next-intl";
import type { AfterSaleRow } from "@/server/aftersale/aftersale.schema";

const TONES: Record<AfterSaleRow["status"], string> = {
  REQUESTED: "bg-amber-50 text-amber-800 ring-amber-200",
  AWAITING_RETURN: "bg-sky-50 text-sky-800 ring-sky-200",
  RETURN_SHIPPED: "bg-sky-50 text-sky-800 ring-sky-200",
  REJECTED: "bg-brand-soft text-brand-dark ring-brand/30",
  ESCALATED: "bg-violet-50 text-violet-800 ring-violet-200",
  REFUNDED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  CLOSED: "bg-canvas text-muted ring-line",
};

/** The request's state as a coloured pill. */
export function AfterSaleStatusBadge({ status }: { status: AfterSaleRow["status"] }) {
  const t = useTranslations("aftersale");
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}>
      {t(`statuses.${status}`)}
    </span>
  );
}
