import { createTRPCRouter, creatorProcedure, publicProcedure, sellerProcedure } from "@/server/api/trpc";
import { getStorefront } from "@/server/affiliate/storefront.service";
import * as showcase from "@/server/affiliate/showcase.service";
import { listPool } from "@/server/affiliate/pool.service";
import { getEarnings } from "@/server/affiliate/earnings.service";
import * as plans from "@/server/affiliate/plan.service";
import {
  deactivatePlanInput,
  earningsInput,
  earningsOutput,
  moveInput,
  planOutput,
  plansInput,
  plansOutput,
  poolInput,
  poolOutput,
  setPitchInput,
  showcaseOutput,
  showcaseProductInput,
  storefrontInput,
  storefrontOutput,
  upsertPlanInput,
} from "@/server/affiliate/affiliate.schema";

/** The signed-in creator's own showcase: the creator is always ctx.user's profile, never an input. */
const showcaseRouter = createTRPCRouter({
  get: creatorProcedure.output(showcaseOutput).query(({ ctx }) => showcase.getShowcase(ctx.db, ctx.user.id)),
  add: creatorProcedure.input(showcaseProductInput).output(showcaseOutput).mutation(({ ctx, input }) => showcase.addToShowcase(ctx.db, ctx.user.id, input.productId)),
  remove: creatorProcedure
    .input(showcaseProductInput)
    .output(showcaseOutput)
    .mutation(({ ctx, input }) => showcase.removeFromShowcase(ctx.db, ctx.user.id, input.productId)),
  setPitch: creatorProcedure.input(setPitchInput).output(showcaseOutput).mutation(({ ctx, input }) => showcase.setPitch(ctx.db, ctx.user.id, input.productId, input.pitch)),
  move: creatorProcedure.input(moveInput).output(showcaseOutput).mutation(({ ctx, input }) => showcase.moveInShowcase(ctx.db, ctx.user.id, input.productId, input.direction)),
});

/** Sellers' plans; the service checks shop membership on every call. */
const planRouter = createTRPCRouter({
  list: sellerProcedure.input(plansInput).output(plansOutput).query(({ ctx, input }) => plans.listPlans(ctx.db, ctx.user.id, input)),
  upsert: sellerProcedure.input(upsertPlanInput).output(planOutput).mutation(({ ctx, input }) => plans.upsertPlan(ctx.db, ctx.user.id, input)),
  deactivate: sellerProcedure.input(deactivatePlanInput).output(planOutput).mutation(({ ctx, input }) => plans.deactivatePlan(ctx.db, ctx.user.id, input.planId)),
});

export const affiliateRouter = createTRPCRouter({
  storefront: publicProcedure.input(storefrontInput).output(storefrontOutput).query(({ ctx, input }) => getStorefront(ctx.db, ctx.user?.id ?? null, input.handle)),
  pool: creatorProcedure.input(poolInput).output(poolOutput).query(({ ctx, input }) => listPool(ctx.db, ctx.user.id, input)),
  earnings: creatorProcedure.input(earningsInput).output(earningsOutput).query(({ ctx, input }) => getEarnings(ctx.db, ctx.user.id, input)),
  showcase: showcaseRouter,
  plans: planRouter,
});
