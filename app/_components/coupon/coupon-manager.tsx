"use client";
// Seller (shop coupons) and admin (platform coupons) management: a create form and the list with
// claimed / used counts and a deactivate button. Amounts are typed in yuan and sent as fen; the
// server validates everything again and answers "field: message" errors, shown as they come.
import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { pick } from "@/app/_lib/format";
import { couponCondition, couponValidity } from "@/app/_components/coupon/coupon-label";

type Mode = { kind: "seller"; shopId: string } | { kind: "admin" };
type Kind = "FIXED" | "PERCENT" | "THRESHOLD";

/** Fen for a yuan amount with at most two decimals ("12.5" → 1250), or null. String arithmetic only. */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "");
  if (s === "") return 0;
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** "2026-11-23T10:00" for a datetime-local input, in the browser's time zone. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

const field = "h-9 w-full rounded-lg border border-line bg-white px-2 text-sm outline-none focus:border-brand";

export function CouponManager({ mode }: { mode: Mode }) {
  const t = useTranslations("coupon");
  const locale = useLocale();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const uid = useId();
  const sellerList = useQuery({ ...trpc.coupon.seller.list.queryOptions({ shopId: mode.kind === "seller" ? mode.shopId : "-" }), enabled: mode.kind === "seller" });
  const adminList = useQuery({ ...trpc.coupon.admin.list.queryOptions(), enabled: mode.kind === "admin" });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.coupon.pathKey() });
  const createSeller = useMutation(trpc.coupon.seller.create.mutationOptions());
  const createAdmin = useMutation(trpc.coupon.admin.create.mutationOptions());
  const deactivateSeller = useMutation(trpc.coupon.seller.deactivate.mutationOptions());
  const deactivateAdmin = useMutation(trpc.coupon.admin.deactivate.mutationOptions());

  const [now] = useState(() => new Date());
  const [form, setForm] = useState({
    titleZh: "",
    titleEn: "",
    kind: "THRESHOLD" as Kind,
    amount: "",
    percentOff: "",
    threshold: "",
    max: "",
    startsAt: localInput(now),
    endsAt: localInput(new Date(now.getTime() + 30 * 86_400_000)),
    totalQuantity: "100",
    perUserLimit: "1",
    memberOnly: false,
  });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const pending = createSeller.isPending || createAdmin.isPending;

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    const amountFen = yuanToFen(form.amount);
    const thresholdFen = yuanToFen(form.threshold);
    const maxFen = form.max.trim() === "" ? null : yuanToFen(form.max);
    if (amountFen === null) return setError(`amountFen: ${t("fieldAmount")}`);
    if (thresholdFen === null) return setError(`thresholdFen: ${t("fieldThreshold")}`);
    if (form.max.trim() !== "" && maxFen === null) return setError(`maxDiscountFen: ${t("fieldMax")}`);
    const coupon = {
      titleZh: form.titleZh,
      titleEn: form.titleEn,
      kind: form.kind,
      amountFen: form.kind === "PERCENT" ? 0 : amountFen,
      percentOff: form.kind === "PERCENT" ? Number(form.percentOff) || 0 : 0,
      thresholdFen,
      maxDiscountFen: form.kind === "PERCENT" ? maxFen : null,
      startsAt: new Date(form.startsAt),
      endsAt: new Date(form.endsAt),
      totalQuantity: Number(form.totalQuantity),
      perUserLimit: Number(form.perUserLimit),
      memberOnly: mode.kind === "seller" ? form.memberOnly : false,
    };
    try {
      if (mode.kind === "seller") await createSeller.mutateAsync({ shopId: mode.shopId, coupon });
      else await createAdmin.mutateAsync({ coupon });
      setDone(true);
      setForm((f) => ({ ...f, titleZh: "", titleEn: "" }));
      await refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : t("error"));
    }
  }

  async function deactivate(couponId: string) {
    if (!window.confirm(t("confirmDeactivate"))) return;
    try {
      if (mode.kind === "seller") await deactivateSeller.mutateAsync({ couponId });
      else await deactivateAdmin.mutateAsync({ couponId });
      await refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : t("error"));
    }
  }

  const rows = (mode.kind === "seller" ? sellerList.data : adminList.data) ?? [];
  const input = (name: keyof typeof form, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="block text-sm">
      <span className="mb-1 block text-muted">{label}</span>
      <input
        name={name}
        className={field}
        value={form[name] as string}
        onChange={(e) => set(name, e.target.value as never)}
        {...props}
      />
    </label>
  );

  return (
    <div className="space-y-4">
      <form onSubmit={create} aria-labelledby={`${uid}-create`} className="rounded-2xl bg-white p-4 ring-1 ring-line">
        <h2 id={`${uid}-create`} className="mb-3 font-semibold">
          {t("create")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2">
          {input("titleZh", t("fieldTitleZh"), { required: true, maxLength: 60 })}
          {input("titleEn", t("fieldTitleEn"), { maxLength: 80 })}
          <label className="block text-sm">
            <span className="mb-1 block text-muted">{t("fieldKind")}</span>
            <select name="kind" className={field} value={form.kind} onChange={(e) => set("kind", e.target.value as Kind)}>
              {(["THRESHOLD", "FIXED", "PERCENT"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`kind${k}`)}
                </option>
              ))}
            </select>
          </label>
          {form.kind === "PERCENT"
            ? input("percentOff", t("fieldPercent"), { inputMode: "numeric", required: true })
            : input("amount", t("fieldAmount"), { inputMode: "decimal", required: true })}
          {input("threshold", t("fieldThreshold"), { inputMode: "decimal", required: form.kind === "THRESHOLD" })}
          {form.kind === "PERCENT" && input("max", t("fieldMax"), { inputMode: "decimal" })}
          {input("startsAt", t("fieldStarts"), { type: "datetime-local", required: true })}
          {input("endsAt", t("fieldEnds"), { type: "datetime-local", required: true })}
          {input("totalQuantity", t("fieldQuantity"), { inputMode: "numeric", required: true })}
          {input("perUserLimit", t("fieldPerUser"), { inputMode: "numeric", required: true })}
          {mode.kind === "seller" && (
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" name="memberOnly" checked={form.memberOnly} onChange={(e) => set("memberOnly", e.target.checked)} className="h-4 w-4 accent-brand" />
              {t("fieldMemberOnly")}
            </label>
          )}
        </div>
        {error && (
          <p role="alert" className="mt-3 rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
            {error}
          </p>
        )}
        {done && (
          <p role="status" className="mt-3 text-sm text-emerald-700">
            {t("created")}
          </p>
        )}
        <button type="submit" disabled={pending} className="mt-3 h-10 rounded-full bg-brand px-6 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? t("creating") : t("create")}
        </button>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-2xl bg-white px-4 py-10 text-center text-sm text-muted ring-1 ring-line">{t("listEmpty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="coupon-admin-list">
          {rows.map((c) => {
            const ended = new Date(c.endsAt).getTime() <= now.getTime();
            const upcoming = new Date(c.startsAt).getTime() > now.getTime();
            const state = !c.isActive ? t("inactive") : ended ? t("ended") : upcoming ? t("upcoming") : t("active");
            return (
              <li key={c.id} className="flex flex-col gap-2 rounded-2xl bg-white p-4 text-sm ring-1 ring-line sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-semibold">
                    {couponCondition(t, c)}
                    {c.memberOnly && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">{t("memberOnly")}</span>}
                  </p>
                  <p className="truncate text-muted">{pick(locale, c.titleZh, c.titleEn)}</p>
                  <p className="text-xs text-muted">
                    {couponValidity(t, new Date(c.startsAt), new Date(c.endsAt))} · {t("colClaimed")} {c.claimedCount}/{c.totalQuantity} · {t("colUsed")} {c.usedCount} ·{" "}
                    {state}
                  </p>
                </div>
                {c.isActive && !ended && (
                  <button type="button" onClick={() => void deactivate(c.id)} className="h-8 shrink-0 self-start rounded-full px-4 text-sm ring-1 ring-line hover:text-brand sm:self-center">
                    {t("deactivate")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
