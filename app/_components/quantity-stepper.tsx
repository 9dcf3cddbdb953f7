"use client";
import { useState } from "react";

/**
 * − [n] + within min..max. Typing commits on blur or Enter (clamped); the buttons commit at once.
 * Labels come from the caller so it works in every namespace.
 */
export function QuantityStepper({
  value,
  min = 1,
  max,
  onChange,
  disabled = false,
  label,
  decreaseLabel,
  increaseLabel,
  size = "md",
}: {
  value: number;
  min?: number;
  max: number;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** Accessible name of the number field, e.g. "数量". */
  label: string;
  decreaseLabel: string;
  increaseLabel: string;
  size?: "sm" | "md";
}) {
  const [text, setText] = useState(String(value));
  // A new value from outside (a server answer, a button) replaces whatever is typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const upper = Math.max(min, max);

  function commit(raw: string) {
    const n = Number.parseInt(raw, 10);
    const next = Number.isFinite(n) ? Math.min(upper, Math.max(min, n)) : value;
    setText(String(next));
    if (next !== value) onChange(next);
  }

  const box = size === "sm" ? "h-8" : "h-9";
  const button = `grid ${box} w-8 place-items-center text-lg leading-none text-ink transition hover:bg-canvas disabled:cursor-not-allowed disabled:text-muted/40`;
  return (
    <div className={`inline-flex ${box} items-stretch overflow-hidden rounded-lg border border-line bg-white`}>
      <button type="button" aria-label={decreaseLabel} className={button} disabled={disabled || value <= min} onClick={() => onChange(Math.max(min, value - 1))}>
        −
      </button>
      <input
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        aria-label={label}
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value.replace(/\D/g, "").slice(0, 3))}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit(e.currentTarget.value);
          }
        }}
        className="w-11 border-x border-line text-center text-sm tabular-nums outline-none focus:bg-brand-soft disabled:bg-canvas disabled:text-muted"
      />
      <button type="button" aria-label={increaseLabel} className={button} disabled={disabled || value >= upper} onClick={() => onChange(Math.min(upper, value + 1))}>
        +
      </button>
    </div>
  );
}
