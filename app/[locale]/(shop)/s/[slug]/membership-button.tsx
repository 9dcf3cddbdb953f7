"use client";
// Join / leave the shop's loyalty membership (店铺会员). Signed-out visitors go to sign in and come
// back. After a change the page is refreshed, so member prices re-render on the server.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { usePathname, useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

export function MembershipButton({ shopId, initialMember, initialCount, signedIn }: { shopId: string; initialMember: boolean; initialCount: number; signedIn: boolean }) {
  const t = useTranslations("decoration");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState({ isMember: initialMember, memberCount: initialCount });
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  const join = useMutation(trpc.shop.joinMembership.mutationOptions());
  const leave = useMutation(trpc.shop.leaveMembership.mutationOptions());
  const pending = join.isPending || leave.isPending || refreshing;

  async function toggle() {
    if (!signedIn) {
      router.push({ pathname: "/signin", query: { callbackUrl: pathname } });
      return;
    }
    if (state.isMember && !window.confirm(t("leaveConfirm"))) return;
    setError(null);
    try {
      setState(await (state.isMember ? leave : join).mutateAsync({ shopId }));
      startTransition(() => router.refresh());
    } catch (err) {
      const code = (err as { data?: { code?: string } }).data?.code;
      if (code === "UNAUTHORIZED") router.push({ pathname: "/signin", query: { callbackUrl: pathname } });
      else setError(err instanceof Error && err.message ? err.message : t("error"));
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <span className="inline-flex flex-wrap items-center gap-2">
        {state.isMember && (
          <span className="rounded-full bg-amber-100 px-2.5 py-1 text-xs font-semibold text-amber-900" data-testid="member-badge">
            {t("memberBadge")}
          </span>
        )}
        <button
          type="button"
          onClick={() => void toggle()}
          disabled={pending}
          className={`h-9 rounded-full px-4 text-sm font-semibold disabled:opacity-60 ${
            state.isMember ? "bg-white text-muted ring-1 ring-line hover:text-brand" : "bg-amber-400 text-amber-950 hover:bg-amber-300"
          }`}
        >
          {state.isMember ? t("leave") : signedIn ? t("join") : t("signInToJoin")}
        </button>
        <span className="text-sm text-muted">{t("memberCount", { count: state.memberCount })}</span>
      </span>
      {error ? (
        <span role="alert" className="text-xs text-brand-dark">
          {error}
        </span>
      ) : null}
    </span>
  );
}
