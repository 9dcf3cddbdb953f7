// Guards for signed-in areas (layouts and pages). Procedures check again: these only pick the page.
import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { redirect } from "@/app/_i18n/navigation";
import { currentUser } from "@/server/auth";
import type { Role, SessionUser } from "@/server/api/trpc";
import type { Locale } from "@/app/_i18n/routing";

/** The signed-in user, or a redirect to sign-in that comes back to this page. */
export async function requireUser(locale: Locale, role?: Role): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const here = (await headers()).get("x-mall-path") ?? "/";
    redirect({ href: { pathname: "/signin", query: { callbackUrl: here } }, locale });
    throw new Error("unreachable");
  }
  // Areas of another role are not advertised: the same 404 as a page that does not exist.
  if (role && !user.roles.includes(role)) notFound();
  return user;
}
