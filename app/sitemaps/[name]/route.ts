import { getQueryClient, trpc } from "@/app/_trpc/server";
import { PRODUCTS_PER_SITEMAP, urlSet, xmlResponse } from "@/app/_lib/sitemap";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const qc = getQueryClient();
  if (name === "pages.xml") {
    const [summary, shops, campaigns] = await Promise.all([
      qc.fetchQuery(trpc.catalog.sitemapSummary.queryOptions()),
      qc.fetchQuery(trpc.shop.slugs.queryOptions()),
      qc.fetchQuery(trpc.campaign.slugs.queryOptions()),
    ]);
    return xmlResponse(
      urlSet([
        { path: "/" },
        ...summary.categorySlugs.map((slug) => ({ path: `/category/${slug}` })),
        ...shops.map((s) => ({ path: `/s/${s.slug}`, lastModified: s.updatedAt })),
        { path: "/campaigns" },
        ...campaigns.map((c) => ({ path: `/campaign/${c.slug}`, lastModified: c.updatedAt })),
      ]),
    );
  }
  const match = /^products-(\d{1,6})\.xml$/.exec(name);
  if (!match) return new Response("Not found", { status: 404 });
  const rows = await qc.fetchQuery(
    trpc.catalog.sitemapProducts.queryOptions({ offset: Number(match[1]) * PRODUCTS_PER_SITEMAP, limit: PRODUCTS_PER_SITEMAP }),
  );
  if (!rows.length && match[1] !== "0") return new Response("Not found", { status: 404 });
  return xmlResponse(urlSet(rows.map((r) => ({ path: `/p/${r.slug}`, lastModified: r.updatedAt }))));
}
