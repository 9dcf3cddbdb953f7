"use client";
// Enrol one of my SKUs in a campaign at a price typed in yuan (checked again on the server), and
// withdraw / re-price enrolled ones.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { formatFen } from "@/app/_lib/format";

export type SkuOption = { variantId: string; label: string; priceFen: number; regionId?: string | null };

function errorText(err: unknown, fallback: string): string {
  const data = (err as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } }).data;
  const first = Object.values(data?.fieldErrors ?? {}).find((v) => v?.length)?.[0];
  return first ?? (err instanceof Error && err.message ? err.message : fallback);
}

/** Highest allowed campaign price, as the server computes it (campaign.rules.ts maxCampaignPriceFen). */
function maxPrice(regularFen: number, minDiscountBp: number): number {
  return Math.floor((regularFen * (10_000 - minDiscountBp)) / 10_000);
}

export function EnrolForm({ campaignId, skus, minDiscountBp }: { campaignId: string; skus: SkuOption[]; minDiscountBp: number }) {
  const t = useTranslations("campaign.seller");
  const trpc = useTRPC();
  const router = useRouter();
  const uid = useId();
  const enrol = useMutation(trpc.campaign.seller.enrol.mutationOptions());
  const [variantId, setVariantId] = useState(skus[0]?.variantId ?? "");
  const [price, setPrice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const sku = skus.find((s) => s.variantId === variantId);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    try {
      await enrol.mutateAsync({ campaignId, variantId, price });
      setPrice("");
      router.refresh();
    } catch (err) {
      setError(errorText(err, t("genericError")));
    }
  }

  if (skus.length === 0) return <p className="text-sm text-muted">{t("noSkus")}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start">
      <div>
        <label htmlFor={`${uid}-sku`} className="mb-1 block text-xs text-muted">
          {t("chooseSku")}
        </label>
        <select id={`${uid}-sku`} value={variantId} onChange={(e) => setVariantId(e.target.value)} className="w-full rounded-lg border border-line px-2 py-2 text-sm">
          {skus.map((s) => (
            <option key={s.variantId} value={s.variantId}>
              {s.label} · {formatFen(s.priceFen)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${uid}-price`} className="mb-1 block text-xs text-muted">
          {t("price")}
        </label>
        <input
          id={`${uid}-price`}
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${uid}-note`}
          className="w-full rounded-lg border border-line px-3 py-2 text-sm outline-none focus:border-brand aria-invalid:border-brand"
        />
      </div>
      <button type="submit" disabled={enrol.isPending} className="h-9 self-end rounded-full bg-brand px-4 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {enrol.isPending ? t("enrolling") : t("enrol")}
      </button>
      <p id={`${uid}-note`} role={error ? "alert" : undefined} className={`text-xs sm:col-span-3 ${error ? "text-brand-dark" : "text-muted"}`}>
        {error ?? (sku ? t("priceHint", { regular: formatFen(sku.priceFen), max: formatFen(maxPrice(sku.priceFen, minDiscountBp)) }) : "")}
      </p>
    </form>
  );
}

export function EnrolledActions({
  campaignId,
  variantId,
  canWithdraw,
  currentPriceFen,
}: {
  campaignId: string;
  variantId: string;
  canWithdraw: boolean;
  currentPriceFen: number;
}) {
  const t = useTranslations("campaign.seller");
  const trpc = useTRPC();
  const router = useRouter();
  const uid = useId();
  const withdraw = useMutation(trpc.campaign.seller.withdraw.mutationOptions());
  const enrol = useMutation(trpc.campaign.seller.enrol.mutationOptions());
  const [price, setPrice] = useState(`${Math.floor(currentPriceFen / 100)}.${String(currentPriceFen % 100).padStart(2, "0")}`);
  const [error, setError] = useState<string | null>(null);

  async function run(p: Promise<unknown>) {
    setError(null);
    try {
      await p;
      router.refresh();
    } catch (err) {
      setError(errorText(err, t("genericError")));
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-1.5">
        <label htmlFor={`${uid}-p`} className="sr-only">
          {t("price")}
        </label>
        <input id={`${uid}-p`} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} className="w-20 rounded-lg border border-line px-2 py-1 text-sm" />
        <button
          type="button"
          disabled={enrol.isPending}
          onClick={() => run(enrol.mutateAsync({ campaignId, variantId, price }))}
          className="rounded-full border border-line px-3 py-1 text-xs hover:border-brand hover:text-brand disabled:opacity-60"
        >
          {t("update")}
        </button>
        {canWithdraw ? (
          <button
            type="button"
            disabled={withdraw.isPending}
            onClick={() => run(withdraw.mutateAsync({ campaignId, variantId }))}
            className="rounded-full border border-line px-3 py-1 text-xs text-muted hover:border-brand hover:text-brand disabled:opacity-60"
          >
            {withdraw.isPending ? t("withdrawing") : t("withdraw")}
          </button>
        ) : (
          <span className="text-[11px] text-muted">{t("locked")}</span>
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-brand-dark">
          {error}
        </p>
      )}
    </div>
  );
}
