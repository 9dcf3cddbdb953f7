import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { formatFen, pick } from "@/app/_lib/format";

export interface OrderItemView {
  id: string;
  productSlug: string;
  titleZh: string;
  titleEn: string;
  variantLabelZh: string;
  variantLabelEn: string;
  imageUrl: string | null;
  unitPriceFen: number;
  quantity: number;
  refundedQuantity: number;
}

/** One line of an order: image, title, variant, unit price and quantity. Text only, never HTML. */
export function OrderItemRow({
  item,
  locale,
  linkToProduct = true,
  children,
}: {
  item: OrderItemView;
  locale: string;
  linkToProduct?: boolean;
  /** Extra content under the line (per-item actions). */
  children?: React.ReactNode;
}) {
  const t = useTranslations("orders");
  const title = pick(locale, item.titleZh, item.titleEn);
  const variant = pick(locale, item.variantLabelZh, item.variantLabelEn);
  const image = (
    <div className="h-16 w-16 shrink-0 overflow-hidden rounded-lg bg-canvas ring-1 ring-line sm:h-20 sm:w-20">
      {item.imageUrl ? <img src={item.imageUrl} alt="" width={80} height={80} loading="lazy" className="h-full w-full object-cover" /> : null}
    </div>
  );
  return (
    <div className="flex gap-3">
      {linkToProduct ? (
        <Link href={`/p/${item.productSlug}`} tabIndex={-1} aria-hidden="true">
          {image}
        </Link>
      ) : (
        image
      )}
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <p className="line-clamp-2 text-sm leading-snug">
            {linkToProduct ? (
              <Link href={`/p/${item.productSlug}`} className="hover:text-brand">
                {title}
              </Link>
            ) : (
              title
            )}
          </p>
          <div className="shrink-0 text-right">
            <p className="text-sm font-medium">{formatFen(item.unitPriceFen)}</p>
            <p className="text-xs text-muted">{t("qty", { count: item.quantity })}</p>
          </div>
        </div>
        {variant && <p className="mt-1 inline-block rounded bg-canvas px-1.5 py-0.5 text-xs text-muted">{variant}</p>}
        {item.refundedQuantity > 0 && <p className="mt-1 text-xs text-brand-dark">{t("refundedUnits", { count: item.refundedQuantity })}</p>}
        {children}
      </div>
    </div>
  );
}
