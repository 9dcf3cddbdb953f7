"use client";
// The seller's one public reply to a review.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

export function ReplyForm({ reviewId }: { reviewId: string }) {
  const t = useTranslations("review.seller");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const reply = useMutation(trpc.review.reply.mutationOptions());
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    try {
      await reply.mutateAsync({ reviewId, body });
      router.refresh();
    } catch (err) {
      const data = (err as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } }).data;
      setError(data?.fieldErrors?.body?.[0] ?? (err instanceof Error && err.message ? err.message : t("genericError")));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("replyLabel")}
      </label>
      <textarea
        id={id}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={300}
        rows={2}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        className="w-full rounded-lg border border-line px-3 py-2 text-sm outline-none focus:border-brand aria-invalid:border-brand"
      />
      {error ? (
        <p id={`${id}-note`} role="alert" className="text-xs text-brand-dark">
          {error}
        </p>
      ) : (
        <p id={`${id}-note`} className="text-xs text-muted">
          {t("replyHint")}
        </p>
      )}
      <button type="submit" disabled={reply.isPending} className="h-9 rounded-full bg-brand px-4 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {reply.isPending ? t("replying") : t("replySubmit")}
      </button>
    </form>
  );
}
