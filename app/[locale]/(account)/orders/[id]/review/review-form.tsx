"use client";
// Write a review: 1–5 stars, text, up to 6 photos. Photos upload one by one through /api/uploads as
// soon as they are picked (the server re-encodes them); the review then refers to the returned URLs.
import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

const MAX_PHOTOS = 6;
const MAX_BODY = 500;

interface Photo {
  key: string;
  url: string | null;
  preview: string;
  width: number;
  height: number;
}

type FieldErrors = Partial<Record<"rating" | "body" | "mediaUrls", string[]>>;

function Star({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={`h-8 w-8 ${filled ? "text-amber-400" : "text-line"}`}>
      <path d="M10 1.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L10 14.8l-5.2 2.8 1-5.8L1.5 7.7l5.9-.8z" fill="currentColor" />
    </svg>
  );
}

export function ReviewForm({ orderId, orderItemId }: { orderId: string; orderItemId: string }) {
  const t = useTranslations("review.write");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const create = useMutation(trpc.review.create.mutationOptions());

  const [rating, setRating] = useState(0);
  const [hover, setHover] = useState(0);
  const [body, setBody] = useState("");
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(0);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function uploadOne(file: File, key: string) {
    const form = new FormData();
    form.append("file", file);
    try {
      const res = await fetch("/api/uploads", { method: "POST", body: form });
      const data = (await res.json().catch(() => ({}))) as { url?: string; width?: number; height?: number; error?: string };
      if (!res.ok || !data.url) throw new Error(data.error ?? res.statusText);
      setPhotos((list) => list.map((p) => (p.key === key ? { ...p, url: data.url!, width: data.width ?? 0, height: data.height ?? 0 } : p)));
    } catch (err) {
      setPhotos((list) => list.filter((p) => p.key !== key));
      setUploadError(t("uploadFailed", { reason: err instanceof Error ? err.message : "" }));
    } finally {
      setUploading((n) => n - 1);
    }
  }

  function onPick(e: React.ChangeEvent<HTMLInputElement>) {
    const files = Array.from(e.target.files ?? []);
    e.target.value = "";
    setUploadError(null);
    const room = MAX_PHOTOS - photos.length;
    if (files.length > room) setUploadError(t("tooManyPhotos"));
    const accepted = files.slice(0, Math.max(0, room));
    const added = accepted.map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, url: null, preview: URL.createObjectURL(file), width: 0, height: 0 }));
    setPhotos((list) => [...list, ...added]);
    setUploading((n) => n + accepted.length);
    accepted.forEach((file, i) => void uploadOne(file, added[i].key));
  }

  function remove(key: string) {
    setPhotos((list) => {
      const gone = list.find((p) => p.key === key);
      if (gone) URL.revokeObjectURL(gone.preview);
      return list.filter((p) => p.key !== key);
    });
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    if (rating < 1) {
      setErrors({ rating: [t("ratingRequired")] });
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await create.mutateAsync({ orderItemId, rating, body, mediaUrls: photos.flatMap((p) => (p.url ? [p.url] : [])) });
      router.push(`/orders/${orderId}`);
      router.refresh();
    } catch (err) {
      const data = (err as { data?: { fieldErrors?: FieldErrors | null } }).data;
      if (data?.fieldErrors && Object.keys(data.fieldErrors).length) setErrors(data.fieldErrors);
      else setFormError(err instanceof Error && err.message ? err.message : t("genericError"));
      setPending(false);
    }
  }

  const shown = hover || rating;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 rounded-xl bg-white p-4 shadow-sm ring-1 ring-line">
      <fieldset aria-describedby={errors.rating ? `${id}-rating-error` : undefined}>
        <legend className="mb-2 text-sm font-medium">{t("ratingLegend")}</legend>
        <div className="flex items-center gap-3">
          <div className="flex" onMouseLeave={() => setHover(0)}>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="cursor-pointer rounded p-0.5 has-focus-visible:outline-2 has-focus-visible:outline-brand" onMouseEnter={() => setHover(n)}>
                <input
                  type="radio"
                  name="rating"
                  value={n}
                  checked={rating === n}
                  onChange={() => {
                    setRating(n);
                    setErrors((e) => ({ ...e, rating: undefined }));
                  }}
                  className="sr-only"
                />
                <span className="sr-only">{t("ratingOption", { stars: n })}</span>
                <Star filled={n <= shown} />
              </label>
            ))}
          </div>
          {shown > 0 && <span className="text-sm text-muted">{t(`ratingWords.${shown}` as "ratingWords.1")}</span>}
        </div>
        {errors.rating && (
          <p id={`${id}-rating-error`} role="alert" className="mt-1 text-xs text-brand-dark">
            {errors.rating[0]}
          </p>
        )}
      </fieldset>

      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium">
          {t("bodyLabel")}
        </label>
        <textarea
          id={`${id}-body`}
          value={body}
          onChange={(e) => setBody(e.target.value.slice(0, MAX_BODY))}
          maxLength={MAX_BODY}
          rows={5}
          placeholder={t("bodyPlaceholder")}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${id}-body-note`}
          className="w-full rounded-lg border border-line px-3 py-2 text-sm outline-none focus:border-brand aria-invalid:border-brand"
        />
        {errors.body ? (
          <p id={`${id}-body-note`} role="alert" className="text-xs text-brand-dark">
            {errors.body[0]}
          </p>
        ) : (
          <p id={`${id}-body-note`} className="text-right text-xs text-muted">
            {t("charCount", { count: body.length })}
          </p>
        )}
      </div>

      <fieldset aria-describedby={`${id}-photos-note`}>
        <legend className="mb-2 text-sm font-medium">{t("photosLabel")}</legend>
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6">
          {photos.map((p, i) => (
            <li key={p.key} className="relative aspect-square overflow-hidden rounded-lg bg-canvas ring-1 ring-line">
              <img src={p.url ?? p.preview} alt="" className={`h-full w-full object-cover ${p.url ? "" : "opacity-50"}`} />
              {p.url ? (
                <button
                  type="button"
                  onClick={() => remove(p.key)}
                  aria-label={t("removePhoto", { n: i + 1 })}
                  className="absolute right-1 top-1 grid h-6 w-6 place-items-center rounded-full bg-ink/70 text-sm leading-none text-white hover:bg-ink"
                >
                  ×
                </button>
              ) : (
                <span className="absolute inset-0 grid place-items-center text-[11px] font-medium text-ink">{t("uploading")}</span>
              )}
            </li>
          ))}
          {photos.length < MAX_PHOTOS && (
            <li>
              <button
                type="button"
                onClick={() => fileInput.current?.click()}
                className="grid aspect-square w-full place-items-center rounded-lg border border-dashed border-line text-xs text-muted hover:border-brand hover:text-brand"
              >
                <span className="flex flex-col items-center gap-1">
                  <span aria-hidden="true" className="text-2xl leading-none">
                    +
                  </span>
                  {t("addPhotos")}
                </span>
              </button>
            </li>
          )}
        </ul>
        <input ref={fileInput} type="file" accept="image/jpeg,image/png,image/webp,image/gif" multiple onChange={onPick} className="sr-only" tabIndex={-1} aria-hidden="true" />
        <div id={`${id}-photos-note`} aria-live="polite">
          {uploading > 0 && <p className="mt-1 text-xs text-muted">{t("uploading")}</p>}
          {(uploadError || errors.mediaUrls) && (
            <p role="alert" className="mt-1 text-xs text-brand-dark">
              {uploadError ?? errors.mediaUrls?.[0]}
            </p>
          )}
        </div>
      </fieldset>

      {formError && (
        <p role="alert" className="rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {formError}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || uploading > 0}
        className="h-11 w-full rounded-full bg-brand text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
