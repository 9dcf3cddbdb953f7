"use client";
// The product editor: bilingual text, category, tags, region, images (uploaded through /api/uploads,
// up to 9, reorderable, alt text), up to 3 options × 20 values, and the SKU matrix generated from
// them (prices in yuan; the server converts to fen and checks everything again). Errors come back
// as "field.path: message" and are shown next to the field they name.
import { useId, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

const MAX_IMAGES = 9;
const MAX_OPTIONS = 3;
const MAX_VALUES = 20;
const MAX_SKUS = 200;

export interface EditorInitial {
  id: string;
  shopId: string;
  titleZh: string;
  titleEn: string;
  subtitleZh: string;
  subtitleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  categoryId: string;
  regionId: string | null;
  tags: string[];
  images: Array<{ url: string; altZh: string; altEn: string }>;
  options: Array<{ nameZh: string; nameEn: string; values: Array<{ valueZh: string; valueEn: string }> }>;
  variants: Array<{
    id: string;
    values: number[];
    price: string;
    compareAtPrice: string;
    memberPrice: string;
    stock: number;
    purchaseLimit: number | null;
    sku: string;
    isActive: boolean;
  }>;
  status: string;
}

interface Choices {
  categories: Array<{ id: string; name: string; parent: string | null }>;
  regions: Array<{ id: string; name: string }>;
}

interface Value {
  uid: string;
  valueZh: string;
  valueEn: string;
}
interface Option {
  uid: string;
  nameZh: string;
  nameEn: string;
  values: Value[];
}
interface Row {
  id?: string;
  loadedStock?: number;
  price: string;
  compareAtPrice: string;
  memberPrice: string;
  stock: string;
  purchaseLimit: string;
  sku: string;
  isActive: boolean;
}
interface Image {
  key: string;
  url: string | null;
  preview: string;
  altZh: string;
  altEn: string;
}

let uidCounter = 0;
const uid = (prefix: string) => `${prefix}${++uidCounter}-${Math.random().toString(36).slice(2, 7)}`;

const EMPTY_ROW: Row = { price: "", compareAtPrice: "", memberPrice: "", stock: "0", purchaseLimit: "", sku: "", isActive: true };

/** Every combination of one value per option, first option varying slowest. */
function combinations(options: Option[]): Value[][] {
  return options.reduce<Value[][]>((combos, o) => combos.flatMap((c) => o.values.map((v) => [...c, v])), [[]]);
}

/** "variants.3.price: must be …; titleZh: is required" → { "variants.3.price": "must be …", … } */
function parseErrors(message: string): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const part of message.split("; ")) {
    const m = /^([A-Za-z]+(?:\.[A-Za-z0-9]+)*): (.+)$/.exec(part);
    if (m) fields[m[1]!] ??= m[2]!;
    else general.push(part);
  }
  return { fields, general };
}

