"use client";
import { useSyncExternalStore } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

function remaining(deadline: Date, now: number): string {
  const s = Math.max(0, Math.floor((deadline.getTime() - now) / 1000));
  const mm = String(Math.floor(s / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return `${mm}:${ss}`;
}

// A once-a-second clock for the countdown. The server snapshot is null, so the server render and
// the first client render agree (they show the deadline); the ticking starts after hydration.
function subscribeClock(onTick: () => void) {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
}
const clockNow = () => Math.floor(Date.now() / 1000);
const serverClock = () => null;

/** Time left to pay, ticking each second. */
export function PayCountdown({ payBy, deadlineLabel }: { payBy: Date; deadlineLabel: string }) {
  const t = useTranslations("payment");
  const nowS = useSyncExternalStore(subscribeClock, clockNow, serverClock);
  if (nowS === null) return <p className="text-sm text-muted">{t("payBy", { time: deadlineLabel })}</p>;
  const left = remaining(payBy, nowS * 1000);
  return (
    <p className="text-sm text-muted" aria-live="off">
      {left === "00:00" ? t("timeUp") : t.rich("timeLeft", { time: () => <span className="font-mono font-semibold text-brand">{left}</span> })}
    </p>
  );
}

/** The one payment method (the built-in sandbox provider) and the Pay button. */
export function PayPanel({ checkoutId, amountLabel }: { checkoutId: string; amountLabel: string }) {
  const t = useTranslations("payment");
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.payment.start.mutationOptions({ onSuccess: (res) => router.push(res.redirectUrl) }));
  const busy = start.isPending || start.isSuccess;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({ checkoutId });
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">{t("methodTitle")}</legend>
        <label className="flex cursor-pointer items-center gap-3 rounded-xl p-3 ring-2 ring-brand">
          <input type="radio" name="method" value="sandbox" defaultChecked className="accent-brand" />
          <span aria-hidden="true" className="grid h-9 w-9 place-items-center rounded-lg bg-sky-600 text-sm font-bold text-white">
            S
          </span>
          <span className="min-w-0">
            <span className="block text-sm font-medium">{t("sandboxName")}</span>
            <span className="block text-xs text-muted">{t("sandboxHint")}</span>
          </span>
        </label>
      </fieldset>
      {start.error && (
        <p role="alert" className="mt-3 rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {start.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="mt-4 h-12 w-full rounded-full bg-brand text-base font-semibold text-white hover:bg-brand-dark disabled:opacity-60"
      >
        {busy ? t("redirecting") : t("payButton", { amount: amountLabel })}
      </button>
    </form>
  );
}
