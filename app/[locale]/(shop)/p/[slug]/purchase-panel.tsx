"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Link, useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { QuantityStepper } from "@/app/_components/quantity-stepper";
import { attributionParams, type Attribution } from "@/app/_lib/attribution";

const MAX_LINE = 99;

type Notice = { tone: "ok" | "error"; text: string } | null;

/**
 * Quantity, "add to cart" and "buy now" for the chosen SKU. The buttons sit in a bar fixed to the
 * bottom of the screen on phones (as in app malls; the page leaves room for it at its end) and
 * inline on wider screens.
 */
export function PurchasePanel({
  variant,
  missing,
  isAllSoldOut,
  attribution,
}: {
  /** The SKU the options name, or null while they are incomplete. */
  variant: { id: string; stock: number; purchaseLimit: number | null } | null;
  /** Names of options still to choose ("颜色、尺码"). */
  missing: string;
  /** Every SKU of the product is sold out. */
  isAllSoldOut: boolean;
  attribution: Attribution | null;
}) {
  const t = useTranslations("cart");
  const trpc = useTRPC();
  const router = useRouter();
  const add = useMutation(trpc.cart.add.mutationOptions());
  const [wanted, setWanted] = useState(1);
  const [notice, setNotice] = useState<Notice>(null);

  const max = variant ? Math.max(0, Math.min(variant.stock, variant.purchaseLimit ?? MAX_LINE, MAX_LINE)) : MAX_LINE;
  const soldOut = isAllSoldOut || (variant !== null && max === 0);
  const quantity = Math.max(1, Math.min(wanted, max || 1));

  useEffect(() => {
    if (notice?.tone !== "ok") return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  function needVariant(): boolean {
    if (variant) return false;
    setNotice({ tone: "error", text: t("chooseFirst", { names: missing }) });
    return true;
  }

  async function addToCart() {
    if (needVariant() || !variant) return;
    setNotice(null);
    try {
      await add.mutateAsync({ variantId: variant.id, quantity, ...(attribution ? { attribution } : {}) });
      setNotice({ tone: "ok", text: t("added") });
      // The header's cart count is rendered on the server.
      router.refresh();
    } catch (err) {
      const data = (err as { data?: { fieldErrors?: Record<string, string[]> | null; code?: string } }).data;
      const text = data?.fieldErrors?.quantity ? t("addTooMany") : data?.fieldErrors?.variantId ? t("addUnavailable") : t("addFailed");
      setNotice({ tone: "error", text });
    }
  }

  function buyNow() {
    if (needVariant() || !variant) return;
    router.push({ pathname: "/checkout", query: { buy: variant.id, qty: String(quantity), ...attributionParams(attribution) } });
  }

  const disabled = soldOut || add.isPending;
  return (
    <>
      <div className="flex items-center gap-3">
        <span className="text-sm text-muted">{t("quantity")}</span>
        <QuantityStepper
          value={quantity}
          max={max || 1}
          onChange={setWanted}
          disabled={soldOut}
          label={t("quantity")}
          decreaseLabel={t("decrease")}
          increaseLabel={t("increase")}
        />
      </div>

      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl px-3 py-2 text-sm ${notice.tone === "error" ? "bg-brand-soft text-brand-dark" : "bg-emerald-50 text-emerald-800"}`}
        >
          {notice.text}
          {notice.tone === "ok" && (
            <Link href="/cart" className="font-semibold underline underline-offset-2">
              {t("viewCart")}
            </Link>
          )}
        </p>
      )}

      <div className="fixed inset-x-0 bottom-0 z-20 flex gap-2 border-t border-line bg-white/95 px-3 py-2.5 backdrop-blur md:static md:border-0 md:bg-transparent md:p-0">
        <button
          type="button"
          onClick={addToCart}
          disabled={disabled}
          className="h-11 flex-1 rounded-full border border-brand bg-brand-soft text-sm font-semibold text-brand transition hover:bg-brand hover:text-white disabled:cursor-not-allowed disabled:border-line disabled:bg-canvas disabled:text-muted md:max-w-52"
        >
          {add.isPending ? t("adding") : t("addToCart")}
        </button>
        <button
          type="button"
          onClick={buyNow}
          disabled={soldOut}
          className="h-11 flex-1 rounded-full bg-brand text-sm font-semibold text-white transition hover:bg-brand-dark disabled:cursor-not-allowed disabled:bg-muted/40 md:max-w-52"
        >
          {soldOut ? t("soldOut") : t("buyNow")}
        </button>
      </div>
    </>
  );
}
