import { createTRPCRouter, protectedProcedure, publicProcedure, sellerProcedure } from "@/server/api/trpc";
import { uploadStorage } from "@/server/media/uploads";
import * as reviews from "@/server/review/review.service";
import {
  createReviewInput,
  listForProductInput,
  listForSellerInput,
  orderItemInput,
  productIdInput,
  replyInput,
  reviewPage,
  reviewPrepare,
  reviewSummary,
  sellerReviewPage,
} from "@/server/review/review.schema";
import { z } from "zod";

export const reviewRouter = createTRPCRouter({
  /** Public: a product's reviews (photos first), and its rating summary. */
  listForProduct: publicProcedure
    .input(listForProductInput)
    .output(reviewPage)
    .query(({ ctx, input }) => reviews.listForProduct(ctx.db, input)),
  summary: publicProcedure
    .input(productIdInput)
    .output(reviewSummary)
    .query(({ ctx, input }) => reviews.reviewSummary(ctx.db, input.productId)),

  /** The item's buyer only (anyone else: NOT_FOUND). */
  prepare: protectedProcedure
    .input(orderItemInput)
    .output(reviewPrepare)
    .query(({ ctx, input }) => reviews.prepareReview(ctx.db, ctx.user.id, input.orderItemId)),
  create: protectedProcedure
    .input(createReviewInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => reviews.createReview(ctx.db, ctx.user.id, input, uploadStorage())),

  /** Sellers: reviews of their shops, and one reply per review (another shop's seller: FORBIDDEN). */
  listForSeller: sellerProcedure
    .input(listForSellerInput)
    .output(sellerReviewPage)
    .query(({ ctx, input }) => reviews.listForSeller(ctx.db, ctx.user.id, input)),
  reply: sellerProcedure
    .input(replyInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => reviews.replyToReview(ctx.db, ctx.user.id, input)),
});
