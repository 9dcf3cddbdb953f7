import { z } from "zod";
import { adminProcedure, createTRPCRouter, publicProcedure, type Context } from "@/server/api/trpc";
import { readySearch } from "@/server/search/engine";
import * as searchService from "@/server/search/search.service";
import { searchInput, searchOutput, suggestOutput } from "@/server/search/search.schema";

/** Searches are attributed to the signed-in user and the anonymous visitor id (cookie). */
function viewerOf(ctx: Context): searchService.SearchViewer {
  return { userId: ctx.user?.id ?? null, visitorId: ctx.visitorId ?? null };
}

const id = (field: string) => z.string().min(1, { error: `${field} is required` }).max(64);

export const searchRouter = createTRPCRouter({
  query: publicProcedure
    .input(searchInput)
    .output(searchOutput)
    .query(async ({ ctx, input }) => searchService.search(ctx.db, await readySearch(ctx.db), input, viewerOf(ctx))),
  suggest: publicProcedure
    .input(z.object({ prefix: z.string().max(50, { error: "prefix must be at most 50 characters" }) }))
    .output(suggestOutput)
    .query(async ({ ctx, input }) => searchService.suggest(ctx.db, await readySearch(ctx.db), input.prefix)),
  click: publicProcedure
    .input(z.object({ eventId: id("eventId"), productId: id("productId"), position: z.number().int().min(1).max(10_000) }))
    .output(z.object({ recorded: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await searchService.recordClick(ctx.db, input.eventId, input.productId, input.position);
      return { recorded: true as const };
    }),
  zeroResults: adminProcedure
    .input(z.object({ days: z.number().int().min(1).max(90).default(7), limit: z.number().int().min(1).max(200).default(50) }))
    .output(z.array(z.object({ query: z.string(), count: z.number().int(), lastSeenAt: z.date() })))
    .query(({ ctx, input }) => searchService.listZeroResultQueries(ctx.db, input)),
});
