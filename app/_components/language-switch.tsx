"use client";
import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";
import { Link, usePathname } from "@/app/_i18n/navigation";

export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams().entries());
  const other = locale === "en" ? "zh" : "en";
  return (
    <Link
      href={{ pathname, query }}
      locale={other}
      hrefLang={other === "zh" ? "zh-CN" : "en"}
      className="rounded-full border border-line px-2.5 py-1 text-xs font-medium hover:border-brand hover:text-brand"
    >
      {label}
    </Link>
  );
}
