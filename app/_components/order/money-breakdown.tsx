import { useTranslations } from "next-intl";
import { formatFen } from "@/app/_lib/format";

/** Subtotal, discount, shipping, total and refunds of one order, all computed by the server. */
export function MoneyBreakdown({
  subtotalFen,
  discountFen,
  shippingFeeFen,
  totalFen,
  refundedFen,
  totalLabel,
}: {
  subtotalFen: number;
  discountFen: number;
  shippingFeeFen: number;
  totalFen: number;
  refundedFen: number;
  totalLabel: string;
}) {
  const t = useTranslations("orders");
  const row = "flex justify-between gap-3 py-1 text-sm";
  return (
    <dl>
      <div className={row}>
        <dt className="text-muted">{t("money.subtotal")}</dt>
        <dd>{formatFen(subtotalFen)}</dd>
      </div>
      {discountFen > 0 && (
        <div className={row}>
          <dt className="text-muted">{t("money.discount")}</dt>
          <dd className="text-brand">-{formatFen(discountFen)}</dd>
        </div>
      )}
      <div className={row}>
        <dt className="text-muted">{t("money.shipping")}</dt>
        <dd>{shippingFeeFen === 0 ? t("money.freeShipping") : formatFen(shippingFeeFen)}</dd>
      </div>
      <div className={`${row} mt-1 border-t border-line pt-2`}>
        <dt className="font-medium">{totalLabel}</dt>
        <dd className="text-base font-semibold text-brand">{formatFen(totalFen)}</dd>
      </div>
      {refundedFen > 0 && (
        <div className={row}>
          <dt className="text-muted">{t("money.refunded")}</dt>
          <dd className="font-medium text-emerald-700">{formatFen(refundedFen)}</dd>
        </div>
      )}
    </dl>
  );
}
