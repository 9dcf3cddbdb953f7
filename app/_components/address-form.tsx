"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/app/_trpc/client";
import type { AppRouter } from "@/server/api/root";

export type AddressRow = inferRouterOutputs<AppRouter>["address"]["list"][number];

const FIELDS = ["recipient", "phone", "province", "city", "district", "street", "postalCode"] as const;
type FieldName = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<FieldName, boolean>>;

function Field({
  name,
  label,
  error,
  className = "",
  ...input
}: { name: FieldName; label: string; error?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const id = useId();
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="h-11 w-full rounded-lg border border-line bg-white px-3 text-sm outline-none focus:border-brand aria-invalid:border-brand"
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-brand-dark">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Add or edit a delivery address (Chinese format). The server validates; its field errors are shown
 * beside the fields in the page's language and summed up in an alert.
 */
export function AddressForm({
  initial,
  onSaved,
  onCancel,
  defaultChecked = false,
}: {
  /** Editing this address; without it, a new one is created. */
  initial?: AddressRow;
  onSaved: (address: AddressRow) => void;
  onCancel?: () => void;
  defaultChecked?: boolean;
}) {
  const t = useTranslations("checkout.address");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.address.create.mutationOptions());
  const update = useMutation(trpc.address.update.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const pending = create.isPending || update.isPending;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    setFailure(null);
    const form = new FormData(e.currentTarget);
    const value = (k: string) => String(form.get(k) ?? "");
    const input = {
      recipient: value("recipient"),
      phone: value("phone"),
      province: value("province"),
      city: value("city"),
      district: value("district"),
      street: value("street"),
      postalCode: value("postalCode"),
      isDefault: form.get("isDefault") === "on",
    };
    try {
      const saved = initial ? await update.mutateAsync({ ...input, id: initial.id }) : await create.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.address.list.queryKey() });
      onSaved(saved);
    } catch (err) {
      const fieldErrors = (err as { data?: { fieldErrors?: Record<string, string[]> | null } }).data?.fieldErrors ?? null;
      const known = fieldErrors ? FIELDS.filter((f) => fieldErrors[f]?.length) : [];
      if (known.length > 0) {
        setErrors(Object.fromEntries(known.map((f) => [f, true])));
        setFailure(t("fixFields"));
      } else {
        setFailure(err instanceof Error && /at most \d+ addresses/.test(err.message) ? t("tooMany") : t("saveFailed"));
      }
    }
  }

  const err = (f: FieldName) => (errors[f] ? t(`errors.${f}`) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={initial ? t("editTitle") : t("newTitle")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="recipient" label={t("recipient")} autoComplete="name" maxLength={20} required defaultValue={initial?.recipient} error={err("recipient")} />
        <Field name="phone" label={t("phone")} type="tel" inputMode="tel" autoComplete="tel-national" maxLength={13} required defaultValue={initial?.phone} error={err("phone")} />
      </div>
      <div className="grid grid-cols-3 gap-2 sm:gap-3">
        <Field name="province" label={t("province")} autoComplete="address-level1" maxLength={20} required defaultValue={initial?.province} error={err("province")} />
        <Field name="city" label={t("city")} autoComplete="address-level2" maxLength={20} required defaultValue={initial?.city} error={err("city")} />
        <Field name="district" label={t("district")} autoComplete="address-level3" maxLength={20} required defaultValue={initial?.district} error={err("district")} />
      </div>
      <Field name="street" label={t("street")} autoComplete="street-address" maxLength={120} required placeholder={t("streetHint")} defaultValue={initial?.street} error={err("street")} />
      <Field
        name="postalCode"
        label={t("postalCode")}
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={6}
        defaultValue={initial?.postalCode ?? ""}
        error={err("postalCode")}
        className="sm:max-w-48"
      />
      {!initial?.isDefault && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isDefault" defaultChecked={defaultChecked} className="h-4 w-4 accent-brand" />
          {t("makeDefault")}
        </label>
      )}
      {failure && (
        <p role="alert" className="rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {failure}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="h-10 rounded-full bg-brand px-6 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? t("saving") : t("save")}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className="h-10 rounded-full border border-line bg-white px-5 text-sm font-medium hover:bg-canvas">
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

/** "张三 138****8000" and the address on one or two lines. */
export function AddressText({ address, maskPhone = true }: { address: Pick<AddressRow, "recipient" | "phone" | "province" | "city" | "district" | "street">; maskPhone?: boolean }) {
  const phone = maskPhone ? `${address.phone.slice(0, 3)}****${address.phone.slice(7)}` : address.phone;
  return (
    <>
      <span className="font-semibold text-ink">{address.recipient}</span>
      <span className="ml-2 text-ink/80">{phone}</span>
      <span className="block text-sm text-ink/75">
        {address.province} {address.city} {address.district} {address.street}
      </span>
    </>
  );
}
