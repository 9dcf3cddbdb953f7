"use client";
// "Add to showcase" in the selection pool; becomes "In showcase" once added.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

export function AddToShowcaseButton({ productId, title, initialInShowcase }: { productId: string; title: string; initialInShowcase: boolean }) {
  const t = useTranslations("creator.pool");
  const trpc = useTRPC();
  const router = useRouter();
  const add = useMutation(trpc.affiliate.showcase.add.mutationOptions());
  const [inShowcase, setInShowcase] = useState(initialInShowcase);
  const [error, setError] = useState<string | null>(null);

  if (inShowcase) {
    return (
      <span className="inline-flex h-9 items-center rounded-full bg-canvas px-4 text-sm font-medium text-muted" aria-live="polite">
        ✓ {t("inShowcase")}
      </span>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        aria-label={t("addLabel", { title })}
        disabled={add.isPending}
        onClick={async () => {
          setError(null);
          try {
            await add.mutateAsync({ productId });
            setInShowcase(true);
            router.refresh();
          } catch (err) {
            setError(err instanceof Error && err.message ? err.message : t("error"));
          }
        }}
        className="h-9 rounded-full bg-brand px-4 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60"
      >
        {add.isPending ? t("adding") : t("add")}
      </button>
      {error && (
        <p role="alert" className="text-xs text-brand-dark">
          {error}
        </p>
      )}
    </div>
  );
}
