// Text analysis for the embedded search engine, shared by indexing and querying so both sides agree:
//
// - normaliseText: compatibility-decompose, drop diacritics, lowercase ("Ｔ恤" → "t恤", "Café" → "cafe").
// - units: a field is split at separators into runs; a run is a sequence of *units*, each either one
//   CJK character or one letter/digit word. The index keeps a posting per unit and per adjacent pair
//   of units within a run (CJK bigrams, and pairs such as t+恤), so any contiguous piece of a title
//   can be found whatever a word segmenter would have made of it.
// - chunkQuery: the query side uses Intl.Segmenter to split Chinese into words ("蓝牙降噪耳机" →
//   蓝牙 | 降噪 | 耳机): each chunk must occur contiguously in a field and all chunks must occur
//   (AND). Single characters the segmenter leaves behind are glued to a neighbour (烧|水壶 → 烧水壶,
//   便|携|式 → 便携式), so a chunk is never a lone character pulled from unrelated words: "水壶"
//   never matches a title that only has 水果 and 茶壶.
// - stemWord: plural stripping for English; damerauLevenshtein: bounded edit distance for typos;
//   charPinyin / textPinyin / parsePinyin: toneless pinyin via pinyin-pro.
import { pinyin } from "pinyin-pro";

// ───────────────────────────── characters ─────────────────────────────

/** Han ideographs (BMP blocks), kana, bopomofo and Hangul syllables: each character is one unit. */
export function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0x3100 && c <= 0x312f) ||
    (c >= 0x2e80 && c <= 0x2fdf) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

/** High surrogates of planes 2–3 (CJK extensions B–H). */
function isCjkHighSurrogate(c: number): boolean {
  return c >= 0xd840 && c <= 0xd8bf;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const wordCharCache = new Map<number, boolean>();

/** Letters and digits of any script other than CJK (which are units on their own). */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = wordCharCache.get(c);
  if (known === undefined) {
    known = LETTER_OR_NUMBER.test(String.fromCharCode(c));
    if (wordCharCache.size < 10_000) wordCharCache.set(c, known);
  }
  return known;
}

const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * The one normalisation used for documents and queries: NFKD (full-width forms, ligatures and
 * circled digits become plain ones), combining marks dropped, NFC again (so Hangul recomposes),
 * lowercase. Pure ASCII and CJK text — almost everything — takes a fast path.
 */
export function normalizeText(input: string): string {
  if (typeof input !== "string" || input.length === 0) return "";
  let simple = true;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x80 && !isCjkCode(c)) {
      simple = false;
      break;
    }
  }
  const folded = simple ? input : input.normalize("NFKD").replace(COMBINING_MARKS, "").normalize("NFC");
  return folded.toLowerCase();
}

/** Normalises one code point of an original string (for highlighting, which maps back to it). */
export function normalizeCodePoint(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
  if (isCjkCode(c)) return ch;
  return normalizeText(ch);
}

// ───────────────────────────── units ─────────────────────────────

/**
 * Walks the units of a normalised string: `onUnit(start, end, isWord)` for each unit and
 * `onBreak()` at every separator between runs (spaces, punctuation, symbols, emoji, controls).
 */
export function scanUnits(norm: string, onUnit: (start: number, end: number, isWord: boolean) => void, onBreak: () => void): void {
  const n = norm.length;
  let i = 0;
  let broken = true;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (isCjkCode(c)) {
      onUnit(i, i + 1, false);
      broken = false;
      i++;
    } else if (isCjkHighSurrogate(c) && i + 1 < n) {
      onUnit(i, i + 2, false);
      broken = false;
      i += 2;
    } else if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(norm.charCodeAt(j)) && !isCjkCode(norm.charCodeAt(j))) j++;
      onUnit(i, j, true);
      broken = false;
      i = j;
    } else {
      if (!broken) onBreak();
      broken = true;
      i++;
    }
  }
}

/** A unit is a word (letters/digits) unless it is a single CJK character. */
export function isWordUnit(unit: string): boolean {
  const c = unit.charCodeAt(0);
  return !isCjkCode(c) && !isCjkHighSurrogate(c);
}

/**
 * The units of a normalised string, `null` marking each break between runs. Words are stemmed:
 * this is the form the index stores.
 */
export function indexUnits(norm: string): Array<string | null> {
  const out: Array<string | null> = [];
  scanUnits(
    norm,
    (start, end, isWord) => out.push(isWord ? stemWord(norm.slice(start, end)) : norm.slice(start, end)),
    () => out.push(null),
  );
  return out;
}

