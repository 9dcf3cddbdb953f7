"use client";
// Like (optimistic) and share (copies the /v/[id] link) for a post; used by the feed and /v/[id].
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { getPathname } from "@/app/_i18n/navigation";
import { compactCount } from "@/app/_lib/format";
import { track } from "@/app/_lib/track";

type Tone = "dark" | "light";

function ring(tone: Tone) {
  return tone === "dark" ? "bg-black/35 text-white hover:bg-black/55" : "bg-canvas text-ink hover:bg-line";
}

export function LikeButton({ postId, initialLiked, initialCount, tone = "dark" }: { postId: string; initialLiked: boolean; initialCount: number; tone?: Tone }) {
  const t = useTranslations("feed");
  const locale = useLocale();
  const trpc = useTRPC();
  const [state, setState] = useState({ isLiked: initialLiked, likeCount: initialCount });
  const [error, setError] = useState<string | null>(null);
  const like = useMutation(trpc.post.like.mutationOptions());
  const unlike = useMutation(trpc.post.unlike.mutationOptions());

  async function toggle() {
    const before = state;
    const next = { isLiked: !before.isLiked, likeCount: Math.max(0, before.likeCount + (before.isLiked ? -1 : 1)) };
    setState(next);
    setError(null);
    try {
      setState(await (before.isLiked ? unlike : like).mutateAsync({ postId }));
    } catch (err) {
      setState(before);
      setError(err instanceof Error && err.message ? err.message : t("error"));
    }
  }

  return (
    <span className="flex flex-col items-center gap-1">
      <button
        type="button"
        data-testid="like-button"
        aria-pressed={state.isLiked}
        aria-label={state.isLiked ? t("unlike") : t("like")}
        onClick={() => void toggle()}
        className={`grid h-12 w-12 place-items-center rounded-full ${ring(tone)}`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className={`h-7 w-7 ${state.isLiked ? "text-brand" : ""}`}>
          <path
            d="M12 20.5s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.6a4.3 4.3 0 0 1 7.5 2.7c0 5.6-7.5 10.2-7.5 10.2Z"
            fill={state.isLiked ? "currentColor" : "none"}
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <span data-testid="like-count" data-count={state.likeCount} className={`text-xs font-semibold ${tone === "dark" ? "text-white drop-shadow" : "text-ink"}`}>
        {compactCount(state.likeCount, locale)}
      </span>
      {error ? (
        <span role="alert" className="max-w-24 text-center text-[11px] text-white drop-shadow">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function ShareButton({ postId, initialCount, tone = "dark" }: { postId: string; initialCount: number; tone?: Tone }) {
  const t = useTranslations("feed");
  const locale = useLocale();
  const trpc = useTRPC();
  const [count, setCount] = useState(initialCount);
  const [note, setNote] = useState<string | null>(null);
  const share = useMutation(trpc.post.share.mutationOptions());

  async function onShare() {
    const url = `${window.location.origin}${getPathname({ locale, href: `/v/${postId}` })}`;
    try {
      await navigator.clipboard.writeText(url);
      setNote(t("linkCopied"));
    } catch {
      setNote(t("copyFailed", { url }));
    }
    window.setTimeout(() => setNote(null), 2500);
    track({ kind: "SHARE", postId });
    try {
      setCount((await share.mutateAsync({ postId })).shareCount);
    } catch {
      // The link is copied either way; the counter is best effort.
    }
  }

  return (
    <span className="relative flex flex-col items-center gap-1">
      <button type="button" data-testid="share-button" aria-label={t("share")} onClick={() => void onShare()} className={`grid h-12 w-12 place-items-center rounded-full ${ring(tone)}`}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6">
          <path d="M14 5l6 6-6 6M20 11H10a6 6 0 0 0-6 6v1" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <span className={`text-xs font-semibold ${tone === "dark" ? "text-white drop-shadow" : "text-ink"}`}>{compactCount(count, locale)}</span>
      {note ? (
        <span role="status" className="absolute right-14 top-2 whitespace-nowrap rounded-full bg-black/80 px-3 py-1.5 text-xs text-white">
          {note}
        </span>
      ) : null}
    </span>
  );
}
