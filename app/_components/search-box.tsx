"use client";
import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";

/** A plain GET form: works without JavaScript and keeps the query in a shareable URL. */
export function SearchBox({ placeholder, label }: { placeholder: string; label: string }) {
  const locale = useLocale();
  const q = useSearchParams().get("q") ?? "";
  return (
    <form role="search" action={locale === "en" ? "/en/search" : "/search"} className="flex min-w-0 flex-1 items-center">
      <label htmlFor="site-search" className="sr-only">
        {label}
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={q}
        maxLength={100}
        placeholder={placeholder}
        className="h-10 min-w-0 flex-1 rounded-l-full border border-r-0 border-brand/60 bg-white px-4 text-sm outline-none placeholder:text-muted focus:border-brand"
      />
      <button type="submit" className="h-10 shrink-0 rounded-r-full bg-brand px-4 text-sm font-medium text-white hover:bg-brand-dark">
        {label}
      </button>
    </form>
  );
}