/**
 * Light English stemming: plural endings only ("earbuds" → "earbud", "accessories" → "accessory",
 * "boxes" → "box"). Enough for product nouns, and never turns one common product word into another.
 */
export function stemWord(word: string): string {
  const n = word.length;
  if (n < 4) return word;
  const c = word.charCodeAt(n - 1);
  if (c !== 0x73 /* s */) return word;
  for (let i = 0; i < n; i++) {
    const k = word.charCodeAt(i);
    if (k < 0x61 || k > 0x7a) return word; // digits, non-Latin: leave alone
  }
  if (word.endsWith("ies") && n > 4) return word.slice(0, -3) + "y";
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes") || word.endsWith("zes")) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  return word.slice(0, -1);
}

// ───────────────────────────── query chunks ─────────────────────────────

export interface QueryChunk {
  /** "word": one letter/digit word (exact, prefix, typo and pinyin matching); "cjk": units that must be contiguous. */
  kind: "word" | "cjk";
  /** Normalised, unstemmed units. */
  units: string[];
  /** The units as they appear in a normalised field. */
  text: string;
  /** The query's last chunk: matched as a prefix too (search as you type). */
  isLast: boolean;
}

const segmenter: Intl.Segmenter | null = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

interface UnitSpan {
  start: number;
  end: number;
  isWord: boolean;
}

/**
 * Splits a normalised query into chunks. Words stay words; within a run that contains Chinese,
 * Intl.Segmenter proposes word boundaries and stray single characters are glued to a neighbour (see
 * the file comment). Runs of four or more single characters (the segmenter giving up) are cut into
 * pairs, which keeps "纯棉t恤" findable in "纯棉短袖T恤".
 */
export function chunkQuery(norm: string, maxChunks = 32): QueryChunk[] {
  const runs: UnitSpan[][] = [[]];
  scanUnits(
    norm,
    (start, end, isWord) => runs[runs.length - 1].push({ start, end, isWord }),
    () => runs.push([]),
  );
  const chunks: QueryChunk[] = [];
  const emit = (units: UnitSpan[]) => {
    if (units.length === 0 || chunks.length >= maxChunks) return;
    const texts = units.map((u) => norm.slice(u.start, u.end));
    const kind = units.length === 1 && units[0].isWord ? "word" : "cjk";
    chunks.push({ kind, units: texts, text: texts.join(""), isLast: false });
  };
  for (const run of runs) {
    if (run.length === 0) continue;
    if (run.every((u) => u.isWord)) {
      for (const u of run) emit([u]);
      continue;
    }
    for (const piece of chunkRun(norm, run)) emit(piece);
  }
  if (chunks.length > 0) chunks[chunks.length - 1].isLast = true;
  return chunks;
}

function chunkRun(norm: string, run: UnitSpan[]): UnitSpan[][] {
  // 1. Segments: the segmenter's word boundaries, never splitting or merging a letter/digit word.
  const runStart = run[0].start;
  const boundaries = new Set<number>();
  if (segmenter) {
    for (const s of segmenter.segment(norm.slice(runStart, run[run.length - 1].end))) boundaries.add(runStart + s.index);
  }
  const segments: UnitSpan[][] = [];
  run.forEach((u, i) => {
    const newSegment = i === 0 || u.isWord || run[i - 1].isWord || !segmenter || boundaries.has(u.start);
    if (newSegment) segments.push([u]);
    else segments[segments.length - 1].push(u);
  });
  // 2. Strong segments (several characters, or a word of two or more letters) stand alone; weak ones
  //    (a single character or letter) are grouped or glued to a neighbour.
  const isWeak = (seg: UnitSpan[]) => seg.length === 1 && seg[0].end - seg[0].start <= (seg[0].isWord ? 1 : 2);
  const pieces: UnitSpan[][] = [];
  let i = 0;
  let gluePrefix: UnitSpan[] | null = null;
  while (i < segments.length) {
    if (!isWeak(segments[i])) {
      pieces.push(gluePrefix ? [...gluePrefix, ...segments[i]] : [...segments[i]]);
      gluePrefix = null;
      i++;
      continue;
    }
    let j = i;
    while (j < segments.length && isWeak(segments[j])) j++;
    const weak = segments.slice(i, j).map((s) => s[0]);
    if (weak.length === 1) {
      if (j < segments.length) gluePrefix = weak; // glue to the next strong segment
      else if (pieces.length > 0) pieces[pieces.length - 1].push(weak[0]);
      else pieces.push(weak);
    } else if (weak.length <= 3) {
      pieces.push(weak);
    } else {
      for (let k = 0; k < weak.length; ) {
        const take = weak.length - k === 3 ? 3 : 2;
        pieces.push(weak.slice(k, k + take));
        k += take;
      }
    }
    i = j;
  }
  return pieces;
}

