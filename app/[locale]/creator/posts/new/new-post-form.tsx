"use client";
// Upload a video and a cover to /api/uploads, attach up to 6 products, then post.create (or
// post.createForShop). Each refusal (renamed executable, oversize, zero-byte) shows next to its field.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";
import { formatFen, pick } from "@/app/_lib/format";

const MAX_PRODUCTS = 6;

type Upload = { state: "idle" } | { state: "uploading" } | { state: "done"; url: string } | { state: "error"; message: string };
interface Picked {
  id: string;
  title: string;
  priceFen: number;
}

async function upload(file: File, kind: "video" | "image"): Promise<string> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file);
  const res = await fetch("/api/uploads", { method: "POST", body: form });
  const body = (await res.json().catch(() => ({}))) as { url?: string; error?: string };
  if (!res.ok || !body.url) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body.url;
}

/** Duration and size from the file itself (the browser decodes the header). */
function videoMeta(file: File): Promise<{ durationMs: number; width: number; height: number }> {
  return new Promise((resolve) => {
    const v = document.createElement("video");
    const url = URL.createObjectURL(file);
    v.preload = "metadata";
    v.onloadedmetadata = () => {
      resolve({ durationMs: Math.max(500, Math.round((v.duration || 1) * 1000)), width: v.videoWidth || 720, height: v.videoHeight || 1280 });
      URL.revokeObjectURL(url);
    };
    v.onerror = () => {
      resolve({ durationMs: 1000, width: 720, height: 1280 });
      URL.revokeObjectURL(url);
    };
    v.src = url;
  });
}

