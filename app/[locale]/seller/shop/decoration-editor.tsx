"use client";
// The decoration editor: add / remove / reorder sections, edit each one's settings, and see the
// page as it will look. The preview runs the same pure code as the public page (resolveSections and
// the sanitiser in server/shop/*), over the shop's products loaded with the editor. Publishing
// replaces all sections in one transaction; the server validates again and names the section and
// field of any error ("sections.2.config.productIds: ...").
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Link } from "@/app/_i18n/navigation";
import { formatFen, pick } from "@/app/_lib/format";
import { ShopSections } from "@/app/_components/shop-sections/shop-sections";
import {
  isBannerImageShape,
  MAX_CATEGORY_PRODUCTS,
  MAX_FEATURED,
  MAX_RICH_TEXT_BYTES,
  MAX_SECTIONS,
  resolveSections,
  sectionInput,
  type DecorationEditor as EditorData,
  type SectionDraft,
  type SectionInput,
  type SectionKind,
} from "@/server/shop/decoration.schema";

type Draft = SectionDraft & { key: string };
type DraftOf<K extends SectionKind> = Extract<SectionDraft, { kind: K }>;

const KINDS: SectionKind[] = ["BANNER", "FEATURED_PRODUCTS", "COUPON_STRIP", "CATEGORY_BLOCK", "RICH_TEXT"];

let seq = 0;
const newKey = () => `s${Date.now().toString(36)}${(seq++).toString(36)}`;

function bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

function emptySection(kind: SectionKind, data: EditorData): SectionDraft {
  switch (kind) {
    case "BANNER":
      return { kind, config: { imageUrl: data.artUrls[0] ?? "", headline: "", link: null } };
    case "FEATURED_PRODUCTS":
      return { kind, config: { title: "", productIds: Object.keys(data.catalogue.products).slice(0, 4) } };
    case "COUPON_STRIP":
      return { kind, config: { title: "" } };
    case "CATEGORY_BLOCK":
      return { kind, config: { title: "", categoryId: Object.keys(data.catalogue.categories)[0] ?? "", limit: 6 } };
    case "RICH_TEXT":
      return { kind, config: { html: "" } };
  }
}

