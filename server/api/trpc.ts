// tRPC: context, error mapping and the procedures by role. Routers are thin: who may call,
// input, output, one service call.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { AffiliateRef } from "@/server/affiliate/affiliate-cookie";

export type Role = "SHOPPER" | "SELLER" | "CREATOR" | "ADMIN";
export interface SessionUser {
  id: string;
  roles: Role[];
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Client address, for rate limits and logs. */
  ip?: string;
  /** Anonymous visitor id (server/visitor.ts): guest cart, search and feed events. */
  visitorId?: string | null;
  /** Last-click affiliate cookie (server/affiliate/affiliate-cookie.ts), for cart.add and buy now. */
  affiliate?: AffiliateRef | null;
}

export function createTRPCContext(opts: Context): Context {
  return opts;
}

function describeZodError(err: ZodError): string {
  return err.issues
    .map((i) => {
      const field = i.path.map(String).join(".");
      return field ? `${field}: ${i.message}` : i.message;
    })
    .join("; ");
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: false,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const app = error.cause instanceof AppError ? error.cause : null;
    return {
      ...shape,
      message: zod ? describeZodError(zod) : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        /** Field errors keyed by input field, for forms. */
        fieldErrors: zod ? z.flattenError(zod).fieldErrors : app?.field ? { [app.field]: [app.message] } : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps AppError to tRPC codes; hides unknown errors behind a generic 500 and logs them. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (cause instanceof ZodError && result.error.code === "BAD_REQUEST") {
      // Readable for server callers too ("password: Password must be at least 8 characters").
      throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      console.error(`[trpc] ${path} failed for user ${ctx.user?.id ?? "anonymous"}:`, cause ?? result.error);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong. Please try again." });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function roleProcedure(role: Role) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!ctx.user.roles.includes(role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${role.toLowerCase()} role` });
    }
    return next();
  });
}

/** Signed-in seller; which shop they may act on is checked by the service (membership). */
export const sellerProcedure = roleProcedure("SELLER");
export const creatorProcedure = roleProcedure("CREATOR");
export const adminProcedure = roleProcedure("ADMIN");
