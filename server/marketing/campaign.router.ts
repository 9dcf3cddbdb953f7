import { z } from "zod";
import { adminProcedure, createTRPCRouter, publicProcedure, sellerProcedure } from "@/server/api/trpc";
import * as campaigns from "@/server/marketing/campaign.service";
import {
  adminCampaign,
  campaignCreateInput,
  campaignDetail,
  campaignGetInput,
  campaignIdInput,
  campaignLists,
  campaignUpdateInput,
  enrolInput,
  productCampaignPrices,
  productIdInput,
  regionOption,
  sellerCampaignsOutput,
  withdrawInput,
} from "@/server/marketing/campaign.schema";

const written = z.object({ id: z.string(), slug: z.string() });

export const campaignRouter = createTRPCRouter({
  /** Public: running, upcoming and recently ended campaigns. */
  list: publicProcedure.output(campaignLists).query(({ ctx }) => campaigns.listCampaigns(ctx.db)),
  /** Public: one campaign with its products (unknown slug: NOT_FOUND). */
  get: publicProcedure
    .input(campaignGetInput)
    .output(campaignDetail)
    .query(({ ctx, input }) => campaigns.getCampaign(ctx.db, input.slug, input.sort)),
  /** Public: per-SKU prices for this shopper now and the campaign that applies, or null. */
  productPrices: publicProcedure
    .input(productIdInput)
    .output(productCampaignPrices)
    .query(({ ctx, input }) => campaigns.productCampaignPrices(ctx.db, input.productId, ctx.user?.id ?? null)),
  /** Public: slugs for the sitemap. */
  slugs: publicProcedure
    .output(z.array(z.object({ slug: z.string(), updatedAt: z.date() })))
    .query(({ ctx }) => campaigns.campaignSlugs(ctx.db)),

  /** Operators only. */
  admin: createTRPCRouter({
    list: adminProcedure.output(z.array(adminCampaign)).query(({ ctx }) => campaigns.adminListCampaigns(ctx.db)),
    get: adminProcedure
      .input(campaignIdInput)
      .output(adminCampaign)
      .query(({ ctx, input }) => campaigns.adminGetCampaign(ctx.db, input.id)),
    regions: adminProcedure.output(z.array(regionOption)).query(({ ctx }) => campaigns.listRegions(ctx.db)),
    create: adminProcedure
      .input(campaignCreateInput)
      .output(written)
      .mutation(({ ctx, input }) => campaigns.createCampaign(ctx.db, input)),
    update: adminProcedure
      .input(campaignUpdateInput)
      .output(written)
      .mutation(({ ctx, input }) => campaigns.updateCampaign(ctx.db, input.id, input)),
  }),

  /** Sellers: their own SKUs only (another shop's: FORBIDDEN). */
  seller: createTRPCRouter({
    list: sellerProcedure.output(sellerCampaignsOutput).query(({ ctx }) => campaigns.sellerCampaigns(ctx.db, ctx.user.id)),
    enrol: sellerProcedure
      .input(enrolInput)
      .output(z.object({ campaignId: z.string(), variantId: z.string(), campaignPriceFen: z.number().int() }))
      .mutation(({ ctx, input }) => campaigns.enrol(ctx.db, ctx.user.id, input)),
    withdraw: sellerProcedure
      .input(withdrawInput)
      .output(z.object({ ok: z.literal(true) }))
      .mutation(({ ctx, input }) => campaigns.withdraw(ctx.db, ctx.user.id, input)),
  }),
});
