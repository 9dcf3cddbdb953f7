"use client";
// One commission plan (shop-wide or one product's): rate in percent, save, stop.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

export function PlanForm({
  shopId,
  productId,
  planId,
  rateBp,
  isActive,
  label,
}: {
  shopId: string;
  productId?: string;
  planId: string | null;
  rateBp: number | null;
  isActive: boolean;
  label: string;
}) {
  const t = useTranslations("creator.plans");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const upsert = useMutation(trpc.affiliate.plans.upsert.mutationOptions());
  const deactivate = useMutation(trpc.affiliate.plans.deactivate.mutationOptions());
  const [rate, setRate] = useState(rateBp !== null ? String(rateBp / 100) : "");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const value = Number(rate);
    if (!Number.isFinite(value) || value < 1 || value > 90) {
      setMessage({ error: true, text: t("rateRange") });
      return;
    }
    try {
      await upsert.mutateAsync({ shopId, productId, rateBp: Math.round(value * 100) });
      setMessage({ error: false, text: t("saved") });
      router.refresh();
    } catch (err) {
      setMessage({ error: true, text: err instanceof Error && err.message ? err.message : t("error") });
    }
  }

  return (
    <form onSubmit={save} noValidate className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={1}
        max={90}
        step={0.5}
        value={rate}
        onChange={(e) => {
          setRate(e.target.value);
          setMessage(null);
        }}
        aria-invalid={message?.error ? true : undefined}
        aria-describedby={`${id}-msg`}
        className="h-9 w-20 rounded-lg border border-line px-2 text-sm tabular-nums outline-none focus:border-brand aria-invalid:border-brand"
      />
      <span className="text-sm text-muted">%</span>
      <button type="submit" disabled={upsert.isPending} className="h-9 rounded-lg bg-brand px-3 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {upsert.isPending ? t("saving") : t("save")}
      </button>
      {planId && isActive && (
        <button
          type="button"
          disabled={deactivate.isPending}
          onClick={async () => {
            try {
              await deactivate.mutateAsync({ planId });
              router.refresh();
            } catch (err) {
              setMessage({ error: true, text: err instanceof Error && err.message ? err.message : t("error") });
            }
          }}
          className="h-9 rounded-lg px-3 text-sm font-medium ring-1 ring-line hover:bg-canvas disabled:opacity-60"
        >
          {t("deactivate")}
        </button>
      )}
      <span id={`${id}-msg`} role={message?.error ? "alert" : "status"} className={`text-xs ${message?.error ? "text-brand-dark" : "text-emerald-700"}`}>
        {message?.text}
      </span>
    </form>
  );
}
