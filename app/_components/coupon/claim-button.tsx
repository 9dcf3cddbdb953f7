"use client";
// Claims one coupon into the wallet. Signed-out visitors go to sign in and come back here.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

export function ClaimButton({
  couponId,
  signedIn,
  initialClaimed,
  perUserLimit,
  initialSoldOut,
  label,
}: {
  couponId: string;
  signedIn: boolean;
  initialClaimed: number;
  perUserLimit: number;
  initialSoldOut: boolean;
  /** Accessible name: which coupon this claims. */
  label: string;
}) {
  const t = useTranslations("coupon");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [claimed, setClaimed] = useState(initialClaimed);
  const [soldOut, setSoldOut] = useState(initialSoldOut);
  const [error, setError] = useState<string | null>(null);
  const claim = useMutation(trpc.coupon.claim.mutationOptions());
  const full = claimed >= perUserLimit;

  async function onClick() {
    if (!signedIn) {
      router.push({ pathname: "/signin", query: { callbackUrl: pathname } });
      return;
    }
    setError(null);
    try {
      const r = await claim.mutateAsync({ couponId });
      setClaimed(r.claimedByMe);
      setSoldOut(r.isSoldOut);
    } catch (err) {
      const code = (err as { data?: { code?: string } }).data?.code;
      if (code === "UNAUTHORIZED") router.push({ pathname: "/signin", query: { callbackUrl: pathname } });
      else {
        const message = err instanceof Error && err.message ? err.message.replace(/^couponId: /, "") : t("error");
        if (/run out/.test(message)) setSoldOut(true);
        setError(message);
      }
    }
  }

  if (full) {
    return (
      <span className="inline-flex h-7 items-center rounded-full bg-white/80 px-3 text-xs font-semibold text-brand ring-1 ring-brand/30" aria-label={`${label}: ${t("claimed")}`}>
        {t("claimed")}
      </span>
    );
  }
  if (soldOut) {
    return <span className="inline-flex h-7 items-center rounded-full bg-canvas px-3 text-xs text-muted">{t("soldOut")}</span>;
  }
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={claim.isPending}
        aria-label={`${claimed > 0 ? t("claimAgain") : t("claim")}: ${label}`}
        className="h-7 rounded-full bg-brand px-3 text-xs font-semibold text-white hover:bg-brand-dark disabled:opacity-60"
      >
        {claimed > 0 ? t("claimAgain") : t("claim")}
      </button>
      {error ? (
        <span role="alert" className="max-w-40 text-right text-[11px] leading-tight text-brand-dark">
          {error}
        </span>
      ) : null}
    </span>
  );
}
