"use client";
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { formatFen } from "@/app/_lib/format";
import {
  discountPercent,
  findVariant,
  initialSelection,
  isSoldOut,
  LOW_STOCK,
  matchingVariants,
  priceRange,
  selectValue,
  valueExists,
  valueState,
  type Selection,
  type SelectableVariant,
} from "./variant-selection";
import { PurchasePanel } from "./purchase-panel";
import type { Attribution } from "@/app/_lib/attribution";
import { CampaignPrice } from "@/app/_components/campaign/campaign-price";
import type { ProductCampaignPrices } from "@/server/marketing/campaign.schema";
import { MemberPriceBand } from "@/app/_components/shop-sections/member-price-band";
import type { ProductMemberPrices } from "@/server/shop/decoration.schema";

export interface PickerOption {
  id: string;
  name: string;
  values: { id: string; label: string }[];
}

export type PickerVariant = SelectableVariant & { sku: string };

/** ¥129.90 with a smaller currency sign and cents, as malls print prices. */
function Price({ fen, size = "lg" }: { fen: number; size?: "lg" | "md" }) {
  const text = formatFen(fen);
  const [yuan, cents] = text.slice(1).split(".");
  return (
    <span className="whitespace-nowrap">
      <span className={size === "lg" ? "text-lg font-semibold" : "text-base font-semibold"}>¥</span>
      <span className={size === "lg" ? "text-[32px] font-bold leading-none tracking-tight" : "text-2xl font-bold leading-none"}>{yuan}</span>
      {cents && <span className={size === "lg" ? "text-lg font-semibold" : "text-base font-semibold"}>.{cents}</span>}
    </span>
  );
}

/**
 * Price band, option pickers (one radio group per option), and stock for a product.
 * `children` (title, subtitle, rating) sits under the price on phones, as in app malls, and
 * above it on wider screens.
 */
