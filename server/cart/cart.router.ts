import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import * as cart from "@/server/cart/cart.service";
import { addToCartInput, cartOutput, removeInput, setQuantityInput, setSelectedInput } from "@/server/cart/cart.schema";
import type { Context } from "@/server/api/trpc";
import { withAffiliateAttribution } from "@/server/affiliate/attribution.service";

/** Guests (by visitor cookie) and signed-in shoppers alike; each only ever reaches their own cart. */
const owner = (ctx: Context): cart.CartOwner => ({ userId: ctx.user?.id ?? null, visitorId: ctx.visitorId ?? null });

export const cartRouter = createTRPCRouter({
  get: publicProcedure.output(cartOutput).query(({ ctx }) => cart.getCart(ctx.db, owner(ctx))),
  count: publicProcedure.output(z.object({ count: z.number().int() })).query(async ({ ctx }) => ({ count: await cart.countCart(ctx.db, owner(ctx)) })),
  add: publicProcedure
    .input(addToCartInput)
    .output(cartOutput)
    .mutation(async ({ ctx, input }) => cart.addToCart(ctx.db, owner(ctx), await withAffiliateAttribution(ctx.db, ctx.affiliate, input))),
  setQuantity: publicProcedure.input(setQuantityInput).output(cartOutput).mutation(({ ctx, input }) => cart.setQuantity(ctx.db, owner(ctx), input)),
  setSelected: publicProcedure.input(setSelectedInput).output(cartOutput).mutation(({ ctx, input }) => cart.setSelected(ctx.db, owner(ctx), input)),
  remove: publicProcedure.input(removeInput).output(cartOutput).mutation(({ ctx, input }) => cart.removeItems(ctx.db, owner(ctx), input)),
});
