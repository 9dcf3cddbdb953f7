// Auth.js (NextAuth v5): email + password against Prisma users, JWT sessions carrying id and roles.
// Every layout and procedure checks the session on the server; the proxy never decides access.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/server/env";
import { getDb } from "@/server/db";
import { verifyCredentials } from "@/server/account/account.service";
import { createMemoryRateLimiter } from "@/server/cache/rate-limit";
import type { Role } from "@/server/api/trpc";

declare module "next-auth" {
  interface Session {
    user: { id: string; roles: Role[] } & DefaultSession["user"];
  }
  interface User {
    roles?: Role[];
  }
}

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentials = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(128) });
const limiter = createMemoryRateLimiter(env.SIGNIN_RATE_LIMIT, env.SIGNIN_RATE_WINDOW_S * 1000);

export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const key = `${parsed.data.email}|${clientIp(request.headers)}`;
        const { allowed } = await limiter.hit(key);
        if (!allowed) throw new RateLimited();
        const user = await verifyCredentials(getDb(), parsed.data.email, parsed.data.password);
        if (!user) return null;
        await limiter.reset(key);
        return { id: user.id, email: user.email, name: user.name, roles: user.roles };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.roles = user.roles ?? ["SHOPPER"];
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.roles = (token.roles as Role[] | undefined) ?? [];
      return session;
    },
  },
});

/** The signed-in user as procedures see it, or null. */
export async function currentUser(): Promise<{ id: string; roles: Role[] } | null> {
  const session = await auth();
  return session?.user?.id ? { id: session.user.id, roles: session.user.roles } : null;
}
