"use client";
import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { Link, useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { formatFen, pick } from "@/app/_lib/format";
import { AddressForm, AddressText } from "@/app/_components/address-form";
import type { AppRouter } from "@/server/api/root";
import { BestCombinationNote, CouponSelect } from "@/app/_components/coupon/checkout-coupons";

export type CheckoutSourceInput = inferRouterInputs<AppRouter>["checkout"]["preview"]["source"];
type Preview = inferRouterOutputs<AppRouter>["checkout"]["preview"];
type Problem = Preview["problems"][number];

const NOTE_MAX = 200;

/** A v4 UUID: crypto.randomUUID where the page is a secure context, random bytes otherwise (plain-http LAN testing). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function CheckoutForm({ source }: { source: CheckoutSourceInput }) {
  const t = useTranslations("checkout");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const uid = useId();
  // "auto" = the server's best combination; a list once the shopper picks coupons themselves.
  const [couponIds, setCouponIds] = useState<"auto" | string[]>("auto");
  const preview = useQuery({ ...trpc.checkout.preview.queryOptions({ source, couponIds }), placeholderData: keepPreviousData });
  const addresses = useQuery(trpc.address.list.queryOptions());
  const place = useMutation(trpc.checkout.place.mutationOptions());

  // One key per visit of this page: a double click or a retry after a network error places once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [chosenAddressId, setChosenAddressId] = useState<string | null>(null);
  const [addingAddress, setAddingAddress] = useState(false);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [navigating, setNavigating] = useState(false);

  const list = addresses.data ?? [];
  const addressId = chosenAddressId && list.some((a) => a.id === chosenAddressId) ? chosenAddressId : (list.find((a) => a.isDefault) ?? list[0])?.id ?? null;
  const showAddressForm = addingAddress || (addresses.isSuccess && list.length === 0);
  const data = preview.data;

  async function submit() {
    if (!data || !addressId) {
      setError(t("chooseAddress"));
      return;
    }
    setError(null);
    const shopNotes = Object.fromEntries(
      Object.entries(notes)
        .map(([shopId, note]) => [shopId, note.trim()] as const)
        .filter(([shopId, note]) => note.length > 0 && data.groups.some((g) => g.shop.id === shopId)),
    );
    try {
      const result = await place.mutateAsync({
        idempotencyKey,
        addressId,
        source,
        // The coupons shown; the server recomputes every amount.
        couponIds: data.coupons.selectedIds,
        ...(Object.keys(shopNotes).length ? { notes: shopNotes } : {}),
      });
      setNavigating(true);
      router.push(`/pay/${result.checkoutId}`);
    } catch (err) {
      const e = err as { message?: string; data?: { code?: string; fieldErrors?: Record<string, string[]> | null } };
      if (e.data?.fieldErrors?.couponIds) {
        // A coupon was used meanwhile (another checkout) or no longer applies: back to the best.
        setError(e.message?.replace(/^couponIds: /, "") ?? t("placeFailed"));
        setCouponIds("auto");
        void preview.refetch();
      } else if (e.data?.code === "CONFLICT") {
        setError(t("conflict"));
        void preview.refetch();
      } else if (e.data?.fieldErrors?.addressId) {
        setError(t("addressInvalid"));
        void addresses.refetch();
      } else if (e.data?.fieldErrors?.quantity) {
        setError(t("overLimit"));
        void preview.refetch();
      } else if (e.data?.fieldErrors?.source) {
        setError(t("nothingSelected"));
      } else {
        setError(t("placeFailed"));
      }
    }
  }

  if (!data) {
    return <p className="mt-10 text-center text-sm text-muted">{preview.isError ? t("loadFailed") : t("loading")}</p>;
  }

  const busy = place.isPending || navigating;
  const canSubmit = data.canPlace && addressId !== null && !showAddressForm && !busy && !preview.isPlaceholderData;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-3 mt-4 text-xl font-bold">{t("title")}</h1>

      {/* Address */}
      <section aria-labelledby={`${uid}-address`} className="rounded-2xl bg-white p-4 ring-1 ring-line">
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id={`${uid}-address`} className="flex items-center gap-2 font-semibold">
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 text-brand">
              <path d="M8 14.5s4.5-4.2 4.5-7.7a4.5 4.5 0 1 0-9 0c0 3.5 4.5 7.7 4.5 7.7Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
              <circle cx="8" cy="6.8" r="1.6" fill="currentColor" />
            </svg>
            {t("addressHeading")}
          </h2>
          {list.length > 0 && !showAddressForm && (
            <button type="button" onClick={() => setAddingAddress(true)} className="text-sm font-medium text-brand hover:underline">
              {t("addAddress")}
            </button>
          )}
        </div>
        {list.length > 0 && !showAddressForm && (
          <div role="radiogroup" aria-labelledby={`${uid}-address`} className="space-y-2">
            {list.map((a) => (
              <label
                key={a.id}
                className={`flex cursor-pointer gap-3 rounded-xl border p-3 transition ${a.id === addressId ? "border-brand bg-brand-soft/60" : "border-line hover:border-brand/40"}`}
              >
                <input type="radio" name={`${uid}-address`} value={a.id} checked={a.id === addressId} onChange={() => setChosenAddressId(a.id)} className="mt-1 h-4 w-4 shrink-0 accent-brand" />
                <span className="min-w-0 text-sm">
                  <AddressText address={a} />
                  {a.isDefault && <span className="mt-1 inline-block rounded bg-brand px-1.5 py-px text-[11px] font-semibold text-white">{t("default")}</span>}
                </span>
              </label>
            ))}
          </div>
        )}
        {showAddressForm && (
          <div>
            <p className="mb-3 text-sm text-muted">{list.length === 0 ? t("firstAddress") : t("newAddress")}</p>
            <AddressForm
              defaultChecked={list.length === 0}
              onSaved={(a) => {
                setChosenAddressId(a.id);
                setAddingAddress(false);
              }}
              onCancel={list.length > 0 ? () => setAddingAddress(false) : undefined}
            />
          </div>
        )}
      </section>

      {data.problems.length > 0 && <Problems problems={data.problems} locale={locale} isCart={!source.buyNow} />}

      {/* One order per shop */}
      {data.groups.map((g) => {
        const shopName = pick(locale, g.shop.nameZh, g.shop.nameEn);
        const noteId = `${uid}-note-${g.shop.id}`;
        return (
          <section key={g.shop.id} aria-label={shopName} className="mt-3 rounded-2xl bg-white px-4 ring-1 ring-line" data-testid="checkout-shop">
            <h2 className="border-b border-line py-3 text-sm font-semibold">{shopName}</h2>
            <ul className="divide-y divide-line">
              {g.lines.map((l) => {
                const title = pick(locale, l.titleZh, l.titleEn);
                const label = pick(locale, l.variantLabelZh, l.variantLabelEn);
                return (
                  <li key={l.variantId} className="flex gap-3 py-3">
                    <Link href={`/p/${l.productSlug}`} className="h-16 w-16 shrink-0 overflow-hidden rounded-xl bg-canvas sm:h-20 sm:w-20">
                      {l.imageUrl && <img src={l.imageUrl} alt="" width={80} height={80} loading="lazy" className="h-full w-full object-cover" />}
                    </Link>
                    <div className="min-w-0 flex-1">
                      <p className="line-clamp-2 text-sm leading-snug">{title}</p>
                      {label && <p className="mt-1 truncate text-xs text-muted">{label}</p>}
                      {l.problem && <p className="mt-1 text-xs font-medium text-brand-dark">{lineProblemText(t, l.problem, l.maxQuantity)}</p>}
                    </div>
                    <div className="shrink-0 text-right text-sm">
                      <p className="font-semibold">{formatFen(l.unitPriceFen)}</p>
                      <p className="text-xs text-muted">×{l.quantity}</p>
                    </div>
                  </li>
                );
              })}
            </ul>
            <div className="space-y-2 border-t border-line py-3 text-sm">
              <div className="flex justify-between">
                <span className="text-muted">{t("shipping")}</span>
                <span>{g.shippingFeeFen === 0 ? t("freeShipping") : formatFen(g.shippingFeeFen)}</span>
              </div>
              <div>
                <label htmlFor={noteId} className="mb-1 block text-muted">
                  {t("note")}
                </label>
                <textarea
                  id={noteId}
                  rows={2}
                  maxLength={NOTE_MAX}
                  placeholder={t("notePlaceholder")}
                  value={notes[g.shop.id] ?? ""}
                  onChange={(e) => setNotes((n) => ({ ...n, [g.shop.id]: e.target.value }))}
                  className="w-full resize-none rounded-lg border border-line px-3 py-2 text-sm outline-none focus:border-brand"
                />
              </div>
              <CouponSelect
                coupons={data.coupons}
                slot={g.shop.id}
                discountFen={data.coupons.shopDiscountFen[g.shop.id] ?? 0}
                disabled={preview.isFetching || busy}
                onChoose={setCouponIds}
              />
              <div className="flex justify-between">
                <span className="text-muted">{t("shopTotal", { count: g.itemCount })}</span>
                <span className="font-semibold text-brand">{formatFen(g.totalFen)}</span>
              </div>
            </div>
          </section>
        );
      })}

      {/* Amounts, all computed by the server */}
      <section aria-labelledby={`${uid}-amounts`} className="mt-3 rounded-2xl bg-white p-4 text-sm ring-1 ring-line">
        <h2 id={`${uid}-amounts`} className="sr-only">
          {t("amounts")}
        </h2>
        {data.coupons.options.length > 0 && (
          <div className="mb-3 space-y-2 border-b border-line pb-3">
            <CouponSelect
              coupons={data.coupons}
              slot="platform"
              discountFen={data.coupons.platformDiscountFen}
              disabled={preview.isFetching || busy}
              onChoose={setCouponIds}
            />
            <BestCombinationNote coupons={data.coupons} />
          </div>
        )}
        <dl className="space-y-2">
          <div className="flex justify-between">
            <dt className="text-muted">{t("subtotal")}</dt>
            <dd>{formatFen(data.subtotalFen)}</dd>
          </div>
          <div className="flex justify-between">
            <dt className="text-muted">{t("shippingTotal")}</dt>
            <dd>{formatFen(data.shippingFeeFen)}</dd>
          </div>
          <div className="flex justify-between">
            <dt className="text-muted">{t("discount")}</dt>
            <dd className={data.discountFen > 0 ? "text-brand" : undefined} data-testid="checkout-discount">
              -{formatFen(data.discountFen)}
            </dd>
          </div>
        </dl>
      </section>

      <div className="sticky bottom-0 z-20 -mx-3 mt-4 border-t border-line bg-white/95 px-3 py-2.5 backdrop-blur sm:mx-0 sm:rounded-t-2xl sm:px-4">
        {error && (
          <p role="alert" className="mb-2 rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
            {error}
          </p>
        )}
        <div className="flex items-center justify-end gap-3">
          <p className="text-sm">
            {t("payable", { count: data.itemCount })}{" "}
            <strong className="text-lg text-brand" data-testid="checkout-total">
              {formatFen(data.totalFen)}
            </strong>
          </p>
          <button
            type="button"
            onClick={submit}
            disabled={!canSubmit}
            className="h-11 shrink-0 rounded-full bg-brand px-6 text-sm font-semibold text-white hover:bg-brand-dark disabled:cursor-not-allowed disabled:bg-muted/40 sm:px-10"
          >
            {busy ? t("submitting") : t("submit")}
          </button>
        </div>
        {!addressId && !showAddressForm && <p className="mt-1 text-right text-xs text-muted">{t("chooseAddress")}</p>}
      </div>
    </div>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
