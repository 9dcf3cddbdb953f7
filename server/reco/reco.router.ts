import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { productCard } from "@/server/catalog/catalog.schema";
import { alsoLikeInput, forYouInput, forYouOutput } from "@/server/reco/reco.schema";
import * as reco from "@/server/reco/reco.service";

const actorOf = (ctx: { user: { id: string } | null; visitorId?: string | null }) => ({ userId: ctx.user?.id ?? null, visitorId: ctx.visitorId ?? null });

export const recoRouter = createTRPCRouter({
  forYou: publicProcedure.input(forYouInput).output(forYouOutput).query(({ ctx, input }) => reco.forYou(ctx.db, actorOf(ctx), input)),
  alsoLike: publicProcedure
    .input(alsoLikeInput)
    .output(z.array(productCard))
    .query(({ ctx, input }) => reco.alsoLike(ctx.db, actorOf(ctx), input.productId, input.limit)),
});
