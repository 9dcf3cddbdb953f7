"use client";
import { useRef } from "react";

/**
 * The phone's filter drawer: a modal <dialog>, so the page behind is inert (focus stays inside),
 * Escape closes it and focus returns to the "Filter" button. The facets inside are plain links;
 * each tap updates the URL (and the results behind), and the drawer stays open for the next one.
 */
export function FilterDrawer({
  label,
  title,
  closeLabel,
  showResultsLabel,
  activeCount,
  reset,
  children,
}: {
  label: string;
  title: string;
  closeLabel: string;
  showResultsLabel: string;
  activeCount: number;
  /** The "reset" link, rendered by the server. */
  reset: React.ReactNode;
  children: React.ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => dialog.current?.close();

  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className="flex h-8 shrink-0 items-center gap-1 rounded-full px-3 text-sm font-medium text-ink/85 ring-1 ring-line hover:text-brand hover:ring-brand lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4">
          <path d="M3 5h14M6 10h8M8.5 15h3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        {label}
        {activeCount > 0 && (
          <span className="grid h-4 min-w-4 place-items-center rounded-full bg-brand px-1 text-[10px] font-semibold leading-none text-white">{activeCount}</span>
        )}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="filter-drawer-title"
        onClose={() => opener.current?.focus()}
        // A tap on the dimmed backdrop (the dialog element itself, outside the panel) closes it.
        onClick={(e) => e.target === e.currentTarget && close()}
        className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-[88vw] max-w-sm bg-white p-0 text-ink shadow-2xl backdrop:bg-ink/50 open:flex open:flex-col"
      >
        <div className="flex items-center justify-between border-b border-line px-4 py-3">
          <h2 id="filter-drawer-title" className="text-base font-semibold">
            {title}
          </h2>
          <button type="button" onClick={close} aria-label={closeLabel} className="-mr-2 grid h-9 w-9 place-items-center rounded-full text-muted hover:bg-canvas hover:text-ink">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5">
              <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-4 py-4">{children}</div>
        <div className="flex gap-2.5 border-t border-line px-4 pb-[max(0.75rem,env(safe-area-inset-bottom))] pt-3">
          {reset}
          <button type="button" onClick={close} className="h-11 flex-1 rounded-full bg-brand text-sm font-semibold text-white hover:bg-brand-dark">
            {showResultsLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
