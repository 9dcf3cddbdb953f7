"use client";
// Per-product actions in the list and the editor: submit for the automatic check, delist.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

export function ProductActions({ productId, status }: { productId: string; status: string }) {
  const t = useTranslations("merchant.products");
  const trpc = useTRPC();
  const router = useRouter();
  const submit = useMutation(trpc.merchant.submit.mutationOptions());
  const delist = useMutation(trpc.catalog.delist.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  const busy = submit.isPending || delist.isPending;

  async function run(action: () => Promise<unknown>) {
    setMessage(null);
    try {
      await action();
      router.refresh();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : t("genericError"));
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {status !== "ACTIVE" && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => submit.mutateAsync({ productId }))}
          className="h-8 rounded-full bg-brand px-3 text-xs font-semibold text-white hover:bg-brand-dark disabled:opacity-50"
        >
          {submit.isPending ? t("submitting") : status === "DELISTED" ? t("relist") : t("submit")}
        </button>
      )}
      {status === "ACTIVE" && (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t("delistConfirm"))) void run(() => delist.mutateAsync({ productId }));
          }}
          className="h-8 rounded-full px-3 text-xs font-semibold text-ink/80 ring-1 ring-line hover:text-brand disabled:opacity-50"
        >
          {t("delist")}
        </button>
      )}
      {message && (
        <span role="alert" className="text-xs text-brand-dark">
          {message}
        </span>
      )}
    </div>
  );
}
