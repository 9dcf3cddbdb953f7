"use client";
// Follow / unfollow a creator or a shop. Signed-out visitors are sent to sign in and come back here.
import { useState } from "react";
import { usePathname, useRouter } from "@/app/_i18n/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

type Target = { creatorId: string } | { shopId: string };

export function FollowButton({
  target,
  initialFollowing,
  initialCount,
  showCount = true,
  signedIn,
  className = "",
}: {
  target: Target;
  initialFollowing: boolean;
  initialCount: number;
  showCount?: boolean;
  signedIn: boolean;
  className?: string;
}) {
  const t = useTranslations("social");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState({ following: initialFollowing, followerCount: initialCount });
  const [error, setError] = useState<string | null>(null);
  const follow = useMutation(trpc.follow.follow.mutationOptions());
  const unfollow = useMutation(trpc.follow.unfollow.mutationOptions());
  const pending = follow.isPending || unfollow.isPending;

  async function toggle() {
    if (!signedIn) {
      router.push({ pathname: "/signin", query: { callbackUrl: pathname } });
      return;
    }
    setError(null);
    try {
      setState(await (state.following ? unfollow : follow).mutateAsync(target));
    } catch (err) {
      const code = (err as { data?: { code?: string } }).data?.code;
      if (code === "UNAUTHORIZED") router.push({ pathname: "/signin", query: { callbackUrl: pathname } });
      else setError(err instanceof Error && err.message ? err.message : t("error"));
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <span className="inline-flex items-center gap-2">
        <button
          type="button"
          onClick={() => void toggle()}
          disabled={pending}
          aria-pressed={state.following}
          title={signedIn ? undefined : t("signInToFollow")}
          className={`h-9 rounded-full px-5 text-sm font-semibold disabled:opacity-60 ${
            state.following ? "bg-white text-ink ring-1 ring-line hover:text-brand" : "bg-brand text-white hover:bg-brand-dark"
          } ${className}`}
        >
          {state.following ? t("following") : t("follow")}
        </button>
        {showCount ? <span className="text-sm text-muted">{t("followers", { count: state.followerCount })}</span> : null}
      </span>
      {error ? (
        <span role="alert" className="text-xs text-brand-dark">
          {error}
        </span>
      ) : null}
    </span>
  );
}
