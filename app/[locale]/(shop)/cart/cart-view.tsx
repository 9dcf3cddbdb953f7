"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { getPathname, Link, useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { formatFen, pick } from "@/app/_lib/format";
import { QuantityStepper } from "@/app/_components/quantity-stepper";
import type { AppRouter } from "@/server/api/root";

type Cart = inferRouterOutputs<AppRouter>["cart"]["get"];
type ShopGroup = Cart["shops"][number];
type Item = ShopGroup["items"][number];

const isPurchasable = (i: Item) => !i.isUnavailable && !i.isSoldOut && !i.isInsufficient;

export function CartView({ isSignedIn }: { isSignedIn: boolean }) {
  const t = useTranslations("cart");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSuccess = (data: Cart) => queryClient.setQueryData(trpc.cart.get.queryKey(), data);
  const onError = () => {
    setError(t("updateFailed"));
    void cart.refetch();
  };
  const setQuantity = useMutation(trpc.cart.setQuantity.mutationOptions({ onSuccess, onError }));
  const setSelected = useMutation(trpc.cart.setSelected.mutationOptions({ onSuccess, onError }));
  const remove = useMutation(
    trpc.cart.remove.mutationOptions({
      onSuccess: (data) => {
        onSuccess(data);
        router.refresh(); // the header's count
      },
      onError,
    }),
  );

  async function run(fn: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch {
      // onError has shown it.
    } finally {
      setBusy(false);
    }
  }

  function checkout() {
    if (isSignedIn) router.push("/checkout");
    else router.push({ pathname: "/signin", query: { callbackUrl: getPathname({ locale, href: "/checkout" }) } });
  }

  if (cart.isError && !cart.data) {
    return (
      <section className="mx-auto mt-10 max-w-md rounded-2xl bg-white p-6 text-center ring-1 ring-line">
        <h1 className="text-lg font-bold">{t("title")}</h1>
        <p role="alert" className="mt-2 text-sm text-muted">
          {t("loadFailed")}
        </p>
      </section>
    );
  }
  const data = cart.data;
  if (!data) return <p className="mt-10 text-center text-sm text-muted">{t("loading")}</p>;

  if (data.itemCount === 0) {
    return (
      <section className="mx-auto mt-10 max-w-md rounded-2xl bg-white p-8 text-center ring-1 ring-line">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto h-14 w-14 text-brand/70">
          <path d="M3 4h2.2l2.1 10.2a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.5-1.1L20.5 8H6.2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
          <circle cx="9.5" cy="19.5" r="1.4" fill="currentColor" />
          <circle cx="17" cy="19.5" r="1.4" fill="currentColor" />
        </svg>
        <h1 className="mt-3 text-lg font-bold">{t("emptyTitle")}</h1>
        <p className="mt-1 text-sm text-muted">{t("emptyBody")}</p>
        <Link href="/" className="mt-5 inline-block rounded-full bg-brand px-6 py-2.5 text-sm font-semibold text-white hover:bg-brand-dark">
          {t("goShopping")}
        </Link>
      </section>
    );
  }

  const anyPurchasable = data.shops.some((s) => s.items.some(isPurchasable));
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="mb-3 mt-4 text-xl font-bold">
        {t("title")} <span className="text-base font-medium text-muted">({data.itemCount})</span>
      </h1>
      {error && (
        <p role="alert" className="mb-3 rounded-xl bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}

      <div className="space-y-3">
        {data.shops.map((group) => (
          <ShopCard
            key={group.shop.id}
            group={group}
            locale={locale}
            busy={busy}
            onSelectShop={(selected) => run(() => setSelected.mutateAsync({ shopId: group.shop.id, selected }))}
            onSelect={(item, selected) => run(() => setSelected.mutateAsync({ itemId: item.id, selected }))}
            onQuantity={(item, quantity) => run(() => setQuantity.mutateAsync({ itemId: item.id, quantity }))}
            onRemove={(item) => run(() => remove.mutateAsync({ itemIds: [item.id] }))}
          />
        ))}
      </div>

      {/* Checkout bar: stays in view at the bottom of the screen while the list scrolls. */}
      <div className="sticky bottom-0 z-20 -mx-3 mt-4 border-t border-line bg-white/95 px-3 py-2.5 backdrop-blur sm:mx-0 sm:rounded-t-2xl sm:px-4">
        <div className="flex items-center gap-3">
          <label className="flex shrink-0 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-[18px] w-[18px] accent-brand"
              checked={data.isAllSelected}
              disabled={busy || !anyPurchasable}
              onChange={(e) => run(() => setSelected.mutateAsync({ selected: e.target.checked }))}
            />
            {t("selectAll")}
          </label>
          <div className="ml-auto min-w-0 text-right">
            <p className="text-sm">
              {t("total")} <strong className="text-lg text-brand" data-testid="cart-total">{formatFen(data.totalFen)}</strong>
            </p>
            <p className="truncate text-[11px] text-muted">
              {data.shippingFeeFen > 0 ? t("includesShipping", { fee: formatFen(data.shippingFeeFen) }) : t("freeShippingAll")}
            </p>
          </div>
          <button
            type="button"
            onClick={checkout}
            disabled={data.selectedCount === 0 || busy}
            className="h-11 shrink-0 rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark disabled:cursor-not-allowed disabled:bg-muted/40 sm:px-8"
          >
            {t("checkout", { count: data.selectedQuantity })}
          </button>
        </div>
      </div>
    </div>
  );
}

function ShopCard({
  group,
  locale,
  busy,
  onSelectShop,
  onSelect,
  onQuantity,
  onRemove,
}: {
  group: ShopGroup;
  locale: string;
  busy: boolean;
  onSelectShop: (selected: boolean) => void;
  onSelect: (item: Item, selected: boolean) => void;
  onQuantity: (item: Item, quantity: number) => void;
  onRemove: (item: Item) => void;
}) {
  const t = useTranslations("cart");
  const shopName = pick(locale, group.shop.nameZh, group.shop.nameEn);
  const purchasable = group.items.filter(isPurchasable);
  const allSelected = purchasable.length > 0 && purchasable.every((i) => i.isSelected);
  const missing = group.shop.freeShippingThresholdFen - group.subtotalFen;

  let shipping: string | null = null;
  if (group.items.some((i) => i.isSelected && i.isInsufficient)) {
    shipping = t("shopFixQuantity");
  } else if (group.subtotalFen > 0) {
    shipping = group.shippingFeeFen === 0 ? t("shopFreeShipping") : t("shopShipping", { fee: formatFen(group.shippingFeeFen), missing: formatFen(missing) });
  }

  return (
    <section aria-label={shopName} className="rounded-2xl bg-white px-3 ring-1 ring-line sm:px-4">
      <header className="flex items-center gap-2.5 border-b border-line py-3">
        <input
          type="checkbox"
          aria-label={t("selectShop", { shop: shopName })}
          className="h-[18px] w-[18px] accent-brand"
          checked={allSelected}
          disabled={busy || purchasable.length === 0}
          onChange={(e) => onSelectShop(e.target.checked)}
        />
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-ink/70">
          <path d="M3 8v8.5h14V8M2 8l1.5-4.5h13L18 8c0 1.2-1 2-2 2s-2-.8-2-2c0 1.2-1 2-2 2s-2-.8-2-2c0 1.2-1 2-2 2s-2-.8-2-2c0 1.2-1 2-2 2s-2-.8-2-2Z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
        <Link href={`/s/${group.shop.slug}`} className="min-w-0 truncate text-sm font-semibold hover:text-brand">
          {shopName}
        </Link>
      </header>
      <ul className="divide-y divide-line">
        {group.items.map((item) => (
          <CartLine key={item.id} item={item} locale={locale} busy={busy} onSelect={onSelect} onQuantity={onQuantity} onRemove={onRemove} />
        ))}
      </ul>
      <footer className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-t border-line py-2.5 text-xs text-muted">
        <span>{shipping ?? t("shopNothingSelected")}</span>
        {group.subtotalFen > 0 && (
          <span>
            {t("shopSubtotal")} <span className="font-semibold text-ink">{formatFen(group.totalFen)}</span>
          </span>
        )}
      </footer>
    </section>
  );
}

function CartLine({
  item,
  locale,
  busy,
  onSelect,
  onQuantity,
  onRemove,
}: {
  item: Item;
  locale: string;
  busy: boolean;
  onSelect: (item: Item, selected: boolean) => void;
  onQuantity: (item: Item, quantity: number) => void;
  onRemove: (item: Item) => void;
}) {
  const t = useTranslations("cart");
  const title = pick(locale, item.titleZh, item.titleEn);
  const label = pick(locale, item.variantLabelZh, item.variantLabelEn);
  const dead = item.isUnavailable || item.isSoldOut;
  let notice: string | null = null;
  if (item.isUnavailable) notice = t("unavailable");
  else if (item.isSoldOut) notice = t("soldOutNotice");
  else if (item.isInsufficient) notice = t("insufficient", { count: item.maxQuantity });

  return (
    <li className="flex gap-2.5 py-3" data-testid="cart-line">
      <input
        type="checkbox"
        aria-label={t("selectItem", { title })}
        className="mt-8 h-[18px] w-[18px] shrink-0 accent-brand"
        checked={item.isSelected && !dead}
        disabled={busy || dead}
        onChange={(e) => onSelect(item, e.target.checked)}
      />
      <Link href={`/p/${item.productSlug}`} className="relative h-20 w-20 shrink-0 overflow-hidden rounded-xl bg-canvas sm:h-24 sm:w-24">
        {item.imageUrl && <img src={item.imageUrl} alt="" width={96} height={96} loading="lazy" className={`h-full w-full object-cover ${dead ? "opacity-50" : ""}`} />}
        {dead && (
          <span className="absolute inset-x-0 bottom-0 bg-ink/70 py-0.5 text-center text-[11px] font-medium text-white">
            {item.isUnavailable ? t("unavailableBadge") : t("soldOut")}
          </span>
        )}
      </Link>
      <div className="min-w-0 flex-1">
        <div className="flex items-start gap-2">
          <Link href={`/p/${item.productSlug}`} className={`line-clamp-2 flex-1 text-sm leading-snug hover:text-brand ${dead ? "text-muted" : "text-ink"}`}>
            {title}
          </Link>
          <button
            type="button"
            aria-label={t("remove", { title })}
            disabled={busy}
            onClick={() => onRemove(item)}
            className="-mr-1 -mt-1 grid h-8 w-8 shrink-0 place-items-center rounded-full text-muted hover:bg-canvas hover:text-brand disabled:opacity-40"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4">
              <path d="M4 6h12M8 6V4.5h4V6M6 6l.7 10h6.6L14 6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        </div>
        {label && <p className="mt-1 inline-block max-w-full truncate rounded bg-canvas px-1.5 py-0.5 text-xs text-muted">{label}</p>}
        {item.priceChange && !dead && (
          <p className={`mt-1 text-xs ${item.priceChange === "DOWN" ? "text-emerald-700" : "text-amber-700"}`}>
            {item.priceChange === "DOWN"
              ? t("priceDown", { amount: formatFen(item.addedPriceFen - item.unitPriceFen) })
              : t("priceUp", { amount: formatFen(item.unitPriceFen - item.addedPriceFen) })}
          </p>
        )}
        {notice && <p className="mt-1 text-xs font-medium text-brand-dark">{notice}</p>}
        <div className="mt-2 flex items-end justify-between gap-2">
          <span className={`text-base font-semibold ${dead ? "text-muted" : "text-brand"}`}>{formatFen(item.unitPriceFen)}</span>
          <QuantityStepper
            size="sm"
            value={item.quantity}
            max={item.isInsufficient ? item.quantity : item.maxQuantity}
            // Over the stock, the stepper only goes down, towards what is left.
            onChange={(q) => onQuantity(item, q)}
            disabled={busy || dead}
            label={t("quantityOf", { title })}
            decreaseLabel={t("decrease")}
            increaseLabel={t("increase")}
          />
        </div>
      </div>
    </li>
  );
}