type LineProblem = NonNullable<Preview["groups"][number]["lines"][number]["problem"]>;

function lineProblemText(t: Translate, problem: LineProblem, max: number): string {
  switch (problem) {
    case "UNAVAILABLE":
      return t("problem.unavailable");
    case "SOLD_OUT":
      return t("problem.soldOut");
    case "OVER_LIMIT":
      return t("problem.overLimit", { count: max });
    case "INSUFFICIENT_STOCK":
      return t("problem.insufficient", { count: max });
  }
}

function Problems({ problems, locale, isCart }: { problems: Problem[]; locale: string; isCart: boolean }) {
  const t = useTranslations("checkout");
  const blocking = problems.some((p) => p.kind !== "PRICE_CHANGED");
  return (
    <section role="status" className={`mt-3 rounded-2xl p-4 text-sm ring-1 ${blocking ? "bg-brand-soft ring-brand/30" : "bg-amber-50 ring-amber-200"}`}>
      <h2 className="font-semibold">{blocking ? t("problemsBlocking") : t("problemsNotice")}</h2>
      <ul className="mt-1.5 list-disc space-y-1 pl-5">
        {problems.map((p) => {
          const title = pick(locale, p.titleZh, p.titleEn);
          let text: string;
          if (p.kind === "PRICE_CHANGED") {
            text =
              p.fromPriceFen !== null && p.toPriceFen < p.fromPriceFen
                ? t("problem.priceDown", { title, from: formatFen(p.fromPriceFen), to: formatFen(p.toPriceFen) })
                : t("problem.priceUp", { title, from: formatFen(p.fromPriceFen ?? p.toPriceFen), to: formatFen(p.toPriceFen) });
          } else {
            text = t("problem.line", { title, problem: lineProblemText(t, p.kind, p.maxQuantity) });
          }
          return <li key={`${p.variantId}-${p.kind}`}>{text}</li>;
        })}
      </ul>
      {blocking && isCart && (
        <Link href="/cart" className="mt-2 inline-block font-semibold text-brand underline underline-offset-2">
          {t("backToCart")}
        </Link>
      )}
    </section>
  );
}
