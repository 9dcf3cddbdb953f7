import { z } from "zod";
import { adminProcedure, createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import * as shops from "@/server/shop/shop.service";
import { setShopStatusInput, shopDetail, shopStatusResult, shopSummary } from "@/server/shop/shop.schema";

export const shopRouter = createTRPCRouter({
  get: publicProcedure
    .input(z.object({ slug: z.string().trim().min(1, { error: "slug is required" }).max(160) }))
    .output(shopDetail)
    .query(({ ctx, input }) => shops.getShop(ctx.db, input.slug)),
  slugs: publicProcedure
    .output(z.array(z.object({ slug: z.string(), updatedAt: z.date() })))
    .query(({ ctx }) => shops.listShopSlugs(ctx.db)),
  featured: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(24).default(8) }))
    .output(z.array(shopSummary))
    .query(({ ctx, input }) => shops.listFeaturedShops(ctx.db, input.limit)),
  setStatus: adminProcedure
    .input(setShopStatusInput)
    .output(shopStatusResult)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => shops.setShopStatus(tx, input))),
});
