/** Five stars filled to the rating (×100, e.g. 476 = 4.76). The label is read out instead of the stars. */
export function Stars({ x100, label, className = "h-3.5" }: { x100: number; label: string; className?: string }) {
  const pct = Math.max(0, Math.min(100, x100 / 5));
  const row = (
    <svg viewBox="0 0 100 20" className={`${className} w-auto max-w-none`} aria-hidden="true">
      {[0, 1, 2, 3, 4].map((i) => (
        <path
          key={i}
          transform={`translate(${i * 20} 0)`}
          d="M10 1.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L10 14.8l-5.2 2.8 1-5.8L1.5 7.7l5.9-.8z"
          fill="currentColor"
        />
      ))}
    </svg>
  );
  return (
    <span role="img" aria-label={label} className="relative inline-flex shrink-0 align-middle">
      <span className="text-line">{row}</span>
      <span className="absolute inset-y-0 left-0 overflow-hidden text-amber-400" style={{ width: `${pct}%` }}>
        {row}
      </span>
    </span>
  );
}
