import { z } from "zod";
import { adminProcedure, createTRPCRouter, publicProcedure, sellerProcedure } from "@/server/api/trpc";
import * as catalog from "@/server/catalog/catalog.service";
import {
  categoryDetail,
  categoryTree,
  listProductsInput,
  productCard,
  productDetail,
  productPage,
  sellerProductRow,
  sitemapEntry,
  updateProductInput,
  delistProductInput,
  moderateProductInput,
  productStatusResult,
} from "@/server/catalog/catalog.schema";

const slugInput = z.object({ slug: z.string().trim().min(1, { error: "slug is required" }).max(160) });

export const catalogRouter = createTRPCRouter({
  categoryTree: publicProcedure.output(categoryTree).query(({ ctx }) => catalog.listCategoryTree(ctx.db)),
  category: publicProcedure.input(slugInput).output(categoryDetail).query(({ ctx, input }) => catalog.getCategory(ctx.db, input.slug)),
  list: publicProcedure.input(listProductsInput).output(productPage).query(({ ctx, input }) => catalog.listProducts(ctx.db, input)),
  get: publicProcedure.input(slugInput).output(productDetail).query(({ ctx, input }) => catalog.getProduct(ctx.db, input.slug)),
  related: publicProcedure
    .input(z.object({ productId: z.string().min(1), limit: z.number().int().min(1).max(24).default(8) }))
    .output(z.array(productCard))
    .query(({ ctx, input }) => catalog.listRelatedProducts(ctx.db, input.productId, input.limit)),
  search: publicProcedure
    .input(z.object({ q: z.string().max(200, { error: "q must be at most 200 characters" }), page: z.number().int().min(1).max(100).default(1) }))
    .output(productPage)
    .query(({ ctx, input }) => catalog.searchProducts(ctx.db, input.q, input.page)),
  sitemapSummary: publicProcedure
    .output(z.object({ productCount: z.number().int(), categorySlugs: z.array(z.string()) }))
    .query(async ({ ctx }) => ({
      productCount: await catalog.countVisibleProducts(ctx.db),
      categorySlugs: (await catalog.listCategorySlugs(ctx.db)).map((c) => c.slug),
    })),
  sitemapProducts: publicProcedure
    .input(z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(10_000) }))
    .output(z.array(sitemapEntry))
    .query(({ ctx, input }) => catalog.listProductSlugs(ctx.db, input.offset, input.limit)),
  sellerProducts: sellerProcedure
    .input(z.object({ shopId: z.string().min(1, { error: "shopId is required" }) }))
    .output(z.array(sellerProductRow))
    .query(({ ctx, input }) => catalog.listSellerProducts(ctx.db, ctx.user.id, input.shopId)),
  update: sellerProcedure
    .input(updateProductInput)
    .output(z.object({ id: z.string(), slug: z.string(), minPriceFen: z.number().int(), maxPriceFen: z.number().int(), updatedAt: z.date() }))
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => catalog.updateProduct(tx, ctx.user.id, input))),
  delist: sellerProcedure
    .input(delistProductInput)
    .output(productStatusResult)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => catalog.delistProduct(tx, ctx.user.id, input.productId))),
  moderate: adminProcedure
    .input(moderateProductInput)
    .output(productStatusResult)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => catalog.moderateProduct(tx, input))),
});