export function ProductEditor({
  shops,
  choices,
  initial,
}: {
  shops: Array<{ id: string; name: string }>;
  choices: Choices;
  initial: EditorInitial | null;
}) {
  const t = useTranslations("merchant.editor");
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const create = useMutation(trpc.merchant.create.mutationOptions());
  const update = useMutation(trpc.merchant.update.mutationOptions());
  const submit = useMutation(trpc.merchant.submit.mutationOptions());

  const [shopId, setShopId] = useState(initial?.shopId ?? shops[0]?.id ?? "");
  const [text, setText] = useState({
    titleZh: initial?.titleZh ?? "",
    titleEn: initial?.titleEn ?? "",
    subtitleZh: initial?.subtitleZh ?? "",
    subtitleEn: initial?.subtitleEn ?? "",
    descriptionZh: initial?.descriptionZh ?? "",
    descriptionEn: initial?.descriptionEn ?? "",
  });
  const [categoryId, setCategoryId] = useState(initial?.categoryId ?? "");
  const [regionId, setRegionId] = useState(initial?.regionId ?? "");
  const [tags, setTags] = useState((initial?.tags ?? []).join(", "));
  const [images, setImages] = useState<Image[]>(() => (initial?.images ?? []).map((img) => ({ key: uid("i"), url: img.url, preview: img.url, altZh: img.altZh, altEn: img.altEn })));
  const [options, setOptions] = useState<Option[]>(() =>
    (initial?.options ?? []).map((o) => ({ uid: uid("o"), nameZh: o.nameZh, nameEn: o.nameEn, values: o.values.map((v) => ({ uid: uid("v"), ...v })) })),
  );
  const [rows, setRows] = useState<Map<string, Row>>(() => {
    const map = new Map<string, Row>();
    for (const v of initial?.variants ?? []) {
      const key = v.values.map((vi, oi) => options[oi]?.values[vi]?.uid ?? "?").join("|");
      map.set(key, {
        id: v.id,
        loadedStock: v.stock,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        memberPrice: v.memberPrice,
        stock: String(v.stock),
        purchaseLimit: v.purchaseLimit === null ? "" : String(v.purchaseLimit),
        sku: v.sku,
        isActive: v.isActive,
      });
    }
    return map;
  });
  const [uploading, setUploading] = useState(0);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: string[] }>({ fields: {}, general: [] });
  const [saved, setSaved] = useState<string | null>(null);
  const [bulk, setBulk] = useState({ price: "", stock: "" });
  const fileRef = useRef<HTMLInputElement>(null);

  const combos = useMemo(() => combinations(options), [options]);
  const tooMany = combos.length > MAX_SKUS;
  const matrix = useMemo(() => (tooMany ? [] : combos.map((combo) => ({ key: combo.map((v) => v.uid).join("|"), combo }))), [combos, tooMany]);
  const rowOf = (key: string) => rows.get(key) ?? EMPTY_ROW;
  const setRow = (key: string, patch: Partial<Row>) => setRows((m) => new Map(m).set(key, { ...rowOf(key), ...patch }));

  const err = (path: string) => errors.fields[path];
  const busy = create.isPending || update.isPending || submit.isPending || uploading > 0;
  const field = "h-10 w-full rounded-lg border border-line bg-white px-3 text-sm outline-none focus:border-brand aria-invalid:border-brand";
  const cell = "h-9 w-full min-w-[5.5rem] rounded-md border border-line bg-white px-2 text-sm outline-none focus:border-brand aria-invalid:border-brand";

  // ───── images ─────
  async function uploadOne(file: File, key: string) {
    const form = new FormData();
    form.append("file", file);
    try {
      const res = await fetch("/api/uploads", { method: "POST", body: form });
      const data = (await res.json().catch(() => ({}))) as { url?: string; error?: string };
      if (!res.ok || !data.url) throw new Error(data.error ?? res.statusText);
      setImages((list) => list.map((img) => (img.key === key ? { ...img, url: data.url! } : img)));
    } catch (e) {
      setImages((list) => list.filter((img) => img.key !== key));
      setErrors((prev) => ({ ...prev, fields: { ...prev.fields, images: t("uploadFailed", { reason: e instanceof Error ? e.message : "" }) } }));
    } finally {
      setUploading((n) => n - 1);
    }
  }
  function onPick(e: React.ChangeEvent<HTMLInputElement>) {
    const files = Array.from(e.target.files ?? []);
    e.target.value = "";
    const room = MAX_IMAGES - images.length;
    const accepted = files.slice(0, Math.max(0, room));
    if (files.length > room) setErrors((prev) => ({ ...prev, fields: { ...prev.fields, images: t("tooManyImages", { max: MAX_IMAGES }) } }));
    const added = accepted.map((file) => ({ key: uid("i"), url: null, preview: URL.createObjectURL(file), altZh: "", altEn: "" }));
    setImages((list) => [...list, ...added]);
    setUploading((n) => n + accepted.length);
    accepted.forEach((file, i) => void uploadOne(file, added[i]!.key));
  }
  function moveImage(i: number, by: number) {
    setImages((list) => {
      const next = [...list];
      const j = i + by;
      if (j < 0 || j >= next.length) return list;
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  }

  // ───── options ─────
  const setOption = (oi: number, patch: Partial<Option>) => setOptions((list) => list.map((o, i) => (i === oi ? { ...o, ...patch } : o)));
  const setValue = (oi: number, vi: number, patch: Partial<Value>) =>
    setOptions((list) => list.map((o, i) => (i === oi ? { ...o, values: o.values.map((v, j) => (j === vi ? { ...v, ...patch } : v)) } : o)));

  function input() {
    return {
      ...text,
      categoryId,
      regionId: regionId || null,
      tags: tags
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      images: images.filter((img) => img.url).map((img) => ({ url: img.url!, altZh: img.altZh, altEn: img.altEn })),
      options: options.map((o) => ({ nameZh: o.nameZh, nameEn: o.nameEn, values: o.values.map((v) => ({ valueZh: v.valueZh, valueEn: v.valueEn })) })),
      variants: matrix.map(({ key, combo }) => {
        const r = rowOf(key);
        const stock = r.stock.trim() === "" ? Number.NaN : Number(r.stock);
        const limit = r.purchaseLimit.trim() === "" ? null : Number(r.purchaseLimit);
        return {
          ...(r.id ? { id: r.id, loadedStock: r.loadedStock } : {}),
          values: combo.map((v, oi) => options[oi]!.values.findIndex((x) => x.uid === v.uid)),
          price: r.price,
          compareAtPrice: r.compareAtPrice,
          memberPrice: r.memberPrice,
          stock,
          purchaseLimit: limit,
          sku: r.sku,
          isActive: r.isActive,
        };
      }),
    };
  }

  async function save(andSubmit: boolean) {
    setErrors({ fields: {}, general: [] });
    setSaved(null);
    try {
      const result = initial ? await update.mutateAsync({ ...input(), productId: initial.id }) : await create.mutateAsync({ ...input(), shopId });
      if (andSubmit && result.status !== "ACTIVE") await submit.mutateAsync({ productId: result.id });
      if (initial) {
        setSaved(t("saved"));
        router.refresh();
      } else {
        router.push(`/seller/products/${result.id}/edit`);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : t("genericError");
      setErrors(parseErrors(message));
    }
  }

  const errorList = [...errors.general, ...Object.entries(errors.fields).map(([k, v]) => `${k}: ${v}`)];
  const Err = ({ path }: { path: string }) =>
    err(path) ? (
      <p id={`${formId}-${path}`} className="mt-1 text-xs text-brand-dark">
        {err(path)}
      </p>
    ) : null;
  const described = (path: string) => (err(path) ? { "aria-invalid": true as const, "aria-describedby": `${formId}-${path}` } : {});

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      className="space-y-4"
    >
      {errorList.length > 0 && (
        <div role="alert" className="rounded-xl bg-brand-soft p-3 text-sm text-brand-dark">
          <p className="font-semibold">{t("fixErrors")}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {errorList.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {saved && (
        <p role="status" className="rounded-xl bg-green-50 p-3 text-sm text-green-800">
          {saved}
        </p>
      )}

      <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <h2 className="font-semibold">{t("basics")}</h2>
        {!initial && shops.length > 1 && (
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("shop")}</span>
            <select value={shopId} onChange={(e) => setShopId(e.target.value)} className={field}>
              {shops.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          {(["titleZh", "titleEn", "subtitleZh", "subtitleEn"] as const).map((k) => (
            <label key={k} className="block text-sm">
              <span className="mb-1 block font-medium">
                {t(k)} {k === "titleZh" && <span className="text-brand">*</span>}
              </span>
              <input value={text[k]} onChange={(e) => setText({ ...text, [k]: e.target.value })} maxLength={k.startsWith("title") ? 120 : 200} className={field} {...described(k)} />
              <Err path={k} />
            </label>
          ))}
          {(["descriptionZh", "descriptionEn"] as const).map((k) => (
            <label key={k} className="block text-sm">
              <span className="mb-1 block font-medium">{t(k)}</span>
              <textarea value={text[k]} onChange={(e) => setText({ ...text, [k]: e.target.value })} rows={4} maxLength={8000} className={`${field} h-auto py-2`} {...described(k)} />
              <Err path={k} />
            </label>
          ))}
        </div>
        <p className="text-xs text-muted">{t("fallbackHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm">
            <span className="mb-1 block font-medium">
              {t("category")} <span className="text-brand">*</span>
            </span>
            <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)} className={field} {...described("categoryId")}>
              <option value="">{t("chooseCategory")}</option>
              {[...new Set(choices.categories.map((c) => c.parent ?? ""))].map((parent) => (
                <optgroup key={parent} label={parent || t("topLevel")}>
                  {choices.categories
                    .filter((c) => (c.parent ?? "") === parent)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <Err path="categoryId" />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("region")}</span>
            <select value={regionId} onChange={(e) => setRegionId(e.target.value)} className={field} {...described("regionId")}>
              <option value="">{t("noRegion")}</option>
              {choices.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <Err path="regionId" />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("tags")}</span>
            <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t("tagsPlaceholder")} className={field} {...described("tags")} />
            <Err path="tags" />
          </label>
        </div>
      </section>

      <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <div className="flex items-center justify-between gap-2">
          <h2 className="font-semibold">{t("images", { count: images.length, max: MAX_IMAGES })}</h2>
          <button
            type="button"
            onClick={() => fileRef.current?.click()}
            disabled={images.length >= MAX_IMAGES}
            className="h-9 rounded-full border border-brand px-4 text-sm font-semibold text-brand hover:bg-brand-soft disabled:opacity-50"
          >
            {t("addImages")}
          </button>
          <input ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp,image/gif" multiple onChange={onPick} className="sr-only" aria-label={t("addImages")} data-testid="image-input" />
        </div>
        <p className="text-xs text-muted">{t("imagesHint")}</p>
        <Err path="images" />
        {images.length > 0 && (
          <ol className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {images.map((img, i) => (
              <li key={img.key} className="space-y-1 rounded-lg p-2 ring-1 ring-line">
                <img src={img.preview} alt={img.altZh || t("imageN", { n: i + 1 })} className={`aspect-square w-full rounded-md object-cover ${img.url ? "" : "opacity-50"}`} />
                {!img.url && <p className="text-xs text-muted">{t("uploading")}</p>}
                {i === 0 && <p className="text-xs font-semibold text-brand">{t("cover")}</p>}
                <input value={img.altZh} onChange={(e) => setImages((l) => l.map((x) => (x.key === img.key ? { ...x, altZh: e.target.value } : x)))} placeholder={t("altZh")} aria-label={`${t("altZh")} ${i + 1}`} maxLength={120} className={cell} />
                <input value={img.altEn} onChange={(e) => setImages((l) => l.map((x) => (x.key === img.key ? { ...x, altEn: e.target.value } : x)))} placeholder={t("altEn")} aria-label={`${t("altEn")} ${i + 1}`} maxLength={120} className={cell} />
                <div className="flex gap-1 text-xs">
                  <button type="button" onClick={() => moveImage(i, -1)} disabled={i === 0} aria-label={t("moveLeft", { n: i + 1 })} className="h-8 flex-1 rounded-md ring-1 ring-line disabled:opacity-40">
                    ←
                  </button>
                  <button type="button" onClick={() => moveImage(i, 1)} disabled={i === images.length - 1} aria-label={t("moveRight", { n: i + 1 })} className="h-8 flex-1 rounded-md ring-1 ring-line disabled:opacity-40">
                    →
                  </button>
                  <button type="button" onClick={() => setImages((l) => l.filter((x) => x.key !== img.key))} aria-label={t("removeImage", { n: i + 1 })} className="h-8 flex-1 rounded-md text-brand-dark ring-1 ring-line">
                    ✕
                  </button>
                </div>
                <Err path={`images.${i}.url`} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <div className="flex items-center justify-between gap-2">
          <h2 className="font-semibold">{t("options")}</h2>
          <button
            type="button"
            onClick={() => setOptions((l) => [...l, { uid: uid("o"), nameZh: "", nameEn: "", values: [{ uid: uid("v"), valueZh: "", valueEn: "" }] }])}
            disabled={options.length >= MAX_OPTIONS}
            className="h-9 rounded-full border border-brand px-4 text-sm font-semibold text-brand hover:bg-brand-soft disabled:opacity-50"
          >
            {t("addOption")}
          </button>
        </div>
        <p className="text-xs text-muted">{t("optionsHint", { options: MAX_OPTIONS, values: MAX_VALUES, skus: MAX_SKUS })}</p>
        <Err path="options" />
        {options.map((o, oi) => (
          <fieldset key={o.uid} className="space-y-2 rounded-lg p-3 ring-1 ring-line">
            <legend className="px-1 text-sm font-semibold">{t("optionN", { n: oi + 1 })}</legend>
            <div className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]">
              <input value={o.nameZh} onChange={(e) => setOption(oi, { nameZh: e.target.value })} placeholder={t("optionNameZh")} aria-label={`${t("optionNameZh")} ${oi + 1}`} maxLength={20} className={field} {...described(`options.${oi}.nameZh`)} />
              <input value={o.nameEn} onChange={(e) => setOption(oi, { nameEn: e.target.value })} placeholder={t("optionNameEn")} aria-label={`${t("optionNameEn")} ${oi + 1}`} maxLength={30} className={field} />
              <button type="button" onClick={() => setOptions((l) => l.filter((x) => x.uid !== o.uid))} className="h-10 rounded-lg px-3 text-sm text-brand-dark ring-1 ring-line">
                {t("removeOption")}
              </button>
            </div>
            <Err path={`options.${oi}.nameZh`} />
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {o.values.map((v, vi) => (
                <li key={v.uid} className="flex gap-1">
                  <input value={v.valueZh} onChange={(e) => setValue(oi, vi, { valueZh: e.target.value })} placeholder={t("valueZh")} aria-label={t("valueLabel", { option: oi + 1, n: vi + 1 })} maxLength={30} className={cell} {...described(`options.${oi}.values.${vi}.valueZh`)} />
                  <input value={v.valueEn} onChange={(e) => setValue(oi, vi, { valueEn: e.target.value })} placeholder={t("valueEn")} aria-label={t("valueEnLabel", { option: oi + 1, n: vi + 1 })} maxLength={40} className={cell} />
                  <button
                    type="button"
                    onClick={() => setOption(oi, { values: o.values.filter((x) => x.uid !== v.uid) })}
                    disabled={o.values.length <= 1}
                    aria-label={t("removeValue", { option: oi + 1, n: vi + 1 })}
                    className="h-9 shrink-0 rounded-md px-2 text-sm ring-1 ring-line disabled:opacity-40"
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
            <Err path={`options.${oi}.values`} />
            <button
              type="button"
              onClick={() => setOption(oi, { values: [...o.values, { uid: uid("v"), valueZh: "", valueEn: "" }] })}
              disabled={o.values.length >= MAX_VALUES}
              className="h-8 rounded-full px-3 text-sm text-brand ring-1 ring-brand disabled:opacity-50"
            >
              {t("addValue")}
            </button>
          </fieldset>
        ))}
      </section>

      <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
        <h2 className="font-semibold">{t("skus", { count: matrix.length })}</h2>
        {tooMany ? (
          <p role="alert" className="text-sm text-brand-dark">
            {t("tooManySkus", { count: combos.length, max: MAX_SKUS })}
          </p>
        ) : (
          <>
            <div className="flex flex-wrap items-end gap-2 text-sm">
              <label>
                <span className="mb-1 block text-xs text-muted">{t("allPrices")}</span>
                <input value={bulk.price} onChange={(e) => setBulk({ ...bulk, price: e.target.value })} inputMode="decimal" className={cell} />
              </label>
              <label>
                <span className="mb-1 block text-xs text-muted">{t("allStock")}</span>
                <input value={bulk.stock} onChange={(e) => setBulk({ ...bulk, stock: e.target.value })} inputMode="numeric" className={cell} />
              </label>
              <button
                type="button"
                onClick={() =>
                  setRows((m) => {
                    const next = new Map(m);
                    for (const { key } of matrix) {
                      const r = next.get(key) ?? EMPTY_ROW;
                      next.set(key, { ...r, ...(bulk.price ? { price: bulk.price } : {}), ...(bulk.stock ? { stock: bulk.stock } : {}) });
                    }
                    return next;
                  })
                }
                className="h-9 rounded-full border border-brand px-4 font-semibold text-brand"
              >
                {t("applyAll")}
              </button>
            </div>
            <Err path="variants" />
            <div className="-mx-4 overflow-x-auto px-4">
              <table className="w-full min-w-[56rem] text-left text-sm">
                <thead className="text-xs text-muted">
                  <tr>
                    <th className="py-2 pr-2 font-medium">{t("sku")}</th>
                    <th className="px-1 font-medium">{t("price")} *</th>
                    <th className="px-1 font-medium">{t("compareAtPrice")}</th>
                    <th className="px-1 font-medium">{t("memberPrice")}</th>
                    <th className="px-1 font-medium">{t("stock")}</th>
                    <th className="px-1 font-medium">{t("purchaseLimit")}</th>
                    <th className="px-1 font-medium">{t("skuCode")}</th>
                    <th className="px-1 font-medium">{t("active")}</th>
                  </tr>
                </thead>
                <tbody>
                  {matrix.map(({ key, combo }, i) => {
                    const r = rowOf(key);
                    const label = combo.length > 0 ? combo.map((v) => v.valueZh || "?").join(" / ") : t("singleSku");
                    const p = `variants.${i}`;
                    return (
                      <tr key={key} className="border-t border-line align-top">
                        <th scope="row" className="py-2 pr-2 font-medium">
                          {label}
                        </th>
                        {(["price", "compareAtPrice", "memberPrice", "stock", "purchaseLimit", "sku"] as const).map((k) => (
                          <td key={k} className="px-1 py-1">
                            <input
                              value={r[k]}
                              onChange={(e) => setRow(key, { [k]: e.target.value })}
                              inputMode={k === "sku" ? "text" : k === "stock" || k === "purchaseLimit" ? "numeric" : "decimal"}
                              placeholder={k === "sku" ? t("skuAuto") : k === "price" ? "0.00" : ""}
                              aria-label={`${t(k === "sku" ? "skuCode" : k)} ${label}`}
                              className={cell}
                              {...described(`${p}.${k}`)}
                            />
                            <Err path={`${p}.${k}`} />
                          </td>
                        ))}
                        <td className="px-1 py-1 text-center">
                          <input type="checkbox" checked={r.isActive} onChange={(e) => setRow(key, { isActive: e.target.checked })} aria-label={`${t("active")} ${label}`} className="mt-2 h-5 w-5 accent-brand" />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className="text-xs text-muted">{t("pricesHint")}</p>
          </>
        )}
      </section>

      <div className="sticky bottom-0 flex flex-wrap gap-2 border-t border-line bg-white/95 py-3">
        <button type="submit" disabled={busy || tooMany} className="h-10 rounded-full border border-brand px-5 text-sm font-semibold text-brand hover:bg-brand-soft disabled:opacity-50">
          {busy ? t("saving") : initial?.status === "ACTIVE" ? t("saveActive") : t("saveDraft")}
        </button>
        {initial?.status !== "ACTIVE" && (
          <button type="button" onClick={() => void save(true)} disabled={busy || tooMany} className="h-10 rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-50">
            {t("saveAndSubmit")}
          </button>
        )}
        {uploading > 0 && <span className="self-center text-xs text-muted">{t("waitUploads")}</span>}
      </div>
    </form>
  );
}