export function DecorationEditor({ initial, locale, couponSlot }: { initial: EditorData; locale: string; couponSlot: React.ReactNode }) {
  const t = useTranslations("decoration");
  const trpc = useTRPC();
  const [drafts, setDrafts] = useState<Draft[]>(() => initial.sections.map((s) => ({ ...s, key: newKey() }) as Draft));
  const [addKind, setAddKind] = useState<SectionKind>("RICH_TEXT");
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const publish = useMutation(trpc.shop.decoration.publish.mutationOptions());

  const checked = useMemo(
    () =>
      drafts.map((d) => {
        const { key: _key, ...section } = d;
        void _key;
        const parsed = sectionInput.safeParse(section);
        return parsed.success
          ? { ok: true as const, value: parsed.data }
          : { ok: false as const, errors: parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) };
      }),
    [drafts],
  );
  const preview = useMemo(
    () =>
      resolveSections(
        checked.flatMap((c) => (c.ok ? [c.value] : [])),
        initial.catalogue,
        isBannerImageShape,
      ),
    [checked, initial.catalogue],
  );

  function update(key: string, next: SectionDraft) {
    setStatus(null);
    setDrafts((list) => list.map((d) => (d.key === key ? ({ ...next, key } as Draft) : d)));
  }
  function move(index: number, by: -1 | 1) {
    setStatus(null);
    setDrafts((list) => {
      const j = index + by;
      if (j < 0 || j >= list.length) return list;
      const copy = [...list];
      [copy[index], copy[j]] = [copy[j]!, copy[index]!];
      return copy;
    });
  }
  function remove(key: string) {
    setStatus(null);
    setDrafts((list) => list.filter((d) => d.key !== key));
  }
  function add() {
    if (drafts.length >= MAX_SECTIONS) return;
    setStatus(null);
    setDrafts((list) => [...list, { ...emptySection(addKind, initial), key: newKey() } as Draft]);
  }

  async function onPublish() {
    setStatus(null);
    try {
      const sections = drafts.map(({ key: _key, ...s }) => {
        void _key;
        return s as SectionInput;
      });
      const res = await publish.mutateAsync({ shopId: initial.shop.id, sections });
      setStatus({ kind: "ok", text: t("published", { count: res.count }) });
    } catch (err) {
      setStatus({ kind: "error", text: err instanceof Error && err.message ? err.message : t("error") });
    }
  }

  const invalid = checked.some((c) => !c.ok);
  const shopName = pick(locale, initial.shop.nameZh, initial.shop.nameEn);

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <div className="flex flex-col gap-3">
        <ol className="flex flex-col gap-3" aria-label={t("sections")}>
          {drafts.map((d, i) => (
            <li key={d.key} className="rounded-2xl bg-white p-3 ring-1 ring-line" data-testid="section-editor">
              <div className="mb-2 flex items-center justify-between gap-2">
                <h2 className="text-sm font-semibold">
                  {i + 1}. {t(`kind.${d.kind}`)}
                </h2>
                <div className="flex gap-1">
                  <button type="button" onClick={() => move(i, -1)} disabled={i === 0} className="h-8 w-8 rounded-lg ring-1 ring-line disabled:opacity-40" aria-label={t("moveUp")}>
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => move(i, 1)}
                    disabled={i === drafts.length - 1}
                    className="h-8 w-8 rounded-lg ring-1 ring-line disabled:opacity-40"
                    aria-label={t("moveDown")}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => remove(d.key)} className="h-8 rounded-lg px-2 text-xs text-brand ring-1 ring-line" aria-label={t("removeSection", { n: i + 1 })}>
                    {t("remove")}
                  </button>
                </div>
              </div>
              <SectionForm draft={d} data={initial} locale={locale} onChange={(next) => update(d.key, next)} index={i} />
              {!checked[i]!.ok && (
                <ul className="mt-2 text-xs text-brand-dark" role="alert">
                  {checked[i]!.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
        {drafts.length === 0 && <p className="rounded-2xl bg-white px-4 py-6 text-center text-sm text-muted ring-1 ring-line">{t("noSections")}</p>}

        <div className="flex flex-wrap items-center gap-2 rounded-2xl bg-white p-3 ring-1 ring-line">
          <label className="text-sm" htmlFor="add-kind">
            {t("addLabel")}
          </label>
          <select id="add-kind" value={addKind} onChange={(e) => setAddKind(e.target.value as SectionKind)} className="h-9 rounded-lg border border-line bg-white px-2 text-sm">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          <button type="button" onClick={add} disabled={drafts.length >= MAX_SECTIONS} className="h-9 rounded-lg bg-ink px-3 text-sm font-medium text-white disabled:opacity-50">
            {t("add")}
          </button>
          <span className="text-xs text-muted">{t("sectionCount", { count: drafts.length, max: MAX_SECTIONS })}</span>
        </div>

        <div className="sticky bottom-2 flex flex-wrap items-center gap-3 rounded-2xl bg-white p-3 shadow-md ring-1 ring-line">
          <button
            type="button"
            onClick={() => void onPublish()}
            disabled={publish.isPending || invalid}
            className="h-10 rounded-full bg-brand px-6 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-50"
          >
            {publish.isPending ? t("publishing") : t("publish")}
          </button>
          {invalid && <span className="text-xs text-muted">{t("fixErrors")}</span>}
          {status && (
            <span role={status.kind === "error" ? "alert" : "status"} className={`text-sm ${status.kind === "error" ? "text-brand-dark" : "text-emerald-700"}`}>
              {status.text}
              {status.kind === "ok" && (
                <>
                  {" "}
                  <Link href={`/s/${initial.shop.slug}`} className="underline">
                    {t("openShop")}
                  </Link>
                </>
              )}
            </span>
          )}
        </div>
      </div>

      <section aria-label={t("preview")} className="min-w-0 rounded-2xl bg-canvas p-2 ring-1 ring-line sm:p-3" data-testid="decoration-preview">
        <h2 className="mb-1 text-sm font-semibold text-muted">{t("preview")}</h2>
        {preview.length === 0 ? (
          <p className="px-4 py-10 text-center text-sm text-muted">{t("previewEmpty")}</p>
        ) : (
          <ShopSections sections={preview} locale={locale} shopName={shopName} pricing={{ prices: {}, isMember: false }} couponSlot={couponSlot} />
        )}
      </section>
    </div>
  );
}

const INPUT = "h-9 w-full rounded-lg border border-line bg-white px-2 text-sm";

function Field({ label, children, hint }: { label: string; children: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <label className="mt-2 block text-xs text-muted">
      <span className="mb-1 block">{label}</span>
      {children}
      {hint && <span className="mt-0.5 block">{hint}</span>}
    </label>
  );
}

function SectionForm({ draft, data, locale, onChange, index }: { draft: Draft; data: EditorData; locale: string; onChange: (d: SectionDraft) => void; index: number }) {
  switch (draft.kind) {
    case "BANNER":
      return <BannerForm draft={draft} data={data} locale={locale} onChange={onChange} index={index} />;
    case "FEATURED_PRODUCTS":
      return <FeaturedForm draft={draft} data={data} locale={locale} onChange={onChange} />;
    case "COUPON_STRIP":
      return <CouponForm draft={draft} onChange={onChange} />;
    case "CATEGORY_BLOCK":
      return <CategoryForm draft={draft} data={data} locale={locale} onChange={onChange} />;
    case "RICH_TEXT":
      return <RichTextForm draft={draft} onChange={onChange} index={index} />;
  }
}

function BannerForm({ draft, data, locale, onChange, index }: { draft: DraftOf<"BANNER">; data: EditorData; locale: string; onChange: (d: SectionDraft) => void; index: number }) {
  const t = useTranslations("decoration");
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const c = draft.config;
  const set = (patch: Partial<DraftOf<"BANNER">["config"]>) => onChange({ kind: "BANNER", config: { ...c, ...patch } });
  const link = c.link ?? null;
  const linkValue = link ? (link.type === "product" ? `p:${link.productId}` : `c:${link.categoryId}`) : "";

  async function upload(file: File) {
    setUploading(true);
    setUploadError(null);
    try {
      const form = new FormData();
      form.append("file", file);
      form.append("kind", "image");
      const res = await fetch("/api/uploads", { method: "POST", body: form });
      const body = (await res.json().catch(() => ({}))) as { url?: string; error?: string };
      if (!res.ok || !body.url) throw new Error(body.error ?? res.statusText);
      set({ imageUrl: body.url });
    } catch (err) {
      setUploadError(t("uploadFailed", { reason: err instanceof Error ? err.message : "" }));
    } finally {
      setUploading(false);
    }
  }

  const choices = [...new Set([...(c.imageUrl && !data.artUrls.includes(c.imageUrl) ? [c.imageUrl] : []), ...data.artUrls])];
  return (
    <div>
      <fieldset>
        <legend className="text-xs text-muted">{t("bannerImage")}</legend>
        <div className="mt-1 grid grid-cols-3 gap-1.5">
          {choices.map((url) => (
            <label key={url} className={`cursor-pointer overflow-hidden rounded-lg ring-2 ${url === c.imageUrl ? "ring-brand" : "ring-transparent"}`}>
              <input type="radio" name={`banner-${index}`} className="sr-only" checked={url === c.imageUrl} onChange={() => set({ imageUrl: url })} />
              <img src={url} alt="" className="aspect-[16/5] w-full object-cover" />
            </label>
          ))}
        </div>
        <label className="mt-2 inline-flex cursor-pointer items-center gap-2 text-xs text-brand">
          <input type="file" accept="image/jpeg,image/png,image/webp,image/gif" className="sr-only" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
          <span className="rounded-lg px-2 py-1 ring-1 ring-line">{uploading ? t("uploading") : t("upload")}</span>
        </label>
        {uploadError && (
          <p role="alert" className="mt-1 text-xs text-brand-dark">
            {uploadError}
          </p>
        )}
      </fieldset>
      <Field label={t("headline")}>
        <input className={INPUT} value={c.headline ?? ""} maxLength={60} onChange={(e) => set({ headline: e.target.value })} />
      </Field>
      <Field label={t("link")}>
        <select
          className={INPUT}
          value={linkValue}
          onChange={(e) => {
            const v = e.target.value;
            set({ link: v.startsWith("p:") ? { type: "product", productId: v.slice(2) } : v.startsWith("c:") ? { type: "category", categoryId: v.slice(2) } : null });
          }}
        >
          <option value="">{t("noLink")}</option>
          <optgroup label={t("linkCategories")}>
            {Object.values(data.catalogue.categories).map((cat) => (
              <option key={cat.id} value={`c:${cat.id}`}>
                {pick(locale, cat.nameZh, cat.nameEn)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("linkProducts")}>
            {Object.values(data.catalogue.products).map((p) => (
              <option key={p.id} value={`p:${p.id}`}>
                {pick(locale, p.titleZh, p.titleEn)}
              </option>
            ))}
          </optgroup>
        </select>
      </Field>
    </div>
  );
}

function FeaturedForm({ draft, data, locale, onChange }: { draft: DraftOf<"FEATURED_PRODUCTS">; data: EditorData; locale: string; onChange: (d: SectionDraft) => void }) {
  const t = useTranslations("decoration");
  const [filter, setFilter] = useState("");
  const c = draft.config;
  const picked = c.productIds;
  const set = (patch: Partial<DraftOf<"FEATURED_PRODUCTS">["config"]>) => onChange({ kind: "FEATURED_PRODUCTS", config: { ...c, ...patch } });
  const q = filter.trim().toLowerCase();
  const products = Object.values(data.catalogue.products).filter((p) => !q || `${p.titleZh} ${p.titleEn}`.toLowerCase().includes(q));
  function toggle(id: string) {
    set({ productIds: picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id] });
  }
  return (
    <div>
      <Field label={t("sectionTitle")}>
        <input className={INPUT} value={c.title ?? ""} maxLength={40} placeholder={t("featuredDefault")} onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field label={t("pickProducts", { count: picked.length, max: MAX_FEATURED })}>
        <input className={INPUT} value={filter} placeholder={t("filterProducts")} onChange={(e) => setFilter(e.target.value)} type="search" />
      </Field>
      <ul className="mt-1 max-h-56 overflow-y-auto rounded-lg ring-1 ring-line">
        {products.map((p) => (
          <li key={p.id}>
            <label className="flex cursor-pointer items-center gap-2 px-2 py-1 text-xs hover:bg-canvas">
              <input type="checkbox" checked={picked.includes(p.id)} disabled={!picked.includes(p.id) && picked.length >= MAX_FEATURED} onChange={() => toggle(p.id)} />
              {p.imageUrl && <img src={p.imageUrl} alt="" className="h-8 w-8 rounded object-cover" />}
              <span className="line-clamp-1 flex-1">{pick(locale, p.titleZh, p.titleEn)}</span>
              <span className="text-muted">{formatFen(p.minPriceFen)}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CouponForm({ draft, onChange }: { draft: DraftOf<"COUPON_STRIP">; onChange: (d: SectionDraft) => void }) {
  const t = useTranslations("decoration");
  return (
    <div>
      <p className="text-xs text-muted">{t("couponHint")}</p>
      <Field label={t("sectionTitle")}>
        <input className={INPUT} value={draft.config.title ?? ""} maxLength={40} onChange={(e) => onChange({ kind: "COUPON_STRIP", config: { title: e.target.value } })} />
      </Field>
    </div>
  );
}

function CategoryForm({ draft, data, locale, onChange }: { draft: DraftOf<"CATEGORY_BLOCK">; data: EditorData; locale: string; onChange: (d: SectionDraft) => void }) {
  const t = useTranslations("decoration");
  const c = draft.config;
  const set = (patch: Partial<DraftOf<"CATEGORY_BLOCK">["config"]>) => onChange({ kind: "CATEGORY_BLOCK", config: { ...c, ...patch } });
  return (
    <div>
      <Field label={t("category")}>
        <select className={INPUT} value={c.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
          {Object.values(data.catalogue.categories).map((cat) => (
            <option key={cat.id} value={cat.id}>
              {pick(locale, cat.nameZh, cat.nameEn)} ({cat.productIds.length})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("sectionTitle")}>
        <input className={INPUT} value={c.title ?? ""} maxLength={40} onChange={(e) => set({ title: e.target.value })} />
      </Field>
      <Field label={t("productCount", { max: MAX_CATEGORY_PRODUCTS })}>
        <input className={INPUT} type="number" min={1} max={MAX_CATEGORY_PRODUCTS} value={c.limit ?? 6} onChange={(e) => set({ limit: Number(e.target.value) })} />
      </Field>
    </div>
  );
}

function RichTextForm({ draft, onChange, index }: { draft: DraftOf<"RICH_TEXT">; onChange: (d: SectionDraft) => void; index: number }) {
  const t = useTranslations("decoration");
  const size = bytes(draft.config.html);
  return (
    <Field
      label={t("html")}
      hint={
        <span className={size > MAX_RICH_TEXT_BYTES ? "text-brand-dark" : ""}>
          {t("htmlHint")} · {t("bytes", { kb: (size / 1024).toFixed(1), max: MAX_RICH_TEXT_BYTES / 1024 })}
        </span>
      }
    >
      <textarea
        name={`html-${index}`}
        className="min-h-40 w-full rounded-lg border border-line bg-white p-2 font-mono text-xs leading-5"
        value={draft.config.html}
        onChange={(e) => onChange({ kind: "RICH_TEXT", config: { html: e.target.value } })}
      />
    </Field>
  );
}
