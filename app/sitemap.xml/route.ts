import { getQueryClient, trpc } from "@/app/_trpc/server";
import { PRODUCTS_PER_SITEMAP, sitemapIndex, xmlResponse } from "@/app/_lib/sitemap";

export const dynamic = "force-dynamic";

/** The sitemap index: pages, shops and categories in one chunk, products in chunks of 5,000. */
export async function GET() {
  const { productCount } = await getQueryClient().fetchQuery(trpc.catalog.sitemapSummary.queryOptions());
  const chunks = Math.max(1, Math.ceil(productCount / PRODUCTS_PER_SITEMAP));
  const names = ["pages", ...Array.from({ length: chunks }, (_, i) => `products-${i}`)];
  return xmlResponse(sitemapIndex(names));
}
