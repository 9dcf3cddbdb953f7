import { useTranslations } from "next-intl";

const TONE: Record<string, string> = {
  PENDING_PAYMENT: "bg-amber-50 text-amber-700 ring-amber-200",
  PAID: "bg-sky-50 text-sky-700 ring-sky-200",
  SHIPPED: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  DELIVERED: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  COMPLETED: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  CANCELLED: "bg-canvas text-muted ring-line",
  REFUNDING: "bg-brand-soft text-brand-dark ring-brand/30",
  REFUNDED: "bg-canvas text-muted ring-line",
};

/** The order's status as a coloured pill, in the page's language. */
export function OrderStatusBadge({ status }: { status: string }) {
  const t = useTranslations("orders");
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${TONE[status] ?? TONE.CANCELLED}`}>
      {t(`status.${status}` as "status.PAID")}
    </span>
  );
}
