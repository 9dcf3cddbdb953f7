"use client";
// The shopper's order buttons: pay, cancel (with a reason), confirm receipt. Each calls one tRPC
// mutation and re-renders the server page afterwards.
import { useState, useTransition } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

const primary = "inline-flex h-9 items-center justify-center rounded-full bg-brand px-4 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60";
const secondary = "inline-flex h-9 items-center justify-center rounded-full bg-white px-4 text-sm font-medium ring-1 ring-line hover:text-brand hover:ring-brand disabled:opacity-60";

function ErrorLine({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="w-full rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
      {message}
    </p>
  );
}

export function PayButton({ orderId, label }: { orderId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("orders");
  const start = useMutation(trpc.payment.start.mutationOptions({ onSuccess: (res) => router.push(res.redirectUrl) }));
  return (
    <>
      <button type="button" className={primary} disabled={start.isPending || start.isSuccess} onClick={() => start.mutate({ orderId })}>
        {start.isPending || start.isSuccess ? t("actions.redirecting") : label}
      </button>
      <ErrorLine message={start.error?.message ?? null} />
    </>
  );
}

const CANCEL_REASONS = ["changedMind", "wrongItem", "wrongAddress", "foundCheaper", "other"] as const;

export function CancelButton({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("orders");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof CANCEL_REASONS)[number]>("changedMind");
  // The page re-renders from the server; the form stays busy until the new page has arrived.
  const [refreshing, startRefresh] = useTransition();
  const cancel = useMutation(trpc.order.cancel.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  const busy = cancel.isPending || cancel.isSuccess || refreshing;
  if (!open) {
    return (
      <button type="button" className={secondary} onClick={() => setOpen(true)}>
        {t("actions.cancel")}
      </button>
    );
  }
  return (
    <form
      className="w-full rounded-xl bg-canvas p-3 text-left"
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate({ id: orderId, reason: t(`cancelReasons.${reason}`) });
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("cancelTitle")}</legend>
        <div className="grid gap-1.5 sm:grid-cols-2">
          {CANCEL_REASONS.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="radio" name={`reason-${orderId}`} value={r} checked={reason === r} onChange={() => setReason(r)} className="accent-brand" />
              {t(`cancelReasons.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="mt-2 text-xs text-muted">{t("cancelNote")}</p>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <button type="button" className={secondary} onClick={() => setOpen(false)}>
          {t("actions.keepOrder")}
        </button>
        <button type="submit" className={primary} disabled={busy}>
          {busy ? t("actions.working") : t("actions.confirmCancel")}
        </button>
      </div>
      <div className="mt-2">
        <ErrorLine message={cancel.error?.message ?? null} />
      </div>
    </form>
  );
}

export function ConfirmReceiptButton({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("orders");
  const [asking, setAsking] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const confirm = useMutation(trpc.order.confirmReceipt.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  const busy = confirm.isPending || confirm.isSuccess || refreshing;
  if (!asking) {
    return (
      <button type="button" className={primary} onClick={() => setAsking(true)}>
        {t("actions.confirmReceipt")}
      </button>
    );
  }
  return (
    <div className="w-full rounded-xl bg-canvas p-3 text-left" role="group" aria-label={t("actions.confirmReceipt")}>
      <p className="text-sm">{t("confirmPrompt")}</p>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <button type="button" className={secondary} onClick={() => setAsking(false)}>
          {t("actions.notYet")}
        </button>
        <button type="button" className={primary} disabled={busy} onClick={() => confirm.mutate({ id: orderId })}>
          {busy ? t("actions.working") : t("actions.yesReceived")}
        </button>
      </div>
      <div className="mt-2">
        <ErrorLine message={confirm.error?.message ?? null} />
      </div>
    </div>
  );
}
