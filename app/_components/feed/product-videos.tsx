// "Videos featuring this product" strip for the product page: links to /v/[id]. Renders nothing when none.
import { getTranslations } from "next-intl/server";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { PostThumbs } from "@/app/_components/feed/post-thumbs";

export async function ProductVideos({ productId, locale }: { productId: string; locale: string }) {
  const [posts, t] = await Promise.all([
    getQueryClient().fetchQuery(trpc.post.forProduct.queryOptions({ productId, limit: 8 })).catch(() => []),
    getTranslations({ locale, namespace: "feed" }),
  ]);
  if (posts.length === 0) return null;
  return (
    <section aria-labelledby="product-videos" className="mt-8 space-y-3">
      <div className="flex items-baseline gap-2">
        <h2 id="product-videos" className="text-lg font-semibold">
          {t("videosOfProduct")}
        </h2>
        <span className="text-sm text-muted">{t("videosOfProductHint")}</span>
      </div>
      <PostThumbs posts={posts} testId="product-videos" />
    </section>
  );
}
