"use client";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_i18n/navigation";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl py-14 text-center">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-2 text-muted">{t("errorText")}</p>
      {error.digest && <p className="mt-1 font-mono text-xs text-muted">#{error.digest}</p>}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-full bg-brand px-5 py-2 text-sm font-semibold text-white hover:bg-brand-dark">
          {t("retry")}
        </button>
        <Link href="/" className="rounded-full px-5 py-2 text-sm font-semibold ring-1 ring-line">
          {t("backHome")}
        </Link>
      </div>
    </div>
  );
}
