import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Locale } from "@/app/_i18n/routing";
import { fetchOr404, getQueryClient, trpc } from "@/app/_trpc/server";
import { clip, pageMetadata } from "@/app/_lib/seo";
import { compactCount } from "@/app/_lib/format";
import { JsonLd } from "@/app/_components/json-ld";
import { FollowButton } from "@/app/_components/social/follow-button";
import { CaptionText } from "@/app/_components/feed/caption-text";
import { LikeButton, ShareButton } from "@/app/_components/feed/post-actions";
import { PostProducts } from "@/app/_components/feed/post-products";
import { PostThumbs } from "@/app/_components/feed/post-thumbs";
import { authorName, postTitle, videoObjectJsonLd, withVideoOpenGraph } from "@/app/_components/feed/video-seo";
import { currentUser } from "@/server/auth";

type Props = { params: Promise<{ locale: Locale; id: string }> };

function getPost(id: string) {
  return fetchOr404(trpc.post.get.queryOptions({ postId: id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const post = await getPost(id);
  const t = await getTranslations({ locale, namespace: "feed" });
  const author = authorName(post, locale);
  const meta = pageMetadata({
    locale,
    path: `/v/${post.id}`,
    title: t("postMetaTitle", { caption: postTitle(post, locale), author }),
    description: clip(t("postMetaDescription", { author, caption: post.caption || post.hashtags.map((h) => `#${h}`).join(" ") })),
    type: "article",
  });
  return withVideoOpenGraph(meta, post);
}

export default async function PostPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const post = await getPost(id);
  const [user, t, more] = await Promise.all([
    currentUser(),
    getTranslations({ locale, namespace: "feed" }),
    getQueryClient().fetchQuery(
      trpc.post.byAuthor.queryOptions(
        post.author.kind === "creator" ? { creatorId: post.author.id, excludePostId: post.id, limit: 8 } : { shopId: post.author.id, excludePostId: post.id, limit: 8 },
      ),
    ),
  ]);
  const author = authorName(post, locale);
  const authorHref = post.author.kind === "creator" ? `/c/${post.author.slug}` : `/s/${post.author.slug}`;

  return (
    <div className="mx-auto max-w-5xl py-4">
      <JsonLd data={videoObjectJsonLd(post, locale)} />
      <div className="grid gap-6 md:grid-cols-[minmax(0,420px)_1fr]">
        <div className="relative mx-auto w-full max-w-[420px] overflow-hidden rounded-2xl bg-black">
          {post.videoUrl ? (
            <video
              data-testid="post-video"
              poster={post.posterUrl}
              controls
              playsInline
              loop
              preload="metadata"
              width={post.width}
              height={post.height}
              className="aspect-[9/16] h-auto w-full object-contain"
            >
              {post.videoSources.map((src) => (
                <source key={src.url} src={src.url} type={src.type} />
              ))}
            </video>
          ) : (
             
            <img src={post.posterUrl} alt={post.caption} className="aspect-[9/16] w-full object-contain" />
          )}
        </div>
        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <Link href={authorHref} className="flex items-center gap-2 font-semibold hover:text-brand">
              { }
              <img src={post.author.avatarUrl} alt="" width={40} height={40} className="h-10 w-10 rounded-full bg-canvas object-cover" />
              <span>{author}</span>
            </Link>
            <span className="rounded bg-canvas px-1.5 text-xs text-muted">{post.author.kind === "creator" ? t("creatorBadge") : t("shopBadge")}</span>
            <FollowButton
              target={post.author.kind === "creator" ? { creatorId: post.author.id } : { shopId: post.author.id }}
              initialFollowing={post.author.isFollowing}
              initialCount={post.author.followerCount}
              signedIn={!!user}
            />
          </div>
          <h1 className="sr-only">{postTitle(post, locale)}</h1>
          <CaptionText caption={post.caption} hashtags={post.hashtags} className="text-base leading-relaxed" tagClassName="text-brand" />
          <p className="text-sm text-muted">
            {t("views", { count: compactCount(post.viewCount, locale) })} · {post.publishedAt.toISOString().slice(0, 10)}
          </p>
          <div className="flex items-start gap-4">
            <LikeButton postId={post.id} initialLiked={post.isLiked} initialCount={post.likeCount} tone="light" />
            <ShareButton postId={post.id} initialCount={post.shareCount} tone="light" />
          </div>
          {post.products.length > 0 ? (
            <section className="space-y-2">
              <h2 className="font-semibold">{t("products")}</h2>
              <PostProducts postId={post.id} creatorId={post.creatorId} products={post.products} tone="light" />
            </section>
          ) : null}
          <Link href={{ pathname: "/feed", query: { start: post.id } }} data-testid="watch-in-feed" className="inline-block rounded-full bg-brand px-5 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
            {t("watchInFeed")}
          </Link>
        </div>
      </div>
      {more.length > 0 ? (
        <section className="mt-8 space-y-3">
          <h2 className="text-lg font-semibold">{t("moreFromAuthor", { name: author })}</h2>
          <PostThumbs posts={more} testId="more-from-author" />
        </section>
      ) : null}
    </div>
  );
}
