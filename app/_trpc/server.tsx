// Server Components read through this proxy: same router, same auth checks as the HTTP API.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary, type FetchQueryOptions, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { clientIp, currentUser } from "@/server/auth";
import { visitorIdFromCookieHeader } from "@/server/visitor";
import { makeQueryClient } from "@/app/_trpc/query-client";

export const getQueryClient = cache(makeQueryClient);

const createContext = cache(async () => {
  const h = await headers();
  return createTRPCContext({
    db: getDb(),
    user: await currentUser(),
    ip: clientIp(h),
    visitorId: visitorIdFromCookieHeader(h.get("cookie")),
  });
});

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

export function prefetch<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
) {
  void getQueryClient().prefetchQuery(options);
}

/** Fetches through the query cache (so HydrateClient ships it to the client); NOT_FOUND becomes the 404 page. */
export async function fetchOr404<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<TData> {
  try {
    return await getQueryClient().fetchQuery(options);
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
}