export function NewPostForm({ shops }: { shops: Array<{ id: string; name: string }> }) {
  const t = useTranslations("feed");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [asShop, setAsShop] = useState("");
  const [video, setVideo] = useState<Upload>({ state: "idle" });
  const [meta, setMeta] = useState({ durationMs: 0, width: 720, height: 1280 });
  const [poster, setPoster] = useState<Upload>({ state: "idle" });
  const [caption, setCaption] = useState("");
  const [tags, setTags] = useState("");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Picked[] | null>(null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.post.create.mutationOptions());
  const createForShop = useMutation(trpc.post.createForShop.mutationOptions());
  const pending = create.isPending || createForShop.isPending;

  async function onVideo(file: File | undefined) {
    if (!file) return;
    setVideo({ state: "uploading" });
    try {
      const [url, m] = await Promise.all([upload(file, "video"), videoMeta(file)]);
      setMeta(m);
      setVideo({ state: "done", url });
    } catch (err) {
      setVideo({ state: "error", message: err instanceof Error ? err.message : t("error") });
    }
  }

  async function onPoster(file: File | undefined) {
    if (!file) return;
    setPoster({ state: "uploading" });
    try {
      setPoster({ state: "done", url: await upload(file, "image") });
    } catch (err) {
      setPoster({ state: "error", message: err instanceof Error ? err.message : t("error") });
    }
  }

  async function search() {
    const q = query.trim();
    if (!q) return;
    try {
      const res = await queryClient.fetchQuery(trpc.search.query.queryOptions({ q, tab: "products", pageSize: 8 }));
      setResults(res.products.map((p) => ({ id: p.id, title: pick(locale, p.titleZh, p.titleEn), priceFen: p.minPriceFen })));
    } catch {
      setResults([]);
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFieldErrors({});
    setFormError(null);
    const errors: Record<string, string> = {};
    if (video.state !== "done") errors.videoUrl = t("chooseVideo");
    if (poster.state !== "done") errors.posterUrl = t("choosePoster");
    if (video.state !== "done" || poster.state !== "done") {
      setFieldErrors(errors);
      return;
    }
    const input = {
      caption,
      hashtags: tags.split(/[\s,，]+/).map((s) => s.replace(/^#+/, "")).filter(Boolean),
      videoUrl: video.url,
      posterUrl: poster.url,
      durationMs: meta.durationMs || 1000,
      width: meta.width,
      height: meta.height,
      productIds: picked.map((p) => p.id),
    };
    try {
      const { id } = asShop ? await createForShop.mutateAsync({ ...input, shopId: asShop }) : await create.mutateAsync(input);
      router.push(`/v/${id}`);
    } catch (err) {
      const data = (err as { data?: { fieldErrors?: Record<string, string[]> | null } }).data;
      const fe = data?.fieldErrors ?? null;
      if (fe && Object.keys(fe).length) setFieldErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k, v?.[0] ?? ""])));
      setFormError(err instanceof Error ? err.message : t("error"));
    }
  }

  const uploadNote = (u: Upload, field: string) => (
    <>
      {u.state === "uploading" ? <span className="text-xs text-muted">{t("uploading")}</span> : null}
      {u.state === "done" ? <span className="text-xs text-green-700">{t("uploaded")}</span> : null}
      {u.state === "error" || fieldErrors[field] ? (
        <span role="alert" data-testid={`${field}-error`} className="text-xs text-brand-dark">
          {u.state === "error" ? u.message : fieldErrors[field]}
        </span>
      ) : null}
    </>
  );

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-5 rounded-2xl bg-white p-4 sm:p-6" noValidate>
      {shops.length > 0 ? (
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{t("postAs")}</span>
          <select value={asShop} onChange={(e) => setAsShop(e.target.value)} className="block w-full rounded-lg border border-line px-3 py-2">
            <option value="">{t("asCreator")}</option>
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {t("asShop", { name: s.name })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="space-y-1 text-sm">
        <label htmlFor="post-video" className="font-medium">
          {t("videoField")}
        </label>
        <input id="post-video" name="video" type="file" accept="video/mp4,video/webm" onChange={(e) => void onVideo(e.target.files?.[0])} className="block w-full text-sm" />
        <div className="flex flex-col">{uploadNote(video, "videoUrl")}</div>
        {video.state === "done" ? <video src={video.url} controls muted playsInline className="mt-2 max-h-64 rounded-lg bg-black" /> : null}
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="post-poster" className="font-medium">
          {t("posterField")}
        </label>
        <input id="post-poster" name="poster" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void onPoster(e.target.files?.[0])} className="block w-full text-sm" />
        <div className="flex flex-col">{uploadNote(poster, "posterUrl")}</div>
        { }
        {poster.state === "done" ? <img src={poster.url} alt="" className="mt-2 max-h-40 rounded-lg" /> : null}
      </div>
      <label className="block space-y-1 text-sm">
        <span className="font-medium">{t("captionField")}</span>
        <textarea value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={500} rows={3} className="block w-full rounded-lg border border-line px-3 py-2" />
        {fieldErrors.caption ? <span role="alert" className="text-xs text-brand-dark">{fieldErrors.caption}</span> : null}
      </label>
      <label className="block space-y-1 text-sm">
        <span className="font-medium">{t("hashtagsField")}</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} className="block w-full rounded-lg border border-line px-3 py-2" />
        {fieldErrors.hashtags ? <span role="alert" className="text-xs text-brand-dark">{fieldErrors.hashtags}</span> : null}
      </label>
      <div className="space-y-2 text-sm">
        <span className="font-medium">{t("productsField")}</span>
        <ul className="space-y-1">
          {picked.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-2 rounded-lg bg-canvas px-3 py-1.5">
              <span className="truncate">
                {p.title} · {formatFen(p.priceFen)}
              </span>
              <button type="button" onClick={() => setPicked(picked.filter((x) => x.id !== p.id))} className="text-xs text-brand">
                {t("removeProduct")}
              </button>
            </li>
          ))}
        </ul>
        <div className="flex gap-2">
          <input
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void search();
              }
            }}
            aria-label={t("productSearch")}
            placeholder={t("productSearch")}
            className="min-w-0 flex-1 rounded-lg border border-line px-3 py-2"
          />
          <button type="button" onClick={() => void search()} className="rounded-lg bg-ink px-3 py-2 text-white">
            {t("productSearch")}
          </button>
        </div>
        {results && results.length === 0 ? <p className="text-xs text-muted">{t("noResults")}</p> : null}
        {results && results.length > 0 ? (
          <ul className="max-h-56 space-y-1 overflow-y-auto">
            {results.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 px-1">
                <span className="truncate">
                  {p.title} · {formatFen(p.priceFen)}
                </span>
                <button
                  type="button"
                  disabled={picked.length >= MAX_PRODUCTS || picked.some((x) => x.id === p.id)}
                  onClick={() => setPicked([...picked, p])}
                  className="shrink-0 rounded-full border border-line px-3 py-0.5 text-xs disabled:opacity-40"
                >
                  {t("addProduct")}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {picked.length >= MAX_PRODUCTS ? <p className="text-xs text-muted">{t("tooManyProducts")}</p> : null}
        {fieldErrors.productIds ? <span role="alert" className="text-xs text-brand-dark">{fieldErrors.productIds}</span> : null}
      </div>
      {formError ? (
        <p role="alert" className="rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {formError}
        </p>
      ) : null}
      <button type="submit" disabled={pending || video.state === "uploading" || poster.state === "uploading"} className="rounded-full bg-brand px-6 py-2.5 font-semibold text-white disabled:opacity-60">
        {pending ? t("publishing") : t("publish")}
      </button>
    </form>
  );
}
