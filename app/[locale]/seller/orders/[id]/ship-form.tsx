"use client";
import { useId, useState, useTransition } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

type Carrier = "SF" | "ZTO" | "YTO" | "YUNDA" | "JD" | "EMS";

/** Carrier from the list + tracking number; the server validates again and names the field. */
export function ShipForm({ orderId, carriers }: { orderId: string; carriers: { code: Carrier; name: string }[] }) {
  const t = useTranslations("seller");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [carrier, setCarrier] = useState<Carrier>(carriers[0].code);
  const [trackingNo, setTrackingNo] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const ship = useMutation(trpc.sellerOrder.ship.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  const busy = ship.isPending || ship.isSuccess || refreshing;
  const fieldErrors = (ship.error?.data as { fieldErrors?: Record<string, string[] | undefined> | null } | undefined)?.fieldErrors;
  const trackingError = localError ?? fieldErrors?.trackingNo?.[0] ?? null;
  const generalError = !trackingError && ship.error ? ship.error.message : null;

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const value = trackingNo.trim();
        if (!/^[A-Za-z0-9]{8,30}$/.test(value)) {
          setLocalError(t("orders.trackingInvalid"));
          return;
        }
        setLocalError(null);
        ship.mutate({ orderId, carrier, trackingNo: value });
      }}
    >
      <div>
        <label htmlFor={`${id}-carrier`} className="mb-1 block text-sm font-medium">
          {t("orders.carrier")}
        </label>
        <select
          id={`${id}-carrier`}
          value={carrier}
          onChange={(e) => setCarrier(e.target.value as Carrier)}
          className="h-11 w-full rounded-lg border border-line bg-white px-3 text-sm outline-none focus:border-brand"
        >
          {carriers.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-tracking`} className="mb-1 block text-sm font-medium">
          {t("orders.trackingNo")}
        </label>
        <input
          id={`${id}-tracking`}
          value={trackingNo}
          onChange={(e) => setTrackingNo(e.target.value)}
          autoComplete="off"
          inputMode="text"
          maxLength={30}
          aria-invalid={trackingError ? true : undefined}
          aria-describedby={trackingError ? `${id}-tracking-error` : `${id}-tracking-hint`}
          className="h-11 w-full rounded-lg border border-line px-3 font-mono text-sm uppercase outline-none focus:border-brand aria-invalid:border-brand"
        />
        {trackingError ? (
          <p id={`${id}-tracking-error`} role="alert" className="mt-1 text-xs text-brand-dark">
            {trackingError}
          </p>
        ) : (
          <p id={`${id}-tracking-hint`} className="mt-1 text-xs text-muted">
            {t("orders.trackingHint")}
          </p>
        )}
      </div>
      {generalError && (
        <p role="alert" className="rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {generalError}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="h-11 w-full rounded-full bg-brand text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60 sm:w-auto sm:px-8"
      >
        {busy ? t("orders.shipping") : t("orders.confirmShip")}
      </button>
    </form>
  );
}
