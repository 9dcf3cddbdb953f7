// Structured data and Open Graph video fields for a post (server-side helpers, no React).
import type { Metadata } from "next";
import type { Locale } from "@/app/_i18n/routing";
import { absoluteUrl, clip, localizedUrl } from "@/app/_lib/seo";
import { pick } from "@/app/_lib/format";
import type { FeedPost } from "@/server/content/post.schema";
import { isoDuration } from "@/app/_components/feed/duration";

export function authorName(post: FeedPost, locale: Locale): string {
  return post.author.kind === "creator" ? post.author.name : pick(locale, post.author.name, post.author.nameEn);
}

/** A short title for the post: its caption's first line, or the author's name. */
export function postTitle(post: FeedPost, locale: Locale): string {
  const first = post.caption.split("\n")[0]?.trim();
  return first ? clip(first, 60) : authorName(post, locale);
}

export function videoObjectJsonLd(post: FeedPost, locale: Locale) {
  const name = postTitle(post, locale);
  return {
    "@context": "https://schema.org",
    "@type": "VideoObject",
    name,
    description: clip(`${post.caption} ${post.hashtags.map((h) => `#${h}`).join(" ")}`.trim() || name, 300),
    thumbnailUrl: [absoluteUrl(post.posterUrl)],
    uploadDate: post.publishedAt.toISOString(),
    ...(post.videoUrl ? { contentUrl: absoluteUrl(post.videoUrl) } : {}),
    duration: isoDuration(post.durationMs),
    width: post.width,
    height: post.height,
    url: localizedUrl(locale, `/v/${post.id}`),
    author:
      post.author.kind === "creator"
        ? { "@type": "Person", name: authorName(post, locale), url: localizedUrl(locale, `/c/${post.author.slug}`) }
        : { "@type": "Organization", name: authorName(post, locale), url: localizedUrl(locale, `/s/${post.author.slug}`) },
    interactionStatistic: [
      { "@type": "InteractionCounter", interactionType: { "@type": "WatchAction" }, userInteractionCount: post.viewCount },
      { "@type": "InteractionCounter", interactionType: { "@type": "LikeAction" }, userInteractionCount: post.likeCount },
      { "@type": "InteractionCounter", interactionType: { "@type": "ShareAction" }, userInteractionCount: post.shareCount },
    ],
  };
}

/** Adds og:video (and the poster as og:image) to page metadata. */
export function withVideoOpenGraph(meta: Metadata, post: FeedPost): Metadata {
  if (!post.videoUrl) return meta;
  const type = post.videoUrl.endsWith(".webm") ? "video/webm" : "video/mp4";
  return {
    ...meta,
    openGraph: {
      ...meta.openGraph,
      type: "video.other",
      videos: [{ url: absoluteUrl(post.videoUrl), secureUrl: absoluteUrl(post.videoUrl), type, width: post.width, height: post.height }],
      images: [{ url: absoluteUrl(post.posterUrl), width: post.width, height: post.height }],
    },
  };
}
