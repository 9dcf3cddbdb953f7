import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { accountRouter } from "@/server/account/account.router";
import { catalogRouter } from "@/server/catalog/catalog.router";
import { shopRouter } from "@/server/shop/shop.router";
import { searchRouter } from "@/server/search/search.router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  catalog: catalogRouter,
  shop: shopRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
