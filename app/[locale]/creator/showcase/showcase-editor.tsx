"use client";
// The creator's showcase: reorder with up/down buttons (keyboard and screen-reader friendly), edit
// each pitch (≤ 80 characters), remove. Each mutation returns the whole showcase, which replaces the list.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Link } from "@/app/_i18n/navigation";
import { formatFen, pick } from "@/app/_lib/format";
import type { ShowcaseOutput } from "@/server/affiliate/affiliate.schema";

const MAX_PITCH = 80;

function percent(bp: number): string {
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)}%`;
}

function errorText(err: unknown, fallback: string): string {
  return err instanceof Error && err.message ? err.message : fallback;
}

export function ShowcaseEditor({ initial, locale }: { initial: ShowcaseOutput; locale: string }) {
  const t = useTranslations("creator.showcase");
  const trpc = useTRPC();
  const [items, setItems] = useState(initial.items);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const move = useMutation(trpc.affiliate.showcase.move.mutationOptions());
  const remove = useMutation(trpc.affiliate.showcase.remove.mutationOptions());
  const busy = move.isPending || remove.isPending;

  async function run(action: () => Promise<ShowcaseOutput>, message: string) {
    setError(null);
    try {
      const next = await action();
      setItems(next.items);
      setAnnounce(message);
    } catch (err) {
      setError(errorText(err, t("error")));
    }
  }

  if (items.length === 0) {
    return (
      <div className="rounded-xl bg-white px-4 py-14 text-center shadow-sm ring-1 ring-line">
        <p className="text-muted">{t("empty")}</p>
        <Link href="/creator" className="mt-3 inline-flex h-9 items-center rounded-full bg-brand px-4 text-sm font-semibold text-white">
          {t("goPool")}
        </Link>
      </div>
    );
  }

  return (
    <>
      {error && (
        <p role="alert" className="mb-2 rounded-lg bg-brand-soft px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
      <ol className="space-y-2" data-testid="showcase-list">
        {items.map((item, i) => {
          const title = pick(locale, item.product.titleZh, item.product.titleEn);
          return (
            <li key={item.product.id} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-line" data-testid="showcase-item" data-product-id={item.product.id}>
              <div className="flex gap-3">
                <div className="flex shrink-0 flex-col items-center gap-1">
                  <span className="text-xs font-semibold text-muted">{t("position", { n: i + 1 })}</span>
                  {item.product.imageUrl && <img src={item.product.imageUrl} alt="" width={64} height={64} className="h-16 w-16 rounded-lg bg-canvas object-cover" />}
                </div>
                <div className="min-w-0 flex-1">
                  <Link href={`/p/${item.product.slug}`} className="line-clamp-2 text-sm font-medium text-ink hover:text-brand" data-testid="showcase-title">
                    {title}
                  </Link>
                  <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-muted">
                    <span>{formatFen(item.product.minPriceFen)}</span>
                    {item.rateBp !== null ? <span className="font-semibold text-brand">{t("rate", { rate: percent(item.rateBp) })}</span> : <span>{t("noPlan")}</span>}
                    {!item.isVisible && <span className="text-amber-700">{t("hidden")}</span>}
                  </p>
                  <PitchForm key={`${item.product.id}:${item.pitch}`} productId={item.product.id} title={title} initial={item.pitch} onSaved={(next) => setItems(next.items)} />
                </div>
                <div className="flex shrink-0 flex-col gap-1">
                  <button
                    type="button"
                    disabled={busy || i === 0}
                    aria-label={t("moveUpLabel", { title })}
                    onClick={() => run(() => move.mutateAsync({ productId: item.product.id, direction: "up" }), t("moveUpLabel", { title }))}
                    className="h-8 rounded-lg px-2 text-xs font-medium ring-1 ring-line hover:bg-canvas disabled:opacity-40"
                  >
                    ↑ {t("moveUp")}
                  </button>
                  <button
                    type="button"
                    disabled={busy || i === items.length - 1}
                    aria-label={t("moveDownLabel", { title })}
                    onClick={() => run(() => move.mutateAsync({ productId: item.product.id, direction: "down" }), t("moveDownLabel", { title }))}
                    className="h-8 rounded-lg px-2 text-xs font-medium ring-1 ring-line hover:bg-canvas disabled:opacity-40"
                  >
                    ↓ {t("moveDown")}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t("removeLabel", { title })}
                    onClick={() => run(() => remove.mutateAsync({ productId: item.product.id }), t("removeLabel", { title }))}
                    className="h-8 rounded-lg px-2 text-xs font-medium text-brand-dark ring-1 ring-line hover:bg-brand-soft disabled:opacity-40"
                  >
                    {t("remove")}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function PitchForm({ productId, title, initial, onSaved }: { productId: string; title: string; initial: string; onSaved: (next: ShowcaseOutput) => void }) {
  const t = useTranslations("creator.showcase");
  const trpc = useTRPC();
  const id = useId();
  const save = useMutation(trpc.affiliate.showcase.setPitch.mutationOptions());
  const [pitch, setPitch] = useState(initial);
  const [status, setStatus] = useState<"idle" | "saved" | string>("idle");
  const length = [...pitch].length;
  return (
    <form
      className="mt-2 flex flex-col gap-1 sm:flex-row sm:items-start"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const next = await save.mutateAsync({ productId, pitch });
          setStatus("saved");
          onSaved(next);
        } catch (err) {
          setStatus(errorText(err, t("error")));
        }
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("pitch")} · {title}
      </label>
      <div className="flex-1">
        <input
          id={id}
          value={pitch}
          onChange={(e) => {
            setPitch(e.target.value);
            setStatus("idle");
          }}
          maxLength={MAX_PITCH}
          placeholder={t("pitchPlaceholder")}
          aria-describedby={`${id}-count`}
          className="h-9 w-full rounded-lg border border-line px-3 text-sm outline-none focus:border-brand"
        />
        <p id={`${id}-count`} className="mt-0.5 text-[11px] text-muted">
          {length}/{MAX_PITCH}
          {status === "saved" ? ` · ${t("saved")}` : status !== "idle" ? "" : ""}
        </p>
        {status !== "idle" && status !== "saved" && (
          <p role="alert" className="text-xs text-brand-dark">
            {status}
          </p>
        )}
      </div>
      <button type="submit" disabled={save.isPending || pitch === initial} className="h-9 rounded-lg bg-ink px-3 text-sm font-semibold text-white disabled:opacity-40">
        {t("savePitch")}
      </button>
    </form>
  );
}
