"use client";
// Create or edit a campaign. Times are entered in China Standard Time (the mall's zone), so the
// server-rendered form and the browser agree whatever zone either runs in.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { AdminCampaign, CampaignKind } from "@/server/marketing/campaign.schema";

const KINDS: CampaignKind[] = ["PROMOTION", "ORIGIN", "REGIONAL_GOODS"];
const CST_OFFSET_MS = 8 * 3_600_000;

/** "2026-11-23T20:00" in China Standard Time. */
export function toCstInput(d: Date): string {
  return new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16);
}
function fromCstInput(v: string): Date {
  return new Date(`${v}:00+08:00`);
}

type Region = { id: string; label: string };

export function CampaignForm({ campaign, regions, locale }: { campaign: AdminCampaign | null; regions: Region[]; locale: string }) {
  const t = useTranslations("campaign.admin");
  const tk = useTranslations("campaign.kind");
  const trpc = useTRPC();
  const router = useRouter();
  const uid = useId();
  const create = useMutation(trpc.campaign.admin.create.mutationOptions());
  const update = useMutation(trpc.campaign.admin.update.mutationOptions());
  const [f, setF] = useState(() => {
    const now = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    return {
    slug: campaign?.slug ?? "",
    kind: (campaign?.kind ?? "PROMOTION") as CampaignKind,
    titleZh: campaign?.titleZh ?? "",
    titleEn: campaign?.titleEn ?? "",
    subtitleZh: campaign?.subtitleZh ?? "",
    subtitleEn: campaign?.subtitleEn ?? "",
    descriptionZh: campaign?.descriptionZh ?? "",
    descriptionEn: campaign?.descriptionEn ?? "",
    regionId: campaign?.regionId ?? "",
    startsAt: toCstInput(campaign?.startsAt ?? now),
    endsAt: toCstInput(campaign?.endsAt ?? new Date(now.getTime() + 7 * 86_400_000)),
    minDiscountPct: String((campaign?.minDiscountBp ?? 1000) / 100),
    themeColor: campaign?.themeColor ?? "#fe2c55",
    enrolOpen: campaign?.enrolOpen ?? true,
    };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const pending = create.isPending || update.isPending;

  function set<K extends keyof typeof f>(key: K, value: (typeof f)[K]) {
    setF((s) => ({ ...s, [key]: value }));
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    const input = {
      slug: f.slug,
      kind: f.kind,
      titleZh: f.titleZh,
      titleEn: f.titleEn,
      subtitleZh: f.subtitleZh,
      subtitleEn: f.subtitleEn,
      descriptionZh: f.descriptionZh,
      descriptionEn: f.descriptionEn,
      regionId: f.regionId || null,
      startsAt: fromCstInput(f.startsAt),
      endsAt: fromCstInput(f.endsAt),
      minDiscountBp: Math.round(Number(f.minDiscountPct) * 100),
      themeColor: f.themeColor,
      enrolOpen: f.enrolOpen,
    };
    try {
      if (campaign) {
        await update.mutateAsync({ id: campaign.id, ...input });
        setMessage(t("saved"));
        router.refresh();
      } else {
        const created = await create.mutateAsync(input);
        router.push(`${locale === "en" ? "/en" : ""}/admin/campaigns/${created.id}`);
      }
    } catch (err) {
      const data = (err as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } }).data;
      const fields = Object.fromEntries(Object.entries(data?.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0] ?? ""]));
      setErrors(fields);
      setMessage(Object.keys(fields).length ? null : err instanceof Error && err.message ? err.message : t("genericError"));
    }
  }

  const field = (name: keyof typeof f, label: string, input: React.ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`${uid}-${name}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {input}
      {errors[name === "minDiscountPct" ? "minDiscountBp" : name] ? (
        <p role="alert" className="mt-1 text-xs text-brand-dark">
          {errors[name === "minDiscountPct" ? "minDiscountBp" : name]}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-muted">{hint}</p>
      ) : null}
    </div>
  );
  const cls = "w-full rounded-lg border border-line px-3 py-2 text-sm outline-none focus:border-brand";
  const text = (name: "slug" | "titleZh" | "titleEn" | "subtitleZh" | "subtitleEn", label: string, hint?: string) =>
    field(name, label, <input id={`${uid}-${name}`} name={name} value={f[name]} onChange={(e) => set(name, e.target.value)} className={cls} />, hint);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-2xl bg-white p-4 ring-1 ring-line sm:p-6">
      <div className="grid gap-4 sm:grid-cols-2">
        {text("slug", t("slug"), t("slugHint"))}
        {field(
          "kind",
          t("kindLabel"),
          <select id={`${uid}-kind`} name="kind" value={f.kind} onChange={(e) => set("kind", e.target.value as CampaignKind)} className={cls}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {tk(k)}
              </option>
            ))}
          </select>,
        )}
        {text("titleZh", t("titleZh"))}
        {text("titleEn", t("titleEn"))}
        {text("subtitleZh", t("subtitleZh"))}
        {text("subtitleEn", t("subtitleEn"))}
      </div>
      {field(
        "descriptionZh",
        t("descriptionZh"),
        <textarea id={`${uid}-descriptionZh`} rows={3} value={f.descriptionZh} onChange={(e) => set("descriptionZh", e.target.value)} className={cls} />,
      )}
      {field(
        "descriptionEn",
        t("descriptionEn"),
        <textarea id={`${uid}-descriptionEn`} rows={3} value={f.descriptionEn} onChange={(e) => set("descriptionEn", e.target.value)} className={cls} />,
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {field(
          "regionId",
          t("region"),
          <select id={`${uid}-regionId`} name="regionId" value={f.regionId} onChange={(e) => set("regionId", e.target.value)} className={cls}>
            <option value="">{t("regionNone")}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>,
          t("regionHint"),
        )}
        {field(
          "minDiscountPct",
          t("minDiscount"),
          <input id={`${uid}-minDiscountPct`} inputMode="decimal" value={f.minDiscountPct} onChange={(e) => set("minDiscountPct", e.target.value)} className={cls} />,
          t("minDiscountHint"),
        )}
        {field(
          "startsAt",
          `${t("startsAt")} (UTC+8)`,
          <input id={`${uid}-startsAt`} type="datetime-local" value={f.startsAt} onChange={(e) => set("startsAt", e.target.value)} className={cls} />,
        )}
        {field(
          "endsAt",
          `${t("endsAt")} (UTC+8)`,
          <input id={`${uid}-endsAt`} type="datetime-local" value={f.endsAt} onChange={(e) => set("endsAt", e.target.value)} className={cls} />,
        )}
        {field(
          "themeColor",
          t("themeColor"),
          <input id={`${uid}-themeColor`} type="color" value={f.themeColor} onChange={(e) => set("themeColor", e.target.value)} className="h-10 w-20 rounded border border-line" />,
        )}
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" checked={f.enrolOpen} onChange={(e) => set("enrolOpen", e.target.checked)} className="h-4 w-4 accent-brand" />
          {t("enrolOpen")}
        </label>
      </div>
      {message && (
        <p role="status" className="text-sm text-ink">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="h-10 rounded-full bg-brand px-6 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
