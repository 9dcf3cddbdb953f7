"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

export function CopyLink({ url }: { url: string }) {
  const t = useTranslations("creator.showcase");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(url);
          setCopied(true);
        } catch {
          setCopied(false);
        }
      }}
      className="h-9 shrink-0 rounded-lg px-3 text-sm font-medium ring-1 ring-line hover:bg-canvas"
    >
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </button>
  );
}
