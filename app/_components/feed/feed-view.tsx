"use client";
// The vertical short-video feed: one post per screen (CSS scroll snap), the visible one plays muted
// (autoplay rules) with a sound toggle, keyboard ↑/↓/j/k/space, infinite loading two from the end,
// and behaviour beacons (impression, view with dwell time, completion, product click, share).
import { useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { Link } from "@/app/_i18n/navigation";
import { pick } from "@/app/_lib/format";
import { track } from "@/app/_lib/track";
import { FollowButton } from "@/app/_components/social/follow-button";
import { CaptionText } from "@/app/_components/feed/caption-text";
import { LikeButton, ShareButton } from "@/app/_components/feed/post-actions";
import { PostProducts } from "@/app/_components/feed/post-products";
import type { FeedPost } from "@/server/content/post.schema";

const PAGE_SIZE = 5;
const SEEN_MAX = 200;

export function FeedView({ initialItems, initialCursor, signedIn }: { initialItems: FeedPost[]; initialCursor: number | null; signedIn: boolean }) {
  const t = useTranslations("feed");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [items, setItems] = useState(initialItems);
  const [cursor, setCursor] = useState(initialCursor);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const [muted, setMuted] = useState(true);
  const [height, setHeight] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const activeSince = useRef<number>(0);
  /** Set below once loadMore exists; the visibility observer calls it. */
  const nearEnd = useRef<(index: number) => void>(() => {});

  // The feed fills the viewport below the sticky site header.
  useEffect(() => {
    const measure = () => {
      const top = scroller.current?.getBoundingClientRect().top ?? 0;
      const header = document.querySelector("header")?.getBoundingClientRect().height ?? top;
      setHeight(Math.max(320, window.innerHeight - Math.max(0, Math.min(top + window.scrollY, header))));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);

  // Which item is on screen: the one with most of its area visible (≥ 60 %).
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting && e.intersectionRatio >= 0.6) {
            const index = Number((e.target as HTMLElement).dataset.index);
            if (Number.isFinite(index)) {
              setActive(index);
              nearEnd.current(index);
            }
          }
        }
      },
      { root, threshold: [0.6] },
    );
    for (const el of itemRefs.current) if (el) observer.observe(el);
    return () => observer.disconnect();
  }, [items.length]);

  // Impression when a post becomes the visible one; view with dwell time when it stops being so.
  const activeId = items[active]?.id;
  useEffect(() => {
    if (!activeId) return;
    activeSince.current = Date.now();
    track({ kind: "IMPRESSION", postId: activeId });
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        track({ kind: "VIEW", postId: activeId, dwellMs: Date.now() - activeSince.current });
        activeSince.current = 0;
      } else if (activeSince.current === 0) {
        activeSince.current = Date.now();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      if (activeSince.current > 0) track({ kind: "VIEW", postId: activeId, dwellMs: Date.now() - activeSince.current });
    };
  }, [activeId]);

  const loadMore = useCallback(async () => {
    if (loading || cursor === null) return;
    setLoading(true);
    try {
      const seenIds = items.map((i) => i.id).slice(-SEEN_MAX);
      const page = await queryClient.fetchQuery({ ...trpc.feed.page.queryOptions({ cursor, limit: PAGE_SIZE, seenIds }), staleTime: 0 });
      setItems((prev) => {
        const have = new Set(prev.map((p) => p.id));
        return [...prev, ...page.items.filter((p) => !have.has(p.id))];
      });
      setCursor(page.items.length > 0 ? page.nextCursor : null);
    } catch {
      // Keep what is on screen; the next scroll retries.
    } finally {
      setLoading(false);
    }
  }, [loading, cursor, items, queryClient, trpc]);

  // Two from the end, fetch the next page (called from the visibility observer's callback).
  useEffect(() => {
    nearEnd.current = (index: number) => {
      if (index >= items.length - 2) void loadMore();
    };
  }, [items.length, loadMore]);

  const goTo = useCallback((index: number) => {
    const el = itemRefs.current[index];
    if (el) el.scrollIntoView({ behavior: "smooth", block: "start" });
  }, []);

  // Pausing is per post: moving to another post plays it.
  const [pausedId, setPausedId] = useState<string | null>(null);
  const togglePause = useCallback(() => setPausedId((p) => (p === activeId ? null : (activeId ?? null))), [activeId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (e.key === "ArrowDown" || e.key === "j") {
        e.preventDefault();
        goTo(Math.min(active + 1, items.length - 1));
      } else if (e.key === "ArrowUp" || e.key === "k") {
        e.preventDefault();
        goTo(Math.max(active - 1, 0));
      } else if (e.key === " " && !(target && ["BUTTON", "A"].includes(target.tagName))) {
        e.preventDefault();
        togglePause();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active, items.length, goTo, togglePause]);

  if (items.length === 0) {
    return <p className="py-24 text-center text-muted">{t("empty")}</p>;
  }

  return (
    <div className="-mx-3 sm:mx-0">
      <div
        ref={scroller}
        role="feed"
        aria-label={t("feedLabel")}
        aria-busy={loading}
        data-testid="feed"
        className="no-scrollbar snap-y snap-mandatory overflow-y-scroll overscroll-contain bg-black sm:rounded-2xl"
        style={{ height: height ? `${height}px` : "calc(100dvh - 104px)" }}
      >
        {items.map((post, index) => (
          <FeedItem
            key={post.id}
            ref={(el) => {
              itemRefs.current[index] = el;
            }}
            post={post}
            index={index}
            total={items.length}
            isActive={index === active}
            isNear={Math.abs(index - active) <= 1}
            paused={index === active && pausedId === post.id}
            onTogglePause={togglePause}
            muted={muted}
            onToggleMute={() => setMuted((m) => !m)}
            signedIn={signedIn}
          />
        ))}
        <div className="grid h-24 snap-end place-items-center text-sm text-white/70">{loading ? t("loadingMore") : cursor === null ? t("end") : ""}</div>
      </div>
      <p className="mt-2 hidden text-center text-xs text-muted sm:block">{t("keyboardHint")}</p>
    </div>
  );
}