export function VariantPicker({
  options,
  variants,
  soldLabel,
  attribution = null,
  campaign = null,
  memberPrices = null,
  children,
}: {
  options: PickerOption[];
  variants: PickerVariant[];
  /** "已售 1.2万", formatted on the server. */
  soldLabel: string;
  /** Where the shopper came from (the link's ch/src/cr), credited when they add to cart or buy. */
  attribution?: Attribution | null;
  /** Running-campaign prices of the SKUs (campaign.productPrices), shown as a band under the price. */
  campaign?: ProductCampaignPrices;
  /** The shop's member prices of the SKUs (shop.productMemberPrices), shown as a band under the price. */
  memberPrices?: ProductMemberPrices | null;
  children: ReactNode;
}) {
  const t = useTranslations("product");
  const uid = useId();
  const [selection, setSelection] = useState<Selection>(() => initialSelection(options));
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const variant = findVariant(options, variants, selection);
  const candidates = matchingVariants(variants, selection);
  const range = priceRange(variant ? [variant] : candidates.length ? candidates : variants);
  const allSoldOut = isSoldOut(variants);
  const missing = options.filter((o) => !selection[o.id]);
  const compareAt = variant?.compareAtPriceFen ?? null;
  const pct = variant ? discountPercent(variant.priceFen, compareAt) : null;

  function select(optionId: string, valueId: string) {
    setSelection((s) => selectValue(variants, s, optionId, valueId));
  }

  /** Arrow keys move between the values that can be picked, as in a native radio group. */
  function onKeyDown(e: KeyboardEvent, option: PickerOption, exists: boolean[], current: number) {
    const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const n = option.values.length;
    for (let k = 1; k <= n; k++) {
      const i = (current + step * k + n * k) % n;
      if (exists[i]) {
        const v = option.values[i];
        select(option.id, v.id);
        buttons.current.get(`${option.id}:${v.id}`)?.focus();
        return;
      }
    }
  }

  let stock: ReactNode;
  if (allSoldOut || (variant && variant.stock <= 0)) {
    stock = <span className="font-semibold text-muted">{t("soldOut")}</span>;
  } else if (variant) {
    stock = (
      <>
        <span>{t("inStock", { count: variant.stock })}</span>
        {variant.stock <= LOW_STOCK && (
          <span className="ml-2 rounded bg-brand-soft px-1.5 py-0.5 text-xs font-semibold text-brand">{t("lowStock", { count: variant.stock })}</span>
        )}
      </>
    );
  } else {
    stock = <span className="text-muted">{t("choose", { names: missing.map((o) => o.name).join(t("nameSeparator")) })}</span>;
  }

  const chosenLabels = options
    .map((o) => o.values.find((v) => v.id === selection[o.id])?.label)
    .filter((l): l is string => Boolean(l));

  return (
    <div className="flex flex-col gap-3">
      {/* Price band */}
      <div className="order-1 -mx-3 bg-gradient-to-r from-brand to-[#ff6b3d] px-4 py-3 text-white sm:mx-0 sm:rounded-2xl md:order-2 md:px-5 md:py-4">
        <div className="flex items-end justify-between gap-3">
          <div className="flex min-w-0 flex-wrap items-baseline gap-x-2.5 gap-y-1">
            <span className="sr-only">{t("price")}</span>
            <span data-testid="variant-price">
              {range ? (
                range.min === range.max ? (
                  <Price fen={range.min} />
                ) : (
                  <>
                    <Price fen={range.min} />
                    <span className="mx-1 text-lg font-semibold">–</span>
                    <Price fen={range.max} size="md" />
                  </>
                )
              ) : null}
            </span>
            {compareAt !== null && pct !== null && (
              <>
                <span className="text-sm text-white/80">
                  <span className="sr-only">{t("compareAt")} </span>
                  <s>{formatFen(compareAt)}</s>
                </span>
                <span className="rounded-full bg-white px-2 py-0.5 text-xs font-bold text-brand">
                  {t("discount", { percent: pct, zhe: (100 - pct) / 10 })}
                </span>
              </>
            )}
          </div>
          <span className="shrink-0 pb-0.5 text-xs text-white/85">{soldLabel}</span>
        </div>
      </div>

      {campaign && <div className="order-1 md:order-2"><CampaignPrice data={campaign} variantId={variant?.id ?? null} /></div>}
      {memberPrices && <div className="order-1 md:order-2"><MemberPriceBand data={memberPrices} variantId={variant?.id ?? null} /></div>}

      <div className="order-2 md:order-1">{children}</div>

      <div className="order-3 space-y-4 rounded-2xl bg-white p-4 ring-1 ring-line">
        {allSoldOut && (
          <p role="status" className="rounded-xl bg-canvas px-3 py-2 text-sm text-muted">
            {t("productSoldOut")}
          </p>
        )}
        {options.map((option) => {
          const labelId = `${uid}-opt-${option.id}`;
          const states = option.values.map((v) => valueState(variants, selection, option.id, v.id));
          const exists = option.values.map((v) => valueExists(variants, v.id));
          const checkedIndex = option.values.findIndex((v) => v.id === selection[option.id]);
          const focusIndex = checkedIndex >= 0 ? checkedIndex : exists.findIndex(Boolean);
          return (
            <div key={option.id}>
              <p id={labelId} className="mb-2 text-sm text-muted">
                {option.name}
              </p>
              <div role="radiogroup" aria-labelledby={labelId} className="flex flex-wrap gap-2">
                {option.values.map((value, i) => {
                  const state = states[i];
                  const checked = selection[option.id] === value.id;
                  const hintId = `${uid}-hint-${value.id}`;
                  const base = "relative min-h-9 rounded-lg border px-3.5 py-1.5 text-sm transition";
                  // Sold-out and "not with your other choices" values look disabled but stay clickable
                  // (picking one shows its state, or switches the other choices); values no variant
                  // uses at all are really disabled.
                  const look = !exists[i]
                    ? "cursor-not-allowed border-transparent bg-canvas text-muted/40 line-through"
                    : checked
                      ? state === "available"
                        ? "border-brand bg-brand-soft font-medium text-brand"
                        : "border-dashed border-brand/60 bg-brand-soft/60 text-brand/70"
                      : state === "available"
                        ? "border-transparent bg-canvas text-ink hover:border-brand/50"
                        : state === "soldOut"
                          ? "border-dashed border-line bg-white text-muted/80 hover:border-muted/60"
                          : "border-transparent bg-canvas text-muted/50 line-through hover:text-muted";
                  return (
                    <button
                      key={value.id}
                      ref={(el) => {
                        if (el) buttons.current.set(`${option.id}:${value.id}`, el);
                        else buttons.current.delete(`${option.id}:${value.id}`);
                      }}
                      type="button"
                      role="radio"
                      aria-checked={checked}
                      aria-label={value.label}
                      aria-describedby={exists[i] && state !== "available" ? hintId : undefined}
                      disabled={!exists[i]}
                      tabIndex={i === focusIndex ? 0 : -1}
                      onClick={() => select(option.id, value.id)}
                      onKeyDown={(e) => onKeyDown(e, option, exists, i)}
                      className={`${base} ${look}`}
                    >
                      {value.label}
                      {exists[i] && state === "soldOut" && (
                        <span
                          id={hintId}
                          className="absolute -right-1.5 -top-2 rounded-full bg-muted px-1.5 py-px text-[10px] font-medium leading-tight text-white"
                        >
                          {t("soldOutValue")}
                        </span>
                      )}
                      {exists[i] && state === "unavailable" && (
                        <span id={hintId} className="sr-only">
                          {t("unavailableValue")}
                        </span>
                      )}
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}

        {options.length > 0 && (
          <p className="text-sm">
            <span className="whitespace-pre text-muted">{t("selected")}</span>
            <span className={chosenLabels.length ? "text-ink" : "text-muted"}>{chosenLabels.length ? chosenLabels.join(" / ") : "—"}</span>
          </p>
        )}

        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-line pt-4">
          <p data-testid="variant-stock" aria-live="polite" className="text-sm">
            {stock}
          </p>
          {variant?.purchaseLimit ? <p className="w-full text-xs text-muted">{t("purchaseLimit", { count: variant.purchaseLimit })}</p> : null}
        </div>

        <PurchasePanel
          variant={variant}
          missing={missing.map((o) => o.name).join(t("nameSeparator"))}
          isAllSoldOut={allSoldOut}
          attribution={attribution}
        />
      </div>
    </div>
  );
}
