"use client";
// The after-sales request form. The maximum per quantity comes from the server (quote); the amount
// starts at that maximum and may be lowered for a partial refund. The server re-checks everything.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { formatFen } from "@/app/_lib/format";
import type { AfterSaleQuote } from "@/server/aftersale/aftersale.schema";
import { fenToYuanInput, yuanToFen } from "./yuan";

const REASONS = ["not_received", "damaged", "quality_issue", "not_as_described", "wrong_item", "missing_parts", "no_longer_needed", "other"] as const;
type Reason = (typeof REASONS)[number];
type Kind = AfterSaleQuote["kinds"][number];
type FieldErrors = Partial<Record<"kind" | "quantity" | "amountFen" | "reason" | "description", string[]>>;

const inputClass = "h-11 w-full rounded-lg border border-line bg-white px-3 text-sm outline-none focus:border-brand aria-invalid:border-brand";

function FieldNote({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error)
    return (
      <p id={id} role="alert" className="text-xs text-brand-dark">
        {error}
      </p>
    );
  return hint ? (
    <p id={id} className="text-xs text-muted">
      {hint}
    </p>
  ) : null;
}

export function AfterSaleRequestForm({ quote }: { quote: AfterSaleQuote }) {
  const t = useTranslations("aftersale");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const request = useMutation(trpc.afterSale.request.mutationOptions());

  const [kind, setKind] = useState<Kind>(quote.kinds[0]);
  const [quantity, setQuantity] = useState(quote.remainingQuantity);
  const [amount, setAmount] = useState(fenToYuanInput(quote.maxAmountFenByQuantity[quote.remainingQuantity - 1] ?? 0));
  const [reason, setReason] = useState<Reason | "">("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const maxFen = quote.maxAmountFenByQuantity[quantity - 1] ?? 0;
  const lineLeft = quote.item.lineTotalFen - quote.item.refundedFen;
  const shippingFen = quantity === quote.remainingQuantity ? Math.max(0, maxFen - lineLeft) : 0;
  const amountHint = shippingFen > 0 ? t("request.amountHintShipping", { max: formatFen(maxFen), fee: formatFen(shippingFen) }) : t("request.amountHint", { max: formatFen(maxFen) });

  function changeQuantity(q: number) {
    setQuantity(q);
    setAmount(fenToYuanInput(quote.maxAmountFenByQuantity[q - 1] ?? 0));
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: FieldErrors = {};
    const amountFen = yuanToFen(amount);
    if (amountFen === null || amountFen < 1 || amountFen > maxFen) next.amountFen = [t("request.amountInvalid", { max: formatFen(maxFen) })];
    if (!reason) next.reason = [t("request.reasonRequired")];
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length || amountFen === null || !reason) return;
    setPending(true);
    try {
      const created = await request.mutateAsync({ orderItemId: quote.item.id, kind, quantity, amountFen, reason, description });
      router.push(`/after-sales/${created.id}`);
      router.refresh();
    } catch (err) {
      const data = (err as { data?: { fieldErrors?: FieldErrors | null } }).data;
      if (data?.fieldErrors && Object.keys(data.fieldErrors).length) setErrors(data.fieldErrors);
      else setFormError(err instanceof Error && err.message ? err.message : t("request.genericError"));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
      <fieldset aria-describedby={errors.kind ? `${id}-kind` : undefined}>
        <legend className="mb-2 text-sm font-medium">{t("request.kindLegend")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {quote.kinds.map((k) => (
            <label key={k} className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-line has-checked:ring-2 has-checked:ring-brand">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-0.5 accent-brand" />
              <span>
                <span className="block text-sm font-medium">{t(`kinds.${k}`)}</span>
                <span className="block text-xs text-muted">{t(`kindHints.${k}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldNote id={`${id}-kind`} error={errors.kind?.[0]} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-quantity`} className="block text-sm font-medium">
            {t("request.quantityLabel")}
          </label>
          <select
            id={`${id}-quantity`}
            value={quantity}
            onChange={(e) => changeQuantity(Number(e.target.value))}
            aria-invalid={errors.quantity ? true : undefined}
            aria-describedby={errors.quantity ? `${id}-quantity-note` : undefined}
            className={inputClass}
          >
            {Array.from({ length: quote.remainingQuantity }, (_, i) => i + 1).map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
          <FieldNote id={`${id}-quantity-note`} error={errors.quantity?.[0]} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-amount`} className="block text-sm font-medium">
            {t("request.amountLabel")}
          </label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={errors.amountFen ? true : undefined}
            aria-describedby={`${id}-amount-note`}
            className={inputClass}
          />
          <FieldNote id={`${id}-amount-note`} error={errors.amountFen?.[0]} hint={amountHint} />
        </div>
      </div>

      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          {t("request.reasonLabel")}
        </label>
        <select
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value as Reason | "")}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-note` : undefined}
          className={inputClass}
        >
          <option value="">{t("request.reasonPlaceholder")}</option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </select>
        <FieldNote id={`${id}-reason-note`} error={errors.reason?.[0]} />
      </div>

      <div className="space-y-1">
        <label htmlFor={`${id}-description`} className="block text-sm font-medium">
          {t("request.descriptionLabel")}
        </label>
        <textarea
          id={`${id}-description`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={500}
          rows={4}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={`${id}-description-note`}
          className="w-full rounded-lg border border-line px-3 py-2 text-sm outline-none focus:border-brand aria-invalid:border-brand"
        />
        <FieldNote id={`${id}-description-note`} error={errors.description?.[0]} hint={t("request.descriptionHint")} />
      </div>

      {formError && (
        <p role="alert" className="rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {formError}
        </p>
      )}
      <button type="submit" disabled={pending} className="h-11 w-full rounded-full bg-brand text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? t("request.submitting") : t("request.submit")}
      </button>
    </form>
  );
}
