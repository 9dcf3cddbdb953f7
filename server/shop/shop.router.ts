import { z } from "zod";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure, sellerProcedure } from "@/server/api/trpc";
import * as shops from "@/server/shop/shop.service";
import * as decoration from "@/server/shop/decoration.service";
import * as membership from "@/server/shop/membership.service";
import { setShopStatusInput, shopDetail, shopScoreDetail, shopStatusResult, shopSummary } from "@/server/shop/shop.schema";
import {
  decorationEditor,
  memberPrices,
  memberPricesInput,
  productMemberPrices,
  membershipState,
  publishDecorationInput,
  sectionView,
  sellerShop,
  shopIdInput,
  shopViewer,
} from "@/server/shop/decoration.schema";

/** Merchant centre: the shop decoration editor (members of the shop only; anyone else FORBIDDEN). */
const decorationRouter = createTRPCRouter({
  myShops: sellerProcedure.output(z.array(sellerShop)).query(({ ctx }) => decoration.listSellerShops(ctx.db, ctx.user.id)),
  get: sellerProcedure
    .input(shopIdInput)
    .output(decorationEditor)
    .query(({ ctx, input }) => decoration.getDecorationEditor(ctx.db, ctx.user.id, input.shopId)),
  /** Replaces all sections of the shop in one transaction. */
  publish: sellerProcedure
    .input(publishDecorationInput)
    .output(z.object({ count: z.number().int() }))
    .mutation(({ ctx, input }) => decoration.publishDecoration(ctx.db, ctx.user.id, input)),
});

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

  /** Public shop page: the merchant's sections, the score explained, the visitor's follow/member state. */
  sections: publicProcedure
    .input(shopIdInput)
    .output(z.array(sectionView))
    .query(({ ctx, input }) => decoration.listShopSections(ctx.db, input.shopId)),
  scores: publicProcedure
    .input(shopIdInput)
    .output(shopScoreDetail)
    .query(({ ctx, input }) => shops.getShopScoreDetail(ctx.db, input.shopId)),
  viewer: publicProcedure
    .input(shopIdInput)
    .output(shopViewer)
    .query(({ ctx, input }) => membership.shopViewer(ctx.db, ctx.user?.id ?? null, input.shopId)),
  memberPrices: publicProcedure
    .input(memberPricesInput)
    .output(memberPrices)
    .query(({ ctx, input }) => membership.listMemberPrices(ctx.db, input.productIds)),
  productMemberPrices: publicProcedure
    .input(z.object({ productId: z.string().trim().min(1, { error: "productId is required" }).max(64) }))
    .output(productMemberPrices)
    .query(({ ctx, input }) => membership.productMemberPrices(ctx.db, ctx.user?.id ?? null, input.productId)),
  joinMembership: protectedProcedure
    .input(shopIdInput)
    .output(membershipState)
    .mutation(({ ctx, input }) => membership.joinMembership(ctx.db, ctx.user.id, input.shopId)),
  leaveMembership: protectedProcedure
    .input(shopIdInput)
    .output(membershipState)
    .mutation(({ ctx, input }) => membership.leaveMembership(ctx.db, ctx.user.id, input.shopId)),

  decoration: decorationRouter,
});