interface ItemProps {
  ref: (el: HTMLElement | null) => void;
  post: FeedPost;
  index: number;
  total: number;
  isActive: boolean;
  isNear: boolean;
  paused: boolean;
  onTogglePause: () => void;
  muted: boolean;
  onToggleMute: () => void;
  signedIn: boolean;
}

function FeedItem({ ref, post, index, total, isActive, isNear, paused, onTogglePause, muted, onToggleMute, signedIn }: ItemProps) {
  const t = useTranslations("feed");
  const locale = useLocale();
  const video = useRef<HTMLVideoElement>(null);
  const completed = useRef(false);
  const lastTime = useRef(0);

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    if (isActive && !paused) {
      v.muted = muted;
      // Autoplay with sound may be refused until the visitor interacts: fall back to muted.
      v.play().catch(() => {
        v.muted = true;
        void v.play().catch(() => {});
      });
    } else {
      v.pause();
    }
  }, [isActive, paused, muted]);

  const onTimeUpdate = () => {
    const v = video.current;
    if (!v || completed.current) return;
    // The clip loops: a jump back to the start after most of it played is the first completion.
    if (v.currentTime < lastTime.current && lastTime.current > v.duration * 0.8) {
      completed.current = true;
      track({ kind: "COMPLETE", postId: post.id });
    }
    lastTime.current = v.currentTime;
  };

  const authorHref = post.author.kind === "creator" ? `/c/${post.author.slug}` : `/s/${post.author.slug}`;
  const authorName = post.author.kind === "creator" ? post.author.name : pick(locale, post.author.name, post.author.nameEn);

  return (
    <article
      ref={ref}
      data-index={index}
      data-testid="feed-item"
      data-post-id={post.id}
      data-category-id={post.categoryId ?? ""}
      data-active={isActive ? "true" : "false"}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-label={t("videoOf", { author: authorName })}
      className="relative flex h-full w-full snap-start snap-always items-center justify-center overflow-hidden bg-black"
    >
      {post.videoUrl ? (
        <video
          ref={video}
          poster={post.posterUrl}
          muted
          playsInline
          loop
          preload={isNear ? "auto" : "none"}
          onTimeUpdate={onTimeUpdate}
          onClick={onTogglePause}
          className="h-full w-full max-w-[min(100%,calc(var(--feed-h,100dvh)*9/16))] cursor-pointer object-contain sm:max-w-md"
          aria-label={post.caption || t("videoOf", { author: authorName })}
        >
          {isNear || index < 2 ? post.videoSources.map((src) => <source key={src.url} src={src.url} type={src.type} />) : null}
        </video>
      ) : (
         
        <img src={post.posterUrl} alt={post.caption} className="h-full w-full object-contain" />
      )}

      {paused ? (
        <button type="button" onClick={onTogglePause} aria-label={t("play")} className="absolute inset-0 grid place-items-center">
          <span className="grid h-16 w-16 place-items-center rounded-full bg-black/50 text-white">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8">
              <path d="M8 5v14l11-7z" fill="currentColor" />
            </svg>
          </span>
        </button>
      ) : null}

      {muted && isActive ? (
        <button type="button" onClick={onToggleMute} className="absolute left-3 top-3 flex items-center gap-1.5 rounded-full bg-black/55 px-3 py-1.5 text-xs font-medium text-white">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4">
            <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
            <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          {t("tapForSound")}
        </button>
      ) : null}

      <div className="absolute bottom-24 right-2 flex flex-col items-center gap-4 sm:right-4">
        <LikeButton postId={post.id} initialLiked={post.isLiked} initialCount={post.likeCount} />
        <ShareButton postId={post.id} initialCount={post.shareCount} />
        <button
          type="button"
          data-testid="sound-button"
          aria-pressed={!muted}
          aria-label={muted ? t("soundOn") : t("soundOff")}
          onClick={onToggleMute}
          className="grid h-12 w-12 place-items-center rounded-full bg-black/35 text-white hover:bg-black/55"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6">
            <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
            {muted ? (
              <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            ) : (
              <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            )}
          </svg>
        </button>
      </div>

      <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/80 via-black/40 to-transparent px-3 pb-4 pt-16 text-white sm:px-5">
        <div className="max-w-[calc(100%-4rem)] space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={authorHref} className="flex items-center gap-2 font-semibold hover:underline">
              { }
              <img src={post.author.avatarUrl} alt="" width={32} height={32} className="h-8 w-8 rounded-full bg-white object-cover" />
              <span>@{authorName}</span>
            </Link>
            <span className="rounded bg-white/20 px-1.5 text-[11px]">{post.author.kind === "creator" ? t("creatorBadge") : t("shopBadge")}</span>
            <FollowButton
              target={post.author.kind === "creator" ? { creatorId: post.author.id } : { shopId: post.author.id }}
              initialFollowing={post.author.isFollowing}
              initialCount={post.author.followerCount}
              showCount={false}
              signedIn={signedIn}
              className="!h-7 !px-3 !text-xs"
            />
          </div>
          <CaptionText caption={post.caption} hashtags={post.hashtags} className="line-clamp-3 text-sm" tagClassName="text-white" />
          <PostProducts postId={post.id} creatorId={post.creatorId} products={post.products} />
          <Link href={`/v/${post.id}`} className="sr-only focus:not-sr-only">
            {t("videoOf", { author: authorName })}
          </Link>
        </div>
      </div>
    </article>
  );
}
