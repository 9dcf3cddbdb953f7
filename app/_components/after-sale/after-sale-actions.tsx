"use client";
// What the viewer may do with a request now (the server says which, in `can`): the buyer withdraws,
// submits the return shipment or escalates; the seller approves, rejects with a reason or confirms
// the returned goods; an operator decides an escalation. Each action is a tRPC mutation, then the
// page re-renders from the server.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { AfterSaleDetail } from "@/server/aftersale/aftersale.schema";

const CARRIERS = ["SF", "ZTO", "YTO", "YUNDA", "JD", "EMS", "OTHER"] as const;

type FieldErrors = Record<string, string[] | undefined>;

function errorsOf(err: unknown): { message: string | null; fields: FieldErrors } {
  const data = (err as { data?: { fieldErrors?: FieldErrors | null } }).data;
  const message = err instanceof Error && err.message ? err.message : null;
  return { message, fields: data?.fieldErrors ?? {} };
}

const button = "inline-flex h-10 items-center justify-center rounded-full px-5 text-sm font-semibold disabled:opacity-60";
const primary = `${button} bg-brand text-white hover:bg-brand-dark`;
const secondary = `${button} bg-white text-ink ring-1 ring-line hover:text-brand hover:ring-brand`;

function TextArea({ label, hint, error, ...props }: { label: string; hint?: string; error?: string } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        {...props}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="min-h-24 w-full rounded-lg border border-line px-3 py-2 text-sm outline-none focus:border-brand aria-invalid:border-brand"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-brand-dark">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type Panel = null | "reject" | "escalate" | "return" | "withdraw";

export function AfterSaleActions({ detail }: { detail: AfterSaleDetail }) {
  const t = useTranslations("aftersale.actions");
  const tc = useTranslations("aftersale");
  const ta = useTranslations("admin.arbitration");
  const trpc = useTRPC();
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const idPrefix = useId();

  const withdraw = useMutation(trpc.afterSale.withdraw.mutationOptions());
  const escalate = useMutation(trpc.afterSale.escalate.mutationOptions());
  const submitReturn = useMutation(trpc.afterSale.submitReturn.mutationOptions());
  const approve = useMutation(trpc.afterSale.approve.mutationOptions());
  const reject = useMutation(trpc.afterSale.reject.mutationOptions());
  const confirmReceipt = useMutation(trpc.afterSale.confirmReceipt.mutationOptions());
  const arbitrate = useMutation(trpc.afterSale.arbitrate.mutationOptions());

  const { can } = detail;
  const any = Object.values(can).some(Boolean);
  if (!any) return null;

  async function run(action: () => Promise<unknown>) {
    setPending(true);
    setError(null);
    setFields({});
    setDone(false);
    try {
      await action();
      setPanel(null);
      setDone(true);
      router.refresh();
    } catch (err) {
      const { message, fields } = errorsOf(err);
      setFields(fields);
      setError(Object.keys(fields).length ? null : (message ?? t("genericError")));
    } finally {
      setPending(false);
    }
  }

  const text = (form: FormData, name: string) => String(form.get(name) ?? "");

  return (
    <section aria-labelledby={`${idPrefix}-title`} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
      <h2 id={`${idPrefix}-title`} className="mb-3 text-sm font-semibold">
        {t("title")}
      </h2>

      {panel === null && (
        <div className="flex flex-wrap gap-2">
          {can.submitReturn && (
            <button type="button" className={primary} onClick={() => setPanel("return")}>
              {t("submitReturn")}
            </button>
          )}
          {can.escalate && (
            <button type="button" className={primary} onClick={() => setPanel("escalate")}>
              {t("escalate")}
            </button>
          )}
          {can.withdraw && (
            <button type="button" className={secondary} onClick={() => setPanel("withdraw")}>
              {t("withdraw")}
            </button>
          )}
          {can.approve && (
            <button type="button" className={primary} disabled={pending} onClick={() => run(() => approve.mutateAsync({ id: detail.id }))}>
              {pending ? t("working") : detail.kind === "REFUND_ONLY" ? t("approveRefund") : t("approveReturn")}
            </button>
          )}
          {can.confirmReceipt && (
            <button type="button" className={primary} disabled={pending} onClick={() => run(() => confirmReceipt.mutateAsync({ id: detail.id }))}>
              {pending ? t("working") : t("confirmReceipt")}
            </button>
          )}
          {can.reject && (
            <button type="button" className={secondary} onClick={() => setPanel("reject")}>
              {t("reject")}
            </button>
          )}
        </div>
      )}

      {panel === "withdraw" && (
        <div className="space-y-3">
          <p className="text-sm">{t("withdrawConfirm")}</p>
          <div className="flex gap-2">
            <button type="button" className={primary} disabled={pending} onClick={() => run(() => withdraw.mutateAsync({ id: detail.id }))}>
              {pending ? t("working") : t("confirm")}
            </button>
            <button type="button" className={secondary} onClick={() => setPanel(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}

      {panel === "reject" && (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void run(() => reject.mutateAsync({ id: detail.id, reason: text(form, "reason") }));
          }}
        >
          <TextArea label={t("rejectReason")} hint={t("rejectHint")} name="reason" required maxLength={300} error={fields.reason?.[0]} />
          <div className="flex gap-2">
            <button type="submit" className={primary} disabled={pending}>
              {pending ? t("working") : t("reject")}
            </button>
            <button type="button" className={secondary} onClick={() => setPanel(null)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}

      {panel === "escalate" && (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void run(() => escalate.mutateAsync({ id: detail.id, note: text(form, "note") }));
          }}
        >
          <TextArea label={t("escalateNote")} hint={t("escalateHint")} name="note" required maxLength={500} error={fields.note?.[0]} />
          <div className="flex gap-2">
            <button type="submit" className={primary} disabled={pending}>
              {pending ? t("working") : t("escalate")}
            </button>
            <button type="button" className={secondary} onClick={() => setPanel(null)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}

      {panel === "return" && (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void run(() => submitReturn.mutateAsync({ id: detail.id, carrier: text(form, "carrier"), trackingNo: text(form, "trackingNo").trim() }));
          }}
        >
          <div className="space-y-1">
            <label htmlFor={`${idPrefix}-carrier`} className="block text-sm font-medium">
              {t("carrierLabel")}
            </label>
            <select
              id={`${idPrefix}-carrier`}
              name="carrier"
              defaultValue="SF"
              className="h-11 w-full rounded-lg border border-line bg-white px-3 text-sm outline-none focus:border-brand"
            >
              {CARRIERS.map((c) => (
                <option key={c} value={c}>
                  {tc(`carriers.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={`${idPrefix}-tracking`} className="block text-sm font-medium">
              {t("trackingLabel")}
            </label>
            <input
              id={`${idPrefix}-tracking`}
              name="trackingNo"
              required
              maxLength={40}
              autoComplete="off"
              inputMode="text"
              aria-invalid={fields.trackingNo ? true : undefined}
              aria-describedby={`${idPrefix}-tracking-note`}
              className="h-11 w-full rounded-lg border border-line px-3 font-mono text-sm outline-none focus:border-brand aria-invalid:border-brand"
            />
            {fields.trackingNo ? (
              <p id={`${idPrefix}-tracking-note`} role="alert" className="text-xs text-brand-dark">
                {fields.trackingNo[0]}
              </p>
            ) : (
              <p id={`${idPrefix}-tracking-note`} className="text-xs text-muted">
                {t("trackingHint")}
              </p>
            )}
          </div>
          <div className="flex gap-2">
            <button type="submit" className={primary} disabled={pending}>
              {pending ? t("working") : t("submitReturn")}
            </button>
            <button type="button" className={secondary} onClick={() => setPanel(null)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}

      {can.arbitrate && (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const decision = text(form, "decision");
            if (decision !== "refund" && decision !== "close") {
              setFields({ decision: [ta("decisionRequired")] });
              return;
            }
            void run(() => arbitrate.mutateAsync({ id: detail.id, decision, note: text(form, "note") }));
          }}
        >
          <fieldset aria-describedby={fields.decision ? `${idPrefix}-decision-error` : undefined}>
            <legend className="mb-2 text-sm font-medium">{ta("decisionLegend")}</legend>
            <div className="flex flex-col gap-2 sm:flex-row">
              {(["refund", "close"] as const).map((d) => (
                <label key={d} className="flex flex-1 cursor-pointer items-center gap-2 rounded-lg px-3 py-2.5 text-sm ring-1 ring-line has-checked:ring-2 has-checked:ring-brand">
                  <input type="radio" name="decision" value={d} className="accent-brand" />
                  {ta(d)}
                </label>
              ))}
            </div>
            {fields.decision && (
              <p id={`${idPrefix}-decision-error`} role="alert" className="mt-1 text-xs text-brand-dark">
                {fields.decision[0]}
              </p>
            )}
          </fieldset>
          <TextArea label={ta("noteLabel")} name="note" required maxLength={500} error={fields.note?.[0]} />
          <button type="submit" className={primary} disabled={pending}>
            {pending ? ta("submitting") : ta("submit")}
          </button>
        </form>
      )}

      {error && (
        <p role="alert" className="mt-3 rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      {done && !error && (
        <p role="status" className="mt-3 text-sm text-emerald-700">
          {t("done")}
        </p>
      )}
    </section>
  );
}
