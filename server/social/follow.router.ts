import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/trpc";
import { followState, followTarget } from "@/server/social/follow.schema";
import * as follows from "@/server/social/follow.service";

export const followRouter = createTRPCRouter({
  follow: protectedProcedure.input(followTarget).output(followState).mutation(({ ctx, input }) => follows.follow(ctx.db, ctx.user.id, input)),
  unfollow: protectedProcedure.input(followTarget).output(followState).mutation(({ ctx, input }) => follows.unfollow(ctx.db, ctx.user.id, input)),
  state: publicProcedure.input(followTarget).output(followState).query(({ ctx, input }) => follows.followStateOf(ctx.db, ctx.user?.id ?? null, input)),
});
