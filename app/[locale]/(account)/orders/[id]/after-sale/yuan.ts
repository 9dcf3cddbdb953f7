// The refund amount field: what the shopper types in yuan ("12.5", "12.50", "¥12") to integer fen,
// by string arithmetic (never floating point). The server checks the amount again against its own maximum.

/** Fen for a yuan amount with at most two decimals, or null when it is not one. */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/^[¥￥]\s*/, "").replace(/,/g, "");
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** "12.50" for 1250: the field's value (no currency sign, always two decimals). */
export function fenToYuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}
