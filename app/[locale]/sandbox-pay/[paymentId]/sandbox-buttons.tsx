"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

/** Pay / Fail: the sandbox signs the outcome, notifies the mall, then sends the payer back to the cashier. */
export function SandboxButtons({ paymentId, checkoutId, amountLabel }: { paymentId: string; checkoutId: string; amountLabel: string }) {
  const t = useTranslations("payment");
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useMutation(trpc.payment.sandboxDecide.mutationOptions({ onSuccess: () => router.replace(`/pay/${checkoutId}`) }));
  const busy = decide.isPending || decide.isSuccess;
  const choice = decide.variables?.outcome;
  return (
    <div className="space-y-3">
      {decide.error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {decide.error.message}
        </p>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() => decide.mutate({ paymentId, outcome: "succeed" })}
        className="h-12 w-full rounded-lg bg-sky-600 text-base font-semibold text-white hover:bg-sky-700 disabled:opacity-60"
      >
        {busy && choice === "succeed" ? t("sandbox.processing") : t("sandbox.pay", { amount: amountLabel })}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => decide.mutate({ paymentId, outcome: "fail" })}
        className="h-11 w-full rounded-lg bg-white text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
      >
        {busy && choice === "fail" ? t("sandbox.processing") : t("sandbox.fail")}
      </button>
    </div>
  );
}
