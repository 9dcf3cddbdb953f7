import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { feedPage, feedPageInput } from "@/server/content/post.schema";
import { feedPageFor } from "@/server/content/post.service";

export const feedRouter = createTRPCRouter({
  /** Public: the next page of the interest feed for this visitor, never repeating `seenIds`. */
  page: publicProcedure
    .input(feedPageInput)
    .output(feedPage)
    .query(({ ctx, input }) => feedPageFor(ctx.db, { userId: ctx.user?.id ?? null, visitorId: ctx.visitorId ?? null }, input)),
});
