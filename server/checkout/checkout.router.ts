import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import * as checkout from "@/server/checkout/checkout.service";
import { withAffiliateSource } from "@/server/affiliate/attribution.service";
import { placeInput, placeOutput, previewInput, previewOutput } from "@/server/checkout/checkout.schema";

/** Signed-in shoppers only; each reads and orders from their own cart and address book. */
export const checkoutRouter = createTRPCRouter({
  preview: protectedProcedure
    .input(previewInput)
    .output(previewOutput)
    .query(async ({ ctx, input }) =>
      checkout.previewCheckout(ctx.db, { userId: ctx.user.id, visitorId: ctx.visitorId ?? null }, { ...input, source: await withAffiliateSource(ctx.db, ctx.affiliate, input.source) }),
    ),
  place: protectedProcedure
    .input(placeInput)
    .output(placeOutput)
    .mutation(async ({ ctx, input }) => checkout.placeCheckout(ctx.db, ctx.user.id, { ...input, source: await withAffiliateSource(ctx.db, ctx.affiliate, input.source) })),
});
