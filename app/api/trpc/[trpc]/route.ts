import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { clientIp, currentUser } from "@/server/auth";
import { visitorIdFromCookieHeader } from "@/server/visitor";
import { affiliateFromCookieHeader } from "@/server/affiliate/affiliate-cookie";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createTRPCContext({
        db: getDb(),
        user: await currentUser(),
        ip: clientIp(req.headers),
        visitorId: visitorIdFromCookieHeader(req.headers.get("cookie")),
        affiliate: affiliateFromCookieHeader(req.headers.get("cookie")),
      }),
  });
}

export { handler as GET, handler as POST };
