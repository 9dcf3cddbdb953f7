"use client";
// The products attached to a post (挂车). "Buy" opens the product page with video attribution
// (ch=video, src=<post id>, cr=<creator id>), which the cart and the order item keep.
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";
import { productHref } from "@/app/_lib/attribution";
import { formatFen, pick } from "@/app/_lib/format";
import { track } from "@/app/_lib/track";
import type { FeedProduct } from "@/server/content/post.schema";

export function PostProducts({ postId, creatorId, products, tone = "dark" }: { postId: string; creatorId: string | null; products: FeedProduct[]; tone?: "dark" | "light" }) {
  const t = useTranslations("feed");
  const locale = useLocale();
  if (products.length === 0) return null;
  return (
    <ul aria-label={t("products")} className="no-scrollbar flex gap-2 overflow-x-auto pb-1">
      {products.map((p) => {
        const title = pick(locale, p.titleZh, p.titleEn);
        return (
          <li key={p.id} className="shrink-0">
            <Link
              href={productHref(p.slug, { ch: "video", src: postId, cr: creatorId })}
              data-testid="feed-product"
              onClick={() => track({ kind: "PRODUCT_CLICK", postId, productId: p.id })}
              className={`flex w-60 items-center gap-2 rounded-xl p-1.5 pr-2 ${tone === "dark" ? "bg-white/95 text-ink" : "border border-line bg-white text-ink hover:border-brand"}`}
            >
              {p.imageUrl ? (
                 
                <img src={p.imageUrl} alt="" width={48} height={48} className="h-12 w-12 shrink-0 rounded-lg bg-canvas object-cover" />
              ) : (
                <span className="h-12 w-12 shrink-0 rounded-lg bg-canvas" />
              )}
              <span className="min-w-0 flex-1">
                <span className="line-clamp-1 text-xs font-medium">{title}</span>
                <span className="mt-0.5 flex items-center justify-between gap-2">
                  <span className="text-sm font-bold text-brand">{formatFen(p.priceFen)}</span>
                  <span className="rounded-full bg-brand px-2.5 py-0.5 text-xs font-semibold text-white">{t("buy")}</span>
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