// ───────────────────────────── edit distance ─────────────────────────────

/** Edits allowed for a query word of this length: none below 4, one up to 7, two from 8. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

const dlRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), bounded: returns `max + 1` as soon as the distance must exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (m + 1 > dlRows[0].length) for (let k = 0; k < 3; k++) dlRows[k] = new Int32Array(m + 1);
  let prev2 = dlRows[0];
  let prev = dlRows[1];
  let cur = dlRows[2];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m], max + 1);
}

// ───────────────────────────── pinyin ─────────────────────────────

const ONLY_LETTERS = /^[a-z]+$/;

/** All toneless readings of one Chinese character ("长" → chang, zhang; "绿" → lv, lu). Empty for anything else. */
export function charPinyin(ch: string): string[] {
  const c = ch.charCodeAt(0);
  if (!isCjkCode(c) && !isCjkHighSurrogate(c)) return [];
  let readings: string[];
  try {
    readings = pinyin(ch, { multiple: true, type: "array", toneType: "none", v: true }) as string[];
  } catch {
    return [];
  }
  const out = new Set<string>();
  for (const r of readings) {
    const s = r.toLowerCase();
    if (!ONLY_LETTERS.test(s)) continue;
    out.add(s);
    if (s.includes("v")) out.add(s.replace(/v/g, "u"));
  }
  return [...out];
}

/**
 * Full pinyin and initials of a text, letters and digits only, for prefix completion:
 * "电热水壶 1.7L" → { full: "dianreshuihu17l", initials: "drsh17l" }.
 */
export function textPinyin(text: string): { full: string; initials: string } {
  try {
    const full = (pinyin(text, { type: "array", toneType: "none", v: true }) as string[]).join("");
    const initials = (pinyin(text, { type: "array", toneType: "none", pattern: "first", v: true }) as string[]).join("");
    const clean = (s: string) => normalizeText(s).replace(/[^a-z0-9]/g, "");
    return { full: clean(full), initials: clean(initials) };
  } catch {
    return { full: "", initials: "" };
  }
}

export interface PinyinParse {
  syllables: string[];
  /** The last syllable is only a prefix ("shaoshuih" → shao, shui, h…). */
  partialLast: boolean;
}

/**
 * Splits letters into pinyin syllables ("shaoshuihu" → shao|shui|hu; "xian" → xian and xi|an).
 * `isSyllable` says which syllables exist (the index knows); with `allowPartialLast` the final piece
 * may be the prefix of a syllable (`isSyllablePrefix`). At most `maxParses` parses, longest
 * syllables first.
 */
export function parsePinyin(
  letters: string,
  isSyllable: (s: string) => boolean,
  isSyllablePrefix: (s: string) => boolean,
  allowPartialLast: boolean,
  maxParses = 4,
): PinyinParse[] {
  const out: PinyinParse[] = [];
  if (!ONLY_LETTERS.test(letters) || letters.length > 60) return out;
  const path: string[] = [];
  // Positions from which no parse can finish: remembered, so a hopeless string is not explored
  // exponentially ("aaaa…aq").
  const dead = new Set<number>();
  const walk = (pos: number): void => {
    if (out.length >= maxParses || dead.has(pos)) return;
    if (pos === letters.length) {
      out.push({ syllables: [...path], partialLast: false });
      return;
    }
    const found = out.length;
    for (let len = Math.min(6, letters.length - pos); len >= 1; len--) {
      const piece = letters.slice(pos, pos + len);
      if (isSyllable(piece)) {
        path.push(piece);
        walk(pos + len);
        path.pop();
        if (out.length >= maxParses) return;
      }
    }
    const rest = letters.slice(pos);
    if (allowPartialLast && rest.length <= 5 && !isSyllable(rest) && isSyllablePrefix(rest)) {
      out.push({ syllables: [...path, rest], partialLast: true });
    }
    if (out.length === found) dead.add(pos);
  };
  walk(0);
  return out;
}
