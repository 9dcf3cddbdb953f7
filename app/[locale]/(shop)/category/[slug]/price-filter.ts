// The category price filter: yuan in the URL (`?min=20&max=99.5`), fen on the server.

/** Highest price the catalog accepts as a filter (the schema's fen ceiling), in fen. */
const MAX_FEN = 100_000_000;

/**
 * "99", "99.5" or "99.50" yuan → 9950 fen, using string arithmetic so no float rounding
 * touches money. Anything else (negative, words, too many decimals, too large) → undefined.
 */
export function parseYuan(raw: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return undefined;
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(value);
  if (!m) return undefined;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return fen <= MAX_FEN ? fen : undefined;
}

/** 9950 → "99.5", 9900 → "99": the shortest yuan string for a URL or an input. */
export function fenToYuanParam(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (!cents) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

/** Both bounds from the URL; a reversed range is swapped rather than rejected. */
export function parsePriceRange(min: string | string[] | undefined, max: string | string[] | undefined) {
  let minFen = parseYuan(min);
  let maxFen = parseYuan(max);
  if (minFen !== undefined && maxFen !== undefined && minFen > maxFen) [minFen, maxFen] = [maxFen, minFen];
  return { minFen, maxFen, isActive: minFen !== undefined || maxFen !== undefined };
}
