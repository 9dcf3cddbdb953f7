"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/client";

const DEBOUNCE_MS = 150;
const MAX_LENGTH = 100;

type Suggestion = { text: string; kind: "query" | "product" | "shop" };

/** Splits `text` around the first case-insensitive occurrence of `typed`, for marking it. */
function splitAtMatch(text: string, typed: string): [string, string, string] | null {
  const needle = typed.trim().toLowerCase();
  if (!needle) return null;
  const at = text.toLowerCase().indexOf(needle);
  if (at < 0) return null;
  return [text.slice(0, at), text.slice(at, at + needle.length), text.slice(at + needle.length)];
}

function KindIcon({ kind }: { kind: Suggestion["kind"] }) {
  const common = { fill: "none", stroke: "currentColor", strokeWidth: 1.7, strokeLinecap: "round" as const, strokeLinejoin: "round" as const };
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 text-muted">
      {kind === "shop" ? (
        <path {...common} d="M3.5 8.5V16h13V8.5M2.5 4h15l-1 4.5a2.2 2.2 0 0 1-4.2.4 2.3 2.3 0 0 1-4.4 0 2.2 2.2 0 0 1-4.2-.4zM8 16v-4h4v4" />
      ) : kind === "product" ? (
        <path {...common} d="M4.5 6.5h11l-.8 9.5H5.3zM7.5 6.5V5a2.5 2.5 0 0 1 5 0v1.5" />
      ) : (
        <>
          <circle {...common} cx="9" cy="9" r="5.5" />
          <path {...common} d="m13 13 4 4" />
        </>
      )}
    </svg>
  );
}

/**
 * The header search: a plain GET form (works without JavaScript, keeps the query in a shareable URL)
 * enhanced into an ARIA 1.2 combobox with suggestions as you type. Arrow keys move through the
 * suggestions, Enter picks one (or searches for what was typed), Escape closes the list.
 */
export function SearchBox({ placeholder, label }: { placeholder: string; label: string }) {
  const locale = useLocale();
  const t = useTranslations("search");
  const trpc = useTRPC();
  const router = useRouter();
  const urlQ = useSearchParams().get("q") ?? "";
  const listboxId = useId();
  const optionId = (i: number) => `${listboxId}-option-${i}`;
  const inputRef = useRef<HTMLInputElement>(null);

  const [value, setValue] = useState(urlQ);
  const [seenUrlQ, setSeenUrlQ] = useState(urlQ);
  const [debounced, setDebounced] = useState(urlQ.trim());
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // A new search (back button, a link, a picked suggestion) puts its query into the box.
  if (urlQ !== seenUrlQ) {
    setSeenUrlQ(urlQ);
    setValue(urlQ);
    setIsOpen(false);
    setActive(-1);
  }

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  const suggestions = useQuery(
    trpc.search.suggest.queryOptions(
      { prefix: debounced },
      { enabled: isOpen && debounced.length > 0, placeholderData: keepPreviousData, staleTime: 60_000 },
    ),
  );
  const items: Suggestion[] = value.trim() && suggestions.data ? suggestions.data : [];
  const isExpanded = isOpen && items.length > 0;
  // The typed text the shown suggestions belong to (they lag the input by the debounce).
  const shownFor = debounced;

  function go(q: string) {
    const query = q.replace(/\s+/g, " ").trim();
    setIsOpen(false);
    setActive(-1);
    if (!query) {
      inputRef.current?.focus();
      return;
    }
    setValue(query);
    router.push({ pathname: "/search", query: { q: query } });
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return; // the IME is choosing characters; its keys are not ours
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp": {
        e.preventDefault();
        if (!isExpanded) {
          setIsOpen(true);
          return;
        }
        const step = e.key === "ArrowDown" ? 1 : -1;
        // Wraps through "nothing chosen" (-1), as the ARIA practices' list autocomplete does.
        setActive((i) => {
          const next = i + step;
          if (next >= items.length) return -1;
          if (next < -1) return items.length - 1;
          return next;
        });
        return;
      }
      case "Escape":
        if (isExpanded) {
          e.preventDefault(); // keep the text (type=search would clear it)
          setIsOpen(false);
          setActive(-1);
        }
        return;
      case "Enter":
        if (isExpanded && active >= 0 && items[active]) {
          e.preventDefault();
          go(items[active].text);
        }
        return; // otherwise the form submits what was typed
      default:
        return;
    }
  }

  return (
    <form
      role="search"
      action={locale === "en" ? "/en/search" : "/search"}
      onSubmit={(e) => {
        e.preventDefault();
        go(value);
      }}
      className="relative flex min-w-0 flex-1 items-center"
    >
      <label htmlFor="site-search" className="sr-only">
        {label}
      </label>
      <input
        ref={inputRef}
        id="site-search"
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listboxId}
        aria-activedescendant={isExpanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setIsOpen(true);
          setActive(-1);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => {
          setIsOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        maxLength={MAX_LENGTH}
        placeholder={placeholder}
        className="h-10 min-w-0 flex-1 rounded-l-full border border-r-0 border-brand/60 bg-white px-4 text-sm outline-none placeholder:text-muted focus:border-brand focus:shadow-[0_0_0_3px_rgb(254_44_85/0.15)]"
        // The border and halo show focus; the global outline would draw a square around the pill.
        style={{ outline: "none" }}
      />
      <button type="submit" className="h-10 shrink-0 rounded-r-full bg-brand px-4 text-sm font-medium text-white hover:bg-brand-dark">
        {label}
      </button>
      <ul
        id={listboxId}
        role="listbox"
        aria-label={t("suggestions")}
        hidden={!isExpanded}
        // Clicking a suggestion must not blur the input first (that would close the list).
        onMouseDown={(e) => e.preventDefault()}
        // On a phone the box is narrow, so the list spans the header's width instead.
        className="absolute inset-x-0 top-full z-40 mt-1.5 overflow-hidden rounded-2xl border border-line bg-white py-1.5 shadow-xl shadow-ink/10 max-sm:fixed max-sm:inset-x-2 max-sm:top-[3.75rem]"
      >
        {items.map((s, i) => {
          const parts = splitAtMatch(s.text, shownFor);
          return (
            <li
              key={`${s.kind}-${s.text}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onClick={() => go(s.text)}
              onMouseMove={() => i !== active && setActive(i)}
              className={`flex cursor-pointer items-center gap-2.5 px-4 py-2 text-sm ${i === active ? "bg-canvas" : ""}`}
            >
              <KindIcon kind={s.kind} />
              <span className="min-w-0 flex-1 truncate text-ink/90">
                {parts ? (
                  <>
                    {parts[0]}
                    <mark className="bg-transparent font-semibold text-brand">{parts[1]}</mark>
                    {parts[2]}
                  </>
                ) : (
                  s.text
                )}
              </span>
              {s.kind === "shop" && (
                <span className="shrink-0 rounded bg-brand-soft px-1.5 py-0.5 text-[11px] leading-none text-brand">{t("suggestShop")}</span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {isExpanded ? t("suggestionCount", { count: items.length }) : ""}
      </p>
    </form>
  );
}
