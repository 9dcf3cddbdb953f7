import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/app/_i18n/routing";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { pageMetadata } from "@/app/_lib/seo";
import { JsonLd } from "@/app/_components/json-ld";
import { FeedView } from "@/app/_components/feed/feed-view";
import { videoObjectJsonLd, withVideoOpenGraph } from "@/app/_components/feed/video-seo";
import { currentUser } from "@/server/auth";
import type { FeedPost } from "@/server/content/post.schema";

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FIRST_PAGE = 5;

function startId(searchParams: Record<string, string | string[] | undefined>): string | null {
  const raw = searchParams.start;
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null;
}

/** The first screenful: `?start=<post id>` (from /v/[id]) first, then recommendations. */
async function firstPage(start: string | null): Promise<{ items: FeedPost[]; nextCursor: number | null }> {
  const qc = getQueryClient();
  const startPost = start ? await qc.fetchQuery(trpc.post.get.queryOptions({ postId: start })).catch(() => null) : null;
  const page = await qc.fetchQuery(trpc.feed.page.queryOptions({ cursor: 0, limit: FIRST_PAGE, seenIds: startPost ? [startPost.id] : [] }));
  return { items: startPost ? [startPost, ...page.items] : page.items, nextCursor: page.nextCursor };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feed" });
  const meta = pageMetadata({ locale, path: "/feed", title: t("metaTitle"), description: t("metaDescription") });
  const { items } = await firstPage(startId(await searchParams));
  return items[0] ? withVideoOpenGraph(meta, items[0]) : meta;
}

export default async function FeedPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [{ items, nextCursor }, user, t] = await Promise.all([firstPage(startId(await searchParams)), currentUser(), getTranslations({ locale, namespace: "feed" })]);
  return (
    <>
      <h1 className="sr-only">{t("metaTitle")}</h1>
      {items[0] ? <JsonLd data={videoObjectJsonLd(items[0], locale)} /> : null}
      <FeedView initialItems={items} initialCursor={nextCursor} signedIn={!!user} />
    </>
  );
}
