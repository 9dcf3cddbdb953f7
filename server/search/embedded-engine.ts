// The embedded, in-process search engine: the default engine, so the mall searches with nothing
// installed. It holds the documents it is given (it never reads the database) in an inverted index
// built for Chinese and English product search:
//
// - Postings per unit (a CJK character or a stemmed word) and per pair of adjacent units within a
//   run (see analysis.ts). A posting is a sorted Int32Array of `slot << 6 | fieldMask`: integer
//   document slots, with the fields the unit occurs in packed into the low bits for scoring.
// - A query is planned into a tree of AND (every chunk of the query) / OR (a chunk's alternatives:
//   exact, prefix, typo, pinyin, synonyms) over postings, evaluated into sorted (slot, score) arrays.
//   Chinese chunks of three or more units intersect their bigram postings and are then verified
//   against the field text, so a hit always contains the chunk contiguously.
// - Filters, disjunctive facet counts and sort keys read per-slot typed-array columns in one pass
//   over the matches: totals and facet counts are exact, and only the requested page is ordered
//   (a bounded heap), so broad queries stay cheap.
//
// Every method accepts odd input without throwing: searches that cannot be answered return an
// empty result.
import {
  MAX_QUERY_LENGTH,
  PRICE_BANDS,
  type CreatorDoc,
  type EngineProductHit,
  type EngineQuery,
  type EngineResult,
  type Highlight,
  type ProductDoc,
  type ProductFacets,
  type SearchDoc,
  type SearchEngine,
  type SearchSort,
  type ShopDoc,
} from "@/server/search/search.schema";
import {
  charPinyin,
  chunkQuery,
  damerauLevenshtein,
  indexUnits,
  isWordUnit,
  normalizeCodePoint,
  normalizeText,
  parsePinyin,
  scanUnits,
  stemWord,
  textPinyin,
  typoBudget,
  type QueryChunk,
} from "@/server/search/analysis";
import { SYNONYM_GROUPS } from "@/server/search/synonyms";

// ───────────────────────────── scoring constants ─────────────────────────────

/** Product fields, in descending weight: title > tags > category names > shop name > region > subtitle. */
const PRODUCT_FIELD_WEIGHTS = [10, 6, 4, 3, 2, 1];
/** Pinyin matches count in title, tags, category names and shop name. */
const PRODUCT_PINYIN_FIELDS = 0b001111;
const SHOP_FIELD_WEIGHTS = [10, 4, 2]; // name, region, tagline
const CREATOR_FIELD_WEIGHTS = [10, 6, 2]; // name + handle, tags, bio

const FACTOR_EXACT = 1;
const FACTOR_PREFIX = 0.9;
const FACTOR_PINYIN = 0.85;
const FACTOR_SYNONYM = 0.8;
const FACTOR_PINYIN_INITIALS = 0.7;
const FACTOR_TYPO_1 = 0.7;
const FACTOR_TYPO_2 = 0.55;
/** Relevance = text score × (1 + POPULARITY_WEIGHT × popularity), popularity in [0, 1]. */
const POPULARITY_WEIGHT = 0.5;
/** A prefix expands to at most this many vocabulary words (the most frequent). */
const MAX_PREFIX_EXPANSIONS = 48;
const MAX_TYPO_EXPANSIONS = 16;
const MAX_PINYIN_SYLLABLES = 16;

const FIELD_BITS = 6;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
/** Separator between the values joined into one field; never part of a query chunk. */
const SEP = "\n";

// ───────────────────────────── scored sets ─────────────────────────────

/** Matching slots in ascending order with their text scores. */
interface ScoredSet {
  docs: Int32Array;
  scores: Float32Array;
  n: number;
}

/** Matching slots in ascending order with the fields they matched in. */
interface MaskedSet {
  docs: Int32Array;
  masks: Uint8Array;
  n: number;
}

const EMPTY_SET: ScoredSet = { docs: new Int32Array(0), scores: new Float32Array(0), n: 0 };

type Node =
  | { k: "none" }
  | { k: "post"; pid: number; factor: number; fields: number }
  | { k: "phrase"; pids: number[]; text: string; factor: number }
  | { k: "pinyin"; sets: number[][]; factor: number }
  | { k: "and"; kids: Node[]; mul: number }
  | { k: "or"; kids: Node[]; mul: number };

const NONE: Node = { k: "none" };

function orNode(kids: Node[], mul = 1): Node {
  const real = kids.filter((k) => k.k !== "none");
  if (real.length === 0) return NONE;
  if (real.length === 1 && mul === 1) return real[0];
  return { k: "or", kids: real, mul };
}

function andNode(kids: Node[], mul = 1): Node {
  if (kids.length === 0 || kids.some((k) => k.k === "none")) return NONE;
  if (kids.length === 1 && mul === 1) return kids[0];
  return { k: "and", kids, mul };
}

/** What to mark in titles: matched words (stemmed), contiguous chunks, pinyin character patterns. */
interface HighlightSpec {
  words: Set<string>;
  phrases: Set<string>;
  pinyin: Array<Array<Set<number>>>;
}

// ───────────────────────────── synonyms ─────────────────────────────

interface SynonymTable {
  /** Key of a term's chunks → the other terms of its groups, each as chunks. */
  byKey: Map<string, QueryChunk[][]>;
  maxChunks: number;
}

function chunkKey(chunks: QueryChunk[]): string {
  return chunks.map((c) => (c.kind === "word" ? stemWord(c.text) : c.text)).join("\u0001");
}

let synonymTable: SynonymTable | null = null;

function synonyms(): SynonymTable {
  if (synonymTable) return synonymTable;
  const byKey = new Map<string, QueryChunk[][]>();
  let maxChunks = 1;
  for (const group of SYNONYM_GROUPS) {
    const terms = group.map((t) => chunkQuery(normalizeText(t)).map((c) => ({ ...c, isLast: false }))).filter((c) => c.length > 0);
    for (const term of terms) {
      maxChunks = Math.max(maxChunks, term.length);
      const key = chunkKey(term);
      const list = byKey.get(key) ?? [];
      for (const other of terms) if (chunkKey(other) !== key && !list.some((l) => chunkKey(l) === chunkKey(other))) list.push(other);
      byKey.set(key, list);
    }
  }
  synonymTable = { byKey, maxChunks };
  return synonymTable;
}

// ───────────────────────────── the inverted index ─────────────────────────────

/** Control characters become spaces; at most MAX_QUERY_LENGTH characters are searched. */
function cleanQueryText(q: unknown): string {
  if (typeof q !== "string") return "";
  return q.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, MAX_QUERY_LENGTH).trim();
}

class Scratch {
  stamp = new Uint32Array(0);
  score = new Float32Array(0);
  mask = new Uint8Array(0);
  touched = new Int32Array(0);
  current = 0;
  ensure(size: number): void {
    if (this.stamp.length >= size) return;
    const cap = Math.max(1024, Math.ceil(size * 1.5));
    this.stamp = new Uint32Array(cap);
    this.score = new Float32Array(cap);
    this.mask = new Uint8Array(cap);
    this.touched = new Int32Array(cap);
    this.current = 0;
  }
  next(): number {
    this.current = (this.current + 1) >>> 0;
    if (this.current === 0) {
      this.stamp.fill(0);
      this.current = 1;
    }
    return this.current;
  }
}

/**
 * A field-weighted inverted index over documents identified by integer slots. The owner assigns
 * slots, passes each document's normalised field texts (one string per field, values joined with
 * SEP) and keeps its own columns.
 */
class TextIndex {
  private readonly maskWeight = new Float32Array(1 << FIELD_BITS);
  private readonly fieldWeights: number[];
  private readonly pinyinFields: number;

  private readonly unitIds = new Map<string, number>();
  private readonly unitText: string[] = [];
  private readonly unitPid: number[] = [];
  private readonly bigramPid = new Map<number, number>();
  /** Per first unit: flat [second unit, posting id, …] of the bigrams starting with it (for pinyin). */
  private readonly bigramsByFirst: Array<number[] | undefined> = [];

  private readonly pDocs: Int32Array[] = [];
  private pLen = new Int32Array(1024);
  private postingCount = 0;

  /** Normalised field texts per slot (undefined when the slot is free). */
  readonly fields: Array<string[] | undefined> = [];

  private readonly wordUnits: number[] = [];
  private vocabVersion = 0;
  private sortedWords: { version: number; words: string[]; ids: number[] } | null = null;
  private readonly typoCache = new Map<string, Array<[number, number]>>();
  private typoCacheVersion = -1;

  private readonly syllableUnits = new Map<string, number[]>();
  private readonly initialUnits = new Map<string, number[]>();
  private readonly syllablePrefixes = new Set<string>();
  private readonly syllablePrefixCache = new Map<string, number[]>();

  private readonly analysisCache = new Map<string, Int32Array>();
  private readonly scratch = new Scratch();
  private readonly docPostings = new Map<number, number>();

  constructor(fieldWeights: number[], pinyinFields: number) {
    this.fieldWeights = fieldWeights;
    this.pinyinFields = pinyinFields;
    for (let m = 1; m < this.maskWeight.length; m++) {
      let best = 0;
      for (let f = 0; f < fieldWeights.length; f++) if (m & (1 << f)) best = Math.max(best, fieldWeights[f]);
      this.maskWeight[m] = best;
    }
  }

  get unitCount(): number {
    return this.unitText.length;
  }

  get postingsTotal(): number {
    let total = 0;
    for (let p = 0; p < this.postingCount; p++) total += this.pLen[p];
    return total;
  }

  // ── vocabulary

  private newPosting(): number {
    const pid = this.postingCount++;
    if (pid >= this.pLen.length) {
      const grown = new Int32Array(this.pLen.length * 2);
      grown.set(this.pLen);
      this.pLen = grown;
    }
    this.pDocs.push(new Int32Array(2));
    return pid;
  }

  private unit(text: string, create: boolean): number {
    let id = this.unitIds.get(text);
    if (id !== undefined) return id;
    if (!create) return -1;
    id = this.unitText.length;
    this.unitIds.set(text, id);
    this.unitText.push(text);
    this.unitPid.push(this.newPosting());
    this.bigramsByFirst.push(undefined);
    if (isWordUnit(text)) {
      this.wordUnits.push(id);
      this.vocabVersion++;
    } else {
      this.registerPinyin(id, text);
    }
    return id;
  }

  private bigram(a: number, b: number, create: boolean): number {
    const key = a * 67_108_864 + b;
    let pid = this.bigramPid.get(key);
    if (pid !== undefined) return pid;
    if (!create) return -1;
    pid = this.newPosting();
    this.bigramPid.set(key, pid);
    let list = this.bigramsByFirst[a];
    if (!list) this.bigramsByFirst[a] = list = [];
    list.push(b, pid);
    return pid;
  }

  private registerPinyin(id: number, text: string): void {
    for (const reading of charPinyin(text)) {
      let list = this.syllableUnits.get(reading);
      if (!list) this.syllableUnits.set(reading, (list = []));
      list.push(id);
      let initial = this.initialUnits.get(reading[0]);
      if (!initial) this.initialUnits.set(reading[0], (initial = []));
      if (initial[initial.length - 1] !== id) initial.push(id);
      for (let k = 1; k <= reading.length; k++) this.syllablePrefixes.add(reading.slice(0, k));
    }
    this.syllablePrefixCache.clear();
  }

  /** Posting ids (units and bigrams) of one normalised field text, deduplicated. */
  private analyze(norm: string, create: boolean): Int32Array {
    const cacheable = norm.length <= 160;
    if (cacheable) {
      const hit = this.analysisCache.get(norm);
      if (hit) return hit;
    }
    const pids: number[] = [];
    let prev = -1;
    for (const u of indexUnits(norm)) {
      if (u === null) {
        prev = -1;
        continue;
      }
      const id = this.unit(u, create);
      if (id < 0) {
        prev = -1;
        continue;
      }
      pids.push(this.unitPid[id]);
      if (prev >= 0) {
        const bp = this.bigram(prev, id, create);
        if (bp >= 0) pids.push(bp);
      }
      prev = id;
    }
    const sorted = Int32Array.from(pids).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
    const out = sorted.slice(0, n);
    if (cacheable && create) {
      if (this.analysisCache.size >= 50_000) this.analysisCache.clear();
      this.analysisCache.set(norm, out);
    }
    return out;
  }

  /** Posting id → field mask for a document's fields. */
  private collect(fields: string[], create: boolean): Map<number, number> {
    const acc = this.docPostings;
    acc.clear();
    for (let f = 0; f < fields.length; f++) {
      const bit = 1 << f;
      for (const pid of this.analyze(fields[f], create)) acc.set(pid, (acc.get(pid) ?? 0) | bit);
    }
    return acc;
  }

  // ── postings

  private lowerBound(arr: Int32Array, len: number, slot: number): number {
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (arr[mid] >> FIELD_BITS < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private postingSet(pid: number, slot: number, mask: number): void {
    let arr = this.pDocs[pid];
    const len = this.pLen[pid];
    const value = (slot << FIELD_BITS) | mask;
    let idx = len;
    if (len > 0 && arr[len - 1] >> FIELD_BITS >= slot) {
      idx = this.lowerBound(arr, len, slot);
      if (arr[idx] >> FIELD_BITS === slot) {
        arr[idx] = value;
        return;
      }
    }
    if (len === arr.length) {
      const grown = new Int32Array(len < 64 ? len * 2 : Math.ceil(len * 1.5));
      grown.set(arr);
      this.pDocs[pid] = arr = grown;
    }
    if (idx < len) arr.copyWithin(idx + 1, idx, len);
    arr[idx] = value;
    this.pLen[pid] = len + 1;
  }

  private postingRemove(pid: number, slot: number): void {
    const arr = this.pDocs[pid];
    const len = this.pLen[pid];
    const idx = this.lowerBound(arr, len, slot);
    if (idx < len && arr[idx] >> FIELD_BITS === slot) {
      arr.copyWithin(idx, idx + 1, len);
      this.pLen[pid] = len - 1;
    }
  }

  // ── documents

  /** Indexes a slot's fields, replacing what the slot held before (only changed postings are touched). */
  set(slot: number, fields: string[]): void {
    const old = this.fields[slot];
    if (old && old.length === fields.length && old.every((f, i) => f === fields[i])) return;
    const oldPostings = old ? new Map(this.collect(old, false)) : null;
    const next = this.collect(fields, true);
    if (oldPostings) {
      for (const pid of oldPostings.keys()) if (!next.has(pid)) this.postingRemove(pid, slot);
      for (const [pid, mask] of next) if (oldPostings.get(pid) !== mask) this.postingSet(pid, slot, mask);
    } else {
      for (const [pid, mask] of next) this.postingSet(pid, slot, mask);
    }
    this.fields[slot] = fields;
  }

  delete(slot: number): void {
    const old = this.fields[slot];
    if (!old) return;
    for (const pid of this.collect(old, false).keys()) this.postingRemove(pid, slot);
    this.fields[slot] = undefined;
  }

  // ── vocabulary look-ups for planning

  private df(unitId: number): number {
    return this.pLen[this.unitPid[unitId]];
  }

  private wordsWithPrefix(prefix: string): number[] {
    if (!this.sortedWords || this.sortedWords.version !== this.vocabVersion) {
      const words = this.wordUnits.map((id) => this.unitText[id]).sort();
      this.sortedWords = { version: this.vocabVersion, words, ids: words.map((w) => this.unitIds.get(w)!) };
    }
    const { words, ids } = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < words.length && words[i].startsWith(prefix); i++) if (this.df(ids[i]) > 0) out.push(ids[i]);
    if (out.length > MAX_PREFIX_EXPANSIONS) {
      out.sort((a, b) => this.df(b) - this.df(a));
      out.length = MAX_PREFIX_EXPANSIONS;
    }
    return out;
  }

  /** Vocabulary words within the typo budget of `word`: [unit id, distance], closest and most frequent first. */
  private typoNeighbours(word: string): Array<[number, number]> {
    const budget = typoBudget(word.length);
    if (budget === 0 || word.length > 40 || /[0-9]/.test(word)) return [];
    if (this.typoCacheVersion !== this.vocabVersion) {
      this.typoCache.clear();
      this.typoCacheVersion = this.vocabVersion;
    }
    const cached = this.typoCache.get(word);
    if (cached) return cached.filter(([id]) => this.df(id) > 0);
    const out: Array<[number, number]> = [];
    for (const id of this.wordUnits) {
      const text = this.unitText[id];
      if (Math.abs(text.length - word.length) > budget) continue;
      const d = damerauLevenshtein(word, text, budget);
      if (d > 0 && d <= budget) out.push([id, d]);
    }
    out.sort((a, b) => a[1] - b[1] || this.df(b[0]) - this.df(a[0]));
    if (out.length > MAX_TYPO_EXPANSIONS) out.length = MAX_TYPO_EXPANSIONS;
    if (this.typoCache.size > 5_000) this.typoCache.clear();
    this.typoCache.set(word, out);
    return out.filter(([id]) => this.df(id) > 0);
  }

  private unitsForSyllablePrefix(prefix: string): number[] {
    let cached = this.syllablePrefixCache.get(prefix);
    if (cached) return cached;
    const set = new Set<number>();
    for (const [syllable, units] of this.syllableUnits) if (syllable.startsWith(prefix)) for (const u of units) set.add(u);
    cached = [...set];
    this.syllablePrefixCache.set(prefix, cached);
    return cached;
  }

  private isSyllable = (s: string): boolean => this.syllableUnits.has(s);
  private isSyllablePrefix = (s: string): boolean => this.syllablePrefixes.has(s);

  // ── planning

  /** Plans a cleaned query; `null` when the query has nothing searchable in it. */
  plan(q: string): { node: Node; hl: HighlightSpec } | null {
    const chunks = chunkQuery(normalizeText(q));
    if (chunks.length === 0) return null;
    const hl: HighlightSpec = { words: new Set(), phrases: new Set(), pinyin: [] };
    const syn = synonyms();
    const groups: Node[] = [];
    let i = 0;
    outer: while (i < chunks.length) {
      // 1. A synonym term starting here (longest first): the span or any other term of its groups.
      for (let len = Math.min(syn.maxChunks, chunks.length - i); len >= 1; len--) {
        const span = chunks.slice(i, i + len);
        const others = syn.byKey.get(chunkKey(span));
        if (!others) continue;
        const base = andNode(span.map((c) => this.chunkNode(c, hl, true)));
        const alts = [base, ...this.pinyinJoin(span, hl)];
        for (const term of others) {
          const node = andNode(term.map((c) => this.chunkNode(c, hl, false)));
          if (node.k !== "none") alts.push(orNode([node], (FACTOR_SYNONYM * span.length) / term.length));
        }
        groups.push(orNode(alts));
        i += len;
        continue outer;
      }
      // 2. Several words that together spell pinyin ("shao shui hu"): the words, or the joined pinyin.
      let j = i;
      while (j < chunks.length && j - i < MAX_PINYIN_SYLLABLES && this.isPinyinWord(chunks[j])) j++;
      if (j - i >= 2) {
        const span = chunks.slice(i, j);
        groups.push(orNode([andNode(span.map((c) => this.chunkNode(c, hl, true))), ...this.pinyinJoin(span, hl)]));
        i = j;
        continue;
      }
      groups.push(this.chunkNode(chunks[i], hl, true));
      i++;
    }
    return { node: andNode(groups), hl };
  }

  private isPinyinWord(c: QueryChunk): boolean {
    return c.kind === "word" && /^[a-z]+$/.test(c.text) && parsePinyin(c.text, this.isSyllable, this.isSyllablePrefix, c.isLast, 1).length > 0;
  }

  /** Pinyin alternatives for words that are all pinyin, read as one run of syllables. */
  private pinyinJoin(span: QueryChunk[], hl: HighlightSpec): Node[] {
    if (span.length < 2 || !span.every((c) => this.isPinyinWord(c))) return [];
    const joined = span.map((c) => c.text).join("");
    return this.pinyinNodes(joined, span[span.length - 1].isLast, hl, span.length, false);
  }

  private pinyinNodes(letters: string, allowPartial: boolean, hl: HighlightSpec, mul: number, initials: boolean): Node[] {
    const out: Node[] = [];
    const parses = parsePinyin(letters, this.isSyllable, this.isSyllablePrefix, allowPartial, 3).filter(
      (p) => p.syllables.length >= 2 && p.syllables.length <= MAX_PINYIN_SYLLABLES,
    );
    for (const parse of parses) {
      const sets = parse.syllables.map((s, k) =>
        k === parse.syllables.length - 1 && parse.partialLast ? this.unitsForSyllablePrefix(s) : (this.syllableUnits.get(s) ?? []),
      );
      out.push(this.pinyinNode(sets, FACTOR_PINYIN * mul, hl));
    }
    // Initials ("ssh") when the letters do not spell whole syllables; "ej" (e + j…) still counts.
    if (initials && letters.length >= 2 && letters.length <= 6 && parsePinyin(letters, this.isSyllable, this.isSyllablePrefix, false, 1).length === 0) {
      const sets = [...letters].map((ch) => this.initialUnits.get(ch) ?? []);
      out.push(this.pinyinNode(sets, FACTOR_PINYIN_INITIALS * mul, hl));
    }
    return out.filter((n) => n.k !== "none");
  }

  private pinyinNode(sets: number[][], factor: number, hl: HighlightSpec): Node {
    if (sets.some((s) => s.length === 0)) return NONE;
    hl.pinyin.push(sets.map((s) => new Set(s.map((u) => this.unitText[u].charCodeAt(0)))));
    return { k: "pinyin", sets, factor };
  }

  /** One query chunk: a word with its expansions, or contiguous Chinese. */
  private chunkNode(c: QueryChunk, hl: HighlightSpec, fuzzy: boolean): Node {
    if (c.kind === "word") return this.wordNode(c, hl, fuzzy);
    const ids = c.units.map((u) => this.unit(isWordUnit(u) ? stemWord(u) : u, false));
    if (ids.some((id) => id < 0)) return NONE;
    hl.phrases.add(c.text);
    if (ids.length === 1) return { k: "post", pid: this.unitPid[ids[0]], factor: FACTOR_EXACT, fields: FIELD_MASK };
    const pids: number[] = [];
    for (let k = 1; k < ids.length; k++) {
      const pid = this.bigram(ids[k - 1], ids[k], false);
      if (pid < 0) return NONE;
      if (!pids.includes(pid)) pids.push(pid);
    }
    if (ids.length === 2) return { k: "post", pid: pids[0], factor: FACTOR_EXACT, fields: FIELD_MASK };
    return { k: "phrase", pids, text: c.text, factor: FACTOR_EXACT };
  }

  private wordNode(c: QueryChunk, hl: HighlightSpec, fuzzy: boolean): Node {
    const raw = c.text;
    const stem = stemWord(raw);
    const alts: Node[] = [];
    const id = this.unit(stem, false);
    const exact = id >= 0 && this.df(id) > 0;
    if (exact) {
      alts.push({ k: "post", pid: this.unitPid[id], factor: FACTOR_EXACT, fields: FIELD_MASK });
      hl.words.add(stem);
    }
    if (!fuzzy) return orNode(alts);
    if (c.isLast) {
      for (const other of this.wordsWithPrefix(raw)) {
        if (other === id) continue;
        alts.push({ k: "post", pid: this.unitPid[other], factor: FACTOR_PREFIX, fields: FIELD_MASK });
        hl.words.add(this.unitText[other]);
      }
    }
    const english = alts.length > 0;
    if (!english) {
      for (const [other, d] of this.typoNeighbours(stem)) {
        alts.push({ k: "post", pid: this.unitPid[other], factor: d === 1 ? FACTOR_TYPO_1 : FACTOR_TYPO_2, fields: FIELD_MASK });
        hl.words.add(this.unitText[other]);
      }
    }
    // Pinyin unless the word is in the vocabulary; initials only when it starts no vocabulary word either.
    if (!exact && /^[a-z]+$/.test(raw)) alts.push(...this.pinyinNodes(raw, c.isLast, hl, 1, !english));
    return orNode(alts);
  }

  // ── evaluation

  /** Evaluates a plan into matching slots with text scores. */
  evaluate(node: Node): ScoredSet {
    this.scratch.ensure(this.fields.length + 1);
    return this.eval(node);
  }

  private eval(node: Node): ScoredSet {
    switch (node.k) {
      case "none":
        return EMPTY_SET;
      case "post":
        return this.evalPosting(node.pid, node.factor, node.fields);
      case "phrase":
        return this.evalPhrase(node.pids, node.text, node.factor);
      case "pinyin":
        return this.evalPinyin(node.sets, node.factor);
      case "and": {
        const sets = node.kids.map((k) => this.eval(k)).sort((a, b) => a.n - b.n);
        let acc = sets[0];
        for (let k = 1; k < sets.length && acc.n > 0; k++) acc = intersect(acc, sets[k]);
        return scale(acc, node.mul);
      }
      case "or": {
        const sets = node.kids.map((k) => this.eval(k)).filter((s) => s.n > 0);
        return scale(this.union(sets), node.mul);
      }
    }
  }

  private evalPosting(pid: number, factor: number, fields: number): ScoredSet {
    const arr = this.pDocs[pid];
    const len = this.pLen[pid];
    const docs = new Int32Array(len);
    const scores = new Float32Array(len);
    let n = 0;
    for (let i = 0; i < len; i++) {
      const e = arr[i];
      const m = e & fields & FIELD_MASK;
      if (m === 0) continue;
      docs[n] = e >> FIELD_BITS;
      scores[n] = this.maskWeight[m] * factor;
      n++;
    }
    return { docs, scores, n };
  }

  /** Three or more contiguous units: slots having every bigram, verified to contain the text. */
  private evalPhrase(pids: number[], text: string, factor: number): ScoredSet {
    const order = [...pids].sort((a, b) => this.pLen[a] - this.pLen[b]);
    const base = this.pDocs[order[0]];
    const baseLen = this.pLen[order[0]];
    const cursors = new Int32Array(order.length);
    const docs = new Int32Array(baseLen);
    const scores = new Float32Array(baseLen);
    let n = 0;
    for (let i = 0; i < baseLen; i++) {
      const slot = base[i] >> FIELD_BITS;
      let mask = base[i] & FIELD_MASK;
      for (let k = 1; k < order.length && mask !== 0; k++) {
        const arr = this.pDocs[order[k]];
        const len = this.pLen[order[k]];
        const at = gallop(arr, len, cursors[k], slot);
        cursors[k] = at;
        if (at < len && arr[at] >> FIELD_BITS === slot) mask &= arr[at] & FIELD_MASK;
        else mask = 0;
      }
      if (mask === 0) continue;
      const fields = this.fields[slot];
      if (!fields) continue;
      for (let f = 0; f < fields.length; f++) {
        if (mask & (1 << f) && fields[f].includes(text)) {
          docs[n] = slot;
          scores[n] = this.fieldWeights[f] * factor;
          n++;
          break;
        }
      }
    }
    return { docs, scores, n };
  }

  /**
   * Characters by reading. Each adjacent pair of positions maps to the bigrams whose characters have
   * those readings; slots must have such a bigram for every pair (the most selective pairs are
   * intersected first), and with three or more positions a field must hold the whole sequence.
   */
  private evalPinyin(sets: number[][], factor: number): ScoredSet {
    const n = sets.length;
    const unitBits = new Map<number, number>();
    sets.forEach((set, p) => {
      for (const u of set) unitBits.set(u, (unitBits.get(u) ?? 0) | (1 << p));
    });
    const pairs: Array<{ pids: number[]; total: number }> = [];
    for (let p = 0; p + 1 < n; p++) {
      const pids: number[] = [];
      let total = 0;
      const nextBit = 1 << (p + 1);
      for (const a of sets[p]) {
        const list = this.bigramsByFirst[a];
        if (!list) continue;
        for (let j = 0; j < list.length; j += 2) {
          if ((unitBits.get(list[j]) ?? 0) & nextBit) {
            const pid = list[j + 1];
            if (this.pLen[pid] > 0) {
              pids.push(pid);
              total += this.pLen[pid];
            }
          }
        }
      }
      if (total === 0) return EMPTY_SET;
      pairs.push({ pids, total });
    }
    pairs.sort((a, b) => a.total - b.total);
    let cand = this.unionMasks(pairs[0].pids, this.pinyinFields);
    // Narrow with the next pairs while that is cheaper than verifying: the field masks AND, since
    // the whole sequence must sit in one field.
    for (let k = 1; k < pairs.length && cand.n > 64 && pairs[k].total <= cand.n * 8; k++) {
      cand = intersectMasks(cand, this.unionMasks(pairs[k].pids, this.pinyinFields));
    }
    const docs = new Int32Array(cand.n);
    const scores = new Float32Array(cand.n);
    let m = 0;
    if (n === 2) {
      for (let i = 0; i < cand.n; i++) {
        docs[m] = cand.docs[i];
        scores[m++] = this.maskWeight[cand.masks[i]] * factor;
      }
      return { docs, scores, n: m };
    }
    // Verify: one field must hold n consecutive characters, the k-th having a reading of syllable k.
    const table = charBitsTable;
    const codes: number[] = [];
    for (const [u, bits] of unitBits) {
      const code = this.unitText[u].charCodeAt(0);
      table[code] |= bits;
      codes.push(code);
    }
    try {
      for (let i = 0; i < cand.n; i++) {
        const slot = cand.docs[i];
        const mask = cand.masks[i];
        const fields = this.fields[slot];
        if (!fields) continue;
        for (let f = 0; f < fields.length; f++) {
          if (mask & (1 << f) && hasPinyinWindow(fields[f], table, n)) {
            docs[m] = slot;
            scores[m++] = this.fieldWeights[f] * factor;
            break;
          }
        }
      }
    } finally {
      for (const code of codes) table[code] = 0;
    }
    return { docs, scores, n: m };
  }

  /** Union of raw postings restricted to some fields, keeping each slot's field mask (OR). */
  private unionMasks(pids: number[], fields: number): MaskedSet {
    const s = this.scratch;
    const stamp = s.next();
    let t = 0;
    for (const pid of pids) {
      const arr = this.pDocs[pid];
      const len = this.pLen[pid];
      for (let i = 0; i < len; i++) {
        const e = arr[i];
        const mask = e & fields & FIELD_MASK;
        if (mask === 0) continue;
        const d = e >> FIELD_BITS;
        if (s.stamp[d] !== stamp) {
          s.stamp[d] = stamp;
          s.mask[d] = mask;
          s.touched[t++] = d;
        } else s.mask[d] |= mask;
      }
    }
    const docs = this.stampedSlots(stamp, t);
    const masks = new Uint8Array(t);
    for (let i = 0; i < t; i++) masks[i] = s.mask[docs[i]];
    return { docs, masks, n: t };
  }

  /** Union keeping each slot's best score. */
  private union(sets: ScoredSet[]): ScoredSet {
    if (sets.length === 0) return EMPTY_SET;
    if (sets.length === 1) return sets[0];
    if (sets.length === 2) return mergeMax(sets[0], sets[1]);
    const s = this.scratch;
    const stamp = s.next();
    let t = 0;
    for (const set of sets) {
      for (let i = 0; i < set.n; i++) {
        const d = set.docs[i];
        const v = set.scores[i];
        if (s.stamp[d] !== stamp) {
          s.stamp[d] = stamp;
          s.score[d] = v;
          s.touched[t++] = d;
        } else if (v > s.score[d]) s.score[d] = v;
      }
    }
    return this.collectStamped(stamp, t);
  }

  /** The `t` slots stamped with `stamp`, ascending, with their scratch scores. */
  private collectStamped(stamp: number, t: number): ScoredSet {
    const docs = this.stampedSlots(stamp, t);
    const scores = new Float32Array(t);
    for (let i = 0; i < t; i++) scores[i] = this.scratch.score[docs[i]];
    return { docs, scores, n: t };
  }

  /** The `t` slots stamped with `stamp`, ascending: a scan when they are many, else a sort. */
  private stampedSlots(stamp: number, t: number): Int32Array {
    const s = this.scratch;
    const docs = new Int32Array(t);
    if (t > this.fields.length / 8) {
      let k = 0;
      for (let d = 0; d < this.fields.length && k < t; d++) if (s.stamp[d] === stamp) docs[k++] = d;
    } else {
      docs.set(s.touched.subarray(0, t));
      docs.sort();
    }
    return docs;
  }
}

function scale(set: ScoredSet, mul: number): ScoredSet {
  if (mul === 1 || set.n === 0) return set;
  const scores = new Float32Array(set.n);
  for (let i = 0; i < set.n; i++) scores[i] = set.scores[i] * mul;
  return { docs: set.docs, scores, n: set.n };
}

/** First index ≥ from whose slot is ≥ slot (exponential then binary search). */
function gallop(arr: Int32Array, len: number, from: number, slot: number): number {
  let lo = from;
  if (lo >= len || arr[lo] >> FIELD_BITS >= slot) return lo;
  let step = 1;
  let hi = lo + 1;
  while (hi < len && arr[hi] >> FIELD_BITS < slot) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > len) hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] >> FIELD_BITS < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Slots in both sets; scores add up. */
function intersect(a: ScoredSet, b: ScoredSet): ScoredSet {
  const small = a.n <= b.n ? a : b;
  const large = small === a ? b : a;
  const docs = new Int32Array(small.n);
  const scores = new Float32Array(small.n);
  let n = 0;
  let j = 0;
  for (let i = 0; i < small.n; i++) {
    const d = small.docs[i];
    // gallop in the large set
    if (j < large.n && large.docs[j] < d) {
      let step = 1;
      let hi = j + 1;
      while (hi < large.n && large.docs[hi] < d) {
        j = hi;
        step *= 2;
        hi = j + step;
      }
      if (hi > large.n) hi = large.n;
      while (j < hi) {
        const mid = (j + hi) >>> 1;
        if (large.docs[mid] < d) j = mid + 1;
        else hi = mid;
      }
    }
    if (j < large.n && large.docs[j] === d) {
      docs[n] = d;
      scores[n] = small.scores[i] + large.scores[j];
      n++;
    }
  }
  return { docs, scores, n };
}

/** Slots in both sets whose field masks overlap; masks AND. */
function intersectMasks(a: MaskedSet, b: MaskedSet): MaskedSet {
  const docs = new Int32Array(Math.min(a.n, b.n));
  const masks = new Uint8Array(docs.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.n && j < b.n) {
    if (a.docs[i] < b.docs[j]) i++;
    else if (a.docs[i] > b.docs[j]) j++;
    else {
      const m = a.masks[i++] & b.masks[j++];
      if (m !== 0) {
        docs[n] = a.docs[i - 1];
        masks[n++] = m;
      }
    }
  }
  return { docs, masks, n };
}

function mergeMax(a: ScoredSet, b: ScoredSet): ScoredSet {
  const docs = new Int32Array(a.n + b.n);
  const scores = new Float32Array(a.n + b.n);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.n || j < b.n) {
    if (j >= b.n || (i < a.n && a.docs[i] < b.docs[j])) {
      docs[n] = a.docs[i];
      scores[n++] = a.scores[i++];
    } else if (i >= a.n || b.docs[j] < a.docs[i]) {
      docs[n] = b.docs[j];
      scores[n++] = b.scores[j++];
    } else {
      docs[n] = a.docs[i];
      scores[n++] = Math.max(a.scores[i++], b.scores[j++]);
    }
  }
  return { docs, scores, n };
}

/** Per BMP character: bit k set when it has a reading of the query's k-th syllable (cleared after each use). */
const charBitsTable = new Uint32Array(0x10000);

function hasPinyinWindow(text: string, table: Uint32Array, n: number): boolean {
  const last = text.length - n;
  for (let i = 0; i <= last; i++) {
    if (!(table[text.charCodeAt(i)] & 1)) continue;
    let k = 1;
    while (k < n && table[text.charCodeAt(i + k)] & (1 << k)) k++;
    if (k === n) return true;
  }
  return false;
}

// ───────────────────────────── highlighting ─────────────────────────────

/**
 * Splits an original title into runs; `hit` runs matched the query. Matching happens on the
 * normalised text, mapped back character by character, so the runs always concatenate to the input.
 */
function highlight(original: string, spec: HighlightSpec | null): Highlight {
  if (!original) return [];
  if (!spec) return [{ text: original, hit: false }];
  const normParts: string[] = [];
  const origIndex: number[] = [];
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const piece = normalizeCodePoint(original.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) origIndex.push(i);
    normParts.push(piece);
    i += width;
  }
  const norm = normParts.join("");
  const marked = new Uint8Array(norm.length);
  const mark = (start: number, end: number) => marked.fill(1, start, end);
  for (const phrase of spec.phrases) {
    if (!phrase) continue;
    for (let at = norm.indexOf(phrase); at >= 0; at = norm.indexOf(phrase, at + 1)) mark(at, at + phrase.length);
  }
  if (spec.words.size > 0) {
    scanUnits(
      norm,
      (start, end, isWord) => {
        if (isWord && spec.words.has(stemWord(norm.slice(start, end)))) mark(start, end);
      },
      () => {},
    );
  }
  for (const pattern of spec.pinyin) {
    const n = pattern.length;
    for (let i = 0; i + n <= norm.length; i++) {
      let k = 0;
      while (k < n && pattern[k].has(norm.charCodeAt(i + k))) k++;
      if (k === n) mark(i, i + n);
    }
  }
  const origMarked = new Uint8Array(original.length);
  for (let j = 0; j < norm.length; j++) {
    if (!marked[j]) continue;
    const i = origIndex[j];
    origMarked[i] = 1;
    if (i + 1 < original.length && (original.codePointAt(i) ?? 0) > 0xffff) origMarked[i + 1] = 1;
  }
  const runs: Highlight = [];
  let start = 0;
  for (let i = 1; i <= original.length; i++) {
    if (i === original.length || origMarked[i] !== origMarked[start]) {
      runs.push({ text: original.slice(start, i), hit: origMarked[start] === 1 });
      start = i;
    }
  }
  return runs;
}

// ───────────────────────────── top-k ordering ─────────────────────────────

/**
 * Positions 0..n-1 ordered by (primary desc, secondary desc, slot asc), only the first k of them.
 * A bounded heap: O(n log k), no full sort of broad result sets.
 */
function topK(n: number, k: number, primary: Float64Array, secondary: Float64Array, slots: Int32Array): Int32Array {
  const better = (a: number, b: number) =>
    primary[a] !== primary[b] ? primary[a] > primary[b] : secondary[a] !== secondary[b] ? secondary[a] > secondary[b] : slots[a] < slots[b];
  k = Math.min(k, n);
  if (k <= 0) return new Int32Array(0);
  if (k * 4 >= n) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    const sorted = Array.from(all).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    return Int32Array.from(sorted.slice(0, k));
  }
  // min-heap on "worse first": the root is the worst of the kept k.
  const heap = new Int32Array(k);
  let size = 0;
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (better(heap[parent], heap[i])) {
        const t = heap[parent];
        heap[parent] = heap[i];
        heap[i] = t;
        i = parent;
      } else break;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < size && better(heap[worst], heap[l])) worst = l;
      if (r < size && better(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      const t = heap[worst];
      heap[worst] = heap[i];
      heap[i] = t;
      i = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      heap[size++] = i;
      siftUp(size - 1);
    } else if (better(i, heap[0])) {
      heap[0] = i;
      siftDown(0);
    }
  }
  const sorted = Array.from(heap).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return Int32Array.from(sorted);
}

// ───────────────────────────── helpers ─────────────────────────────

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Normalised texts repeat across documents (tags, shop and category names): share one string. */
class Interner {
  private map = new Map<string, string>();
  get(raw: string): string {
    let v = this.map.get(raw);
    if (v === undefined) {
      v = normalizeText(raw);
      if (this.map.size >= 200_000) this.map.clear();
      this.map.set(raw, v);
    }
    return v;
  }
}

class Dict {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  find(value: string): number {
    return this.ids.get(value) ?? -2;
  }
}

function growInt32(a: Int32Array, size: number, fill = 0): Int32Array {
  const b = new Int32Array(size).fill(fill);
  b.set(a);
  return b;
}
function growFloat64(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
function growUint8(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}
function growFloat32(a: Float32Array, size: number): Float32Array {
  const b = new Float32Array(size);
  b.set(a);
  return b;
}

function sanitizePaging(q: EngineQuery): { offset: number; limit: number } {
  const offset = Math.max(0, Math.min(100_000, Math.floor(num(q?.offset))));
  const limit = Math.max(0, Math.min(1_000, Math.floor(num(q?.limit))));
  return { offset, limit };
}

/** Popularity in [0, 1]: mostly log sales, some rating. */
function popularity(sales: number, ratingX100: number, ratingCount: number): number {
  const s = Math.min(1, Math.log1p(Math.max(0, sales)) / Math.log1p(250_000));
  const r = ratingCount > 0 ? Math.max(0, Math.min(1, (ratingX100 - 300) / 200)) : 0.5;
  return 0.7 * s + 0.3 * r;
}

const CATEGORY_SLOTS = 6;
const RATING_BUCKETS = [450, 400, 300] as const;

export function emptyFacets(): ProductFacets {
  return { category: [], shop: [], region: [], priceBand: [], rating: [], inStock: [] };
}

function priceBandOf(minPriceFen: number): number {
  for (let b = 0; b < PRICE_BANDS.length; b++) {
    const band = PRICE_BANDS[b];
    if (minPriceFen >= band.minFen && (band.maxFen === null || minPriceFen < band.maxFen)) return b;
  }
  return 0;
}

// ───────────────────────────── suggestions ─────────────────────────────

interface SuggestEntry {
  display: string;
  norm: string;
  weight: number;
  refs: number;
  /** Full pinyin and initials of Chinese phrases, computed once. */
  pinyin?: { full: string; initials: string };
}

/**
 * Prefix completions over title phrases, tags, category and shop names: Chinese, pinyin, initials
 * and inner word starts. Keys live in one sorted array searched by binary search. Phrases added
 * since the last sort sit in a small pending list scanned directly, so a new product is suggested
 * at once; the array is re-sorted when that list grows, or when phrases were removed — but, while
 * documents stream in, spending at most ~5 % of the time sorting.
 */
class SuggestIndex {
  private readonly entries = new Map<string, SuggestEntry>();
  private sorted: { keys: string[]; entries: SuggestEntry[]; kinds: Uint8Array } | null = null;
  private pending: SuggestEntry[] = [];
  private removedSinceBuild = false;
  private builtAt = 0;
  private buildMs = 0;

  /** Adds phrases with a weight; returns the keys to pass back to `remove`. */
  add(phrases: string[], weight: number): string[] {
    const keys: string[] = [];
    for (const phrase of phrases) {
      const display = phrase.trim().replace(/\s+/g, " ");
      const norm = normalizeText(display);
      if (!isSuggestible(norm) || keys.includes(norm)) continue;
      let entry = this.entries.get(norm);
      if (!entry) {
        entry = { display, norm, weight: 0, refs: 0 };
        this.entries.set(norm, entry);
        if (this.sorted) this.pending.push(entry);
      }
      entry.weight += weight;
      entry.refs++;
      keys.push(norm);
    }
    return keys;
  }

  remove(keys: string[], weight: number): void {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      entry.weight -= weight;
      entry.refs--;
      if (entry.refs <= 0) {
        this.entries.delete(key);
        this.removedSinceBuild = true;
      }
    }
  }

  clear(): void {
    this.entries.clear();
    this.sorted = null;
    this.pending = [];
    this.removedSinceBuild = false;
  }

  /** Lookup keys and their kinds: 0 text, 1 pinyin, 2 initials, 3 inner start. */
  private rowsOf(entry: SuggestEntry): Array<[string, number]> {
    const rows: Array<[string, number]> = [[entry.norm, 0]];
    if (/[\u3400-\u9fff]/.test(entry.norm)) {
      const py = (entry.pinyin ??= textPinyin(entry.norm));
      if (py.full) rows.push([py.full, 1]);
      if (py.initials && py.initials !== py.full) rows.push([py.initials, 2]);
      // Inner starts of short Chinese phrases: "烧水" completes "家用烧水壶".
      if (entry.norm.length <= 16) {
        for (let i = 1; i + 2 <= entry.norm.length; i++) if (/[\u3400-\u9fff]/.test(entry.norm[i])) rows.push([entry.norm.slice(i), 3]);
      }
    } else {
      // Word starts inside English phrases (the first few): "kett" completes "Electric Kettle".
      for (let i = entry.norm.indexOf(" "), k = 0; i >= 0 && i < entry.norm.length - 1 && k < 4; i = entry.norm.indexOf(" ", i + 1)) {
        if (/[a-z]/.test(entry.norm[i + 1])) {
          rows.push([entry.norm.slice(i + 1), 3]);
          k++;
        }
      }
    }
    return rows;
  }

  private build(): NonNullable<SuggestIndex["sorted"]> {
    const started = performance.now();
    // Rows are sorted as "key\0row" strings with the default sort, about three times faster than
    // sorting with a comparator ("\0" sorts first, so the key order is kept).
    const tagged: string[] = [];
    const rowEntry: SuggestEntry[] = [];
    const rowKind: number[] = [];
    for (const entry of this.entries.values()) {
      for (const [key, kind] of this.rowsOf(entry)) {
        tagged.push(`${key}\u0000${rowEntry.length}`);
        rowEntry.push(entry);
        rowKind.push(kind);
      }
    }
    tagged.sort();
    const keys = new Array<string>(tagged.length);
    const entries = new Array<SuggestEntry>(tagged.length);
    const kinds = new Uint8Array(tagged.length);
    tagged.forEach((t, i) => {
      const cut = t.lastIndexOf("\u0000");
      const row = Number(t.slice(cut + 1));
      keys[i] = t.slice(0, cut);
      entries[i] = rowEntry[row];
      kinds[i] = rowKind[row];
    });
    this.sorted = { keys, entries, kinds };
    this.pending = [];
    this.removedSinceBuild = false;
    this.builtAt = performance.now();
    this.buildMs = this.builtAt - started;
    return this.sorted;
  }

  private keys(): NonNullable<SuggestIndex["sorted"]> {
    if (!this.sorted) return this.build();
    const stale = this.pending.length > 512 || this.removedSinceBuild;
    if (stale && performance.now() - this.builtAt >= this.buildMs * 20) return this.build();
    return this.sorted;
  }

  suggest(prefix: string, limit: number): string[] {
    const p = normalizeText(cleanQueryText(prefix)).replace(/\s+/g, " ").trim();
    if (!p || limit <= 0) return [];
    const sorted = this.keys();
    const best = new Map<SuggestEntry, number>();
    const boost = [1, 0.9, 0.7, 0.6];
    const letters = /^[a-z0-9 ']+$/.test(p) ? p.replace(/[^a-z0-9]/g, "") : "";
    const consider = (entry: SuggestEntry, kind: number, key: string) => {
      if (entry.refs <= 0) return;
      const score = Math.log1p(Math.max(0, entry.weight)) * boost[kind] + (entry.norm === key ? 0.5 : 0);
      if (score > (best.get(entry) ?? -1)) best.set(entry, score);
    };
    const scan = (key: string, kinds: number[]) => {
      let lo = 0;
      let hi = sorted.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted.keys[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo, seen = 0; i < sorted.keys.length && seen < 5_000 && sorted.keys[i].startsWith(key); i++, seen++) {
        if (kinds.includes(sorted.kinds[i])) consider(sorted.entries[i], sorted.kinds[i], key);
      }
    };
    scan(p, [0, 3]);
    if (letters) scan(letters, [1, 2]);
    for (const entry of this.pending) {
      for (const [key, kind] of this.rowsOf(entry)) {
        if (kind === 0 || kind === 3 ? key.startsWith(p) : letters !== "" && key.startsWith(letters)) consider(entry, kind, p);
      }
    }
    return [...best.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].display.length - b[0].display.length || (a[0].display < b[0].display ? -1 : 1))
      .slice(0, Math.min(limit, 50))
      .map(([entry]) => entry.display);
  }
}

/** At least two characters, some letter or Chinese, and not a model number like "ND-137". */
function isSuggestible(norm: string): boolean {
  if (norm.length < 2 || norm.length > 80) return false;
  if (!/[a-z\u3400-\u9fff]/.test(norm)) return false;
  if (/^[a-z]{1,3}[- ]?\d+$/.test(norm)) return false;
  return true;
}

/** Title phrases: Chinese titles split at spaces, English ones at commas, dashes and brackets. */
function titlePhrases(titleZh: string, titleEn: string): string[] {
  return [...titleZh.split(/\s+/), ...titleEn.split(/[,—–()（）|·]+/)];
}

// ───────────────────────────── products ─────────────────────────────

class ProductIndex {
  readonly text = new TextIndex(PRODUCT_FIELD_WEIGHTS, PRODUCT_PINYIN_FIELDS);
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private size = 0;
  private cap = 0;
  aliveCount = 0;

  private ids: string[] = [];
  private titleZh: string[] = [];
  private titleEn: string[] = [];
  private suggestKeys: Array<string[] | undefined> = [];
  private readonly sharedKeys = new Map<string, string[]>();
  private shareHits = 0;
  private sharingOff = false;

  private alive: Uint8Array = new Uint8Array(0);
  private cats: Int32Array = new Int32Array(0);
  private shop: Int32Array = new Int32Array(0);
  private region: Int32Array = new Int32Array(0);
  private band: Int32Array = new Int32Array(0);
  private price: Float64Array = new Float64Array(0);
  private sales: Float64Array = new Float64Array(0);
  private rating: Int32Array = new Int32Array(0);
  private ratingCount: Int32Array = new Int32Array(0);
  private inStock: Uint8Array = new Uint8Array(0);
  private published: Float64Array = new Float64Array(0);
  private pop: Float32Array = new Float32Array(0);
  private suggestWeight: Float32Array = new Float32Array(0);

  private readonly catDict = new Dict();
  private readonly shopDict = new Dict();
  private readonly regionDict = new Dict();
  private readonly interner = new Interner();

  // per-query scratch
  private resSlots = new Int32Array(0);
  private resText = new Float32Array(0);
  private keyPrimary = new Float64Array(0);
  private keySecondary = new Float64Array(0);

  constructor(private readonly suggestions: SuggestIndex) {}

  private ensureCapacity(size: number): void {
    if (size <= this.cap) return;
    const cap = Math.max(1024, this.cap * 2, size);
    this.alive = growUint8(this.alive, cap);
    this.cats = growInt32(this.cats, cap * CATEGORY_SLOTS, -1);
    this.shop = growInt32(this.shop, cap);
    this.region = growInt32(this.region, cap);
    this.band = growInt32(this.band, cap);
    this.price = growFloat64(this.price, cap);
    this.sales = growFloat64(this.sales, cap);
    this.rating = growInt32(this.rating, cap);
    this.ratingCount = growInt32(this.ratingCount, cap);
    this.inStock = growUint8(this.inStock, cap);
    this.published = growFloat64(this.published, cap);
    this.pop = growFloat32(this.pop, cap);
    this.suggestWeight = growFloat32(this.suggestWeight, cap);
    this.cap = cap;
  }

  private fieldsOf(doc: ProductDoc): string[] {
    const i = this.interner;
    const join = (values: string[]) => i.get(values.filter(Boolean).join(SEP));
    return [
      normalizeText(`${str(doc.titleZh)}${SEP}${str(doc.titleEn)}`),
      join(strs(doc.tags)),
      join([...strs(doc.categoryNamesZh), ...strs(doc.categoryNamesEn)]),
      join([str(doc.shopNameZh), str(doc.shopNameEn)]),
      join([str(doc.regionNameZh), str(doc.regionNameEn)]),
      join([str(doc.subtitleZh), str(doc.subtitleEn)]),
    ];
  }

  upsert(doc: ProductDoc): void {
    const id = str(doc.id);
    if (!id) return;
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.size++;
      this.ensureCapacity(slot + 1);
      this.slotOf.set(id, slot);
      this.alive[slot] = 1;
      this.aliveCount++;
      this.ids[slot] = id;
    } else {
      this.suggestions.remove(this.suggestKeys[slot] ?? [], this.suggestWeight[slot]);
    }
    this.text.set(slot, this.fieldsOf(doc));
    this.titleZh[slot] = str(doc.titleZh);
    this.titleEn[slot] = str(doc.titleEn);

    const base = slot * CATEGORY_SLOTS;
    this.cats.fill(-1, base, base + CATEGORY_SLOTS);
    strs(doc.categorySlugs)
      .slice(0, CATEGORY_SLOTS)
      .forEach((slug, k) => (this.cats[base + k] = this.catDict.id(slug)));
    this.shop[slot] = this.shopDict.id(str(doc.shopSlug));
    this.region[slot] = typeof doc.regionSlug === "string" && doc.regionSlug ? this.regionDict.id(doc.regionSlug) : -1;
    const price = num(doc.minPriceFen);
    this.price[slot] = price;
    this.band[slot] = priceBandOf(price);
    const sales = num(doc.salesCount);
    this.sales[slot] = sales;
    this.rating[slot] = num(doc.ratingX100);
    this.ratingCount[slot] = num(doc.ratingCount);
    this.inStock[slot] = doc.inStock === true ? 1 : 0;
    this.published[slot] = num(doc.publishedAt);
    this.pop[slot] = popularity(sales, this.rating[slot], this.ratingCount[slot]);

    const weight = 1 + Math.log1p(Math.max(0, sales));
    const phrases = [
      ...titlePhrases(str(doc.titleZh), str(doc.titleEn)),
      ...strs(doc.tags),
      ...strs(doc.categoryNamesZh).slice(-1),
      ...strs(doc.categoryNamesEn).slice(-1),
      str(doc.shopNameZh),
      str(doc.shopNameEn),
    ];
    this.suggestKeys[slot] = this.shareKeys(this.suggestions.add(phrases, weight));
    this.suggestWeight[slot] = weight;
  }

  /**
   * Listings of one template, shop and edition share their phrase list: keep one copy. When lists
   * turn out to be mostly unique (real titles), stop trying: the look-up table would cost more
   * than it saves.
   */
  private shareKeys(keys: string[]): string[] {
    if (this.sharingOff) return keys;
    const signature = keys.join("\u0002");
    const shared = this.sharedKeys.get(signature);
    if (shared) {
      this.shareHits++;
      return shared;
    }
    if (this.sharedKeys.size >= 20_000) {
      this.sharingOff = this.shareHits < this.sharedKeys.size;
      this.sharedKeys.clear();
      this.shareHits = 0;
    }
    this.sharedKeys.set(signature, keys);
    return keys;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.text.delete(slot);
    this.suggestions.remove(this.suggestKeys[slot] ?? [], this.suggestWeight[slot]);
    this.suggestKeys[slot] = undefined;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.aliveCount--;
    this.ids[slot] = "";
    this.titleZh[slot] = "";
    this.titleEn[slot] = "";
    this.free.push(slot);
  }

  search(query: EngineQuery): EngineResult<EngineProductHit> {
    const wantFacets = query.facets === true;
    const empty: EngineResult<EngineProductHit> = { hits: [], total: 0, facets: wantFacets ? emptyFacets() : null };
    const q = cleanQueryText(query.q);
    let set: ScoredSet | null = null;
    let hl: HighlightSpec | null = null;
    if (q) {
      const plan = this.text.plan(q);
      if (!plan) return empty;
      set = this.text.evaluate(plan.node);
      hl = plan.hl;
    }

    // Filters: -1 = none; -2 = a value no document has (nothing passes).
    const filters = query.filters ?? {};
    const pick = (value: unknown, find: (v: string) => number) => (typeof value === "string" && value !== "" ? find(value) : -1);
    const fCat = pick(filters.category, (v) => this.catDict.find(v));
    const fShop = pick(filters.shop, (v) => this.shopDict.find(v));
    const fRegion = pick(filters.region, (v) => this.regionDict.find(v));
    const fBand = pick(filters.priceBand, (v) => {
      const k = PRICE_BANDS.findIndex((b) => b.key === v);
      return k >= 0 ? k : -2;
    });
    const fRating = typeof filters.minRatingX100 === "number" && Number.isFinite(filters.minRatingX100) ? filters.minRatingX100 : 0;
    const fStock = typeof filters.inStock === "boolean" ? (filters.inStock ? 1 : 0) : -1;

    const catCounts = new Int32Array(this.catDict.values.length);
    const shopCounts = new Int32Array(this.shopDict.values.length);
    const regionCounts = new Int32Array(this.regionDict.values.length);
    const bandCounts = new Int32Array(PRICE_BANDS.length);
    const ratingCounts = new Int32Array(RATING_BUCKETS.length);
    const stockCounts = new Int32Array(2);

    const nCand = set ? set.n : this.size;
    if (this.resSlots.length < nCand) {
      const cap = Math.max(1024, Math.ceil(nCand * 1.25));
      this.resSlots = new Int32Array(cap);
      this.resText = new Float32Array(cap);
      this.keyPrimary = new Float64Array(cap);
      this.keySecondary = new Float64Array(cap);
    }
    const { cats, shop, region, band, rating, ratingCount, inStock, alive, resSlots, resText } = this;
    let nRes = 0;
    for (let i = 0; i < nCand; i++) {
      const d = set ? set.docs[i] : i;
      if (!alive[d]) continue;
      let fail = 0;
      const base = d * CATEGORY_SLOTS;
      if (fCat !== -1) {
        let has = false;
        for (let k = 0; k < CATEGORY_SLOTS; k++) {
          const c = cats[base + k];
          if (c < 0) break;
          if (c === fCat) {
            has = true;
            break;
          }
        }
        if (!has) fail |= 1;
      }
      if (fShop !== -1 && shop[d] !== fShop) fail |= 2;
      if (fRegion !== -1 && region[d] !== fRegion) fail |= 4;
      if (fBand !== -1 && band[d] !== fBand) fail |= 8;
      if (fRating > 0 && !(ratingCount[d] > 0 && rating[d] >= fRating)) fail |= 16;
      if (fStock !== -1 && inStock[d] !== fStock) fail |= 32;
      if (fail === 0) {
        resSlots[nRes] = d;
        resText[nRes] = set ? set.scores[i] : 1;
        nRes++;
      }
      // Disjunctive facets: a facet counts documents passing every filter except its own.
      if (wantFacets && (fail & (fail - 1)) === 0) {
        if (fail === 0 || fail === 1) {
          for (let k = 0; k < CATEGORY_SLOTS; k++) {
            const c = cats[base + k];
            if (c < 0) break;
            catCounts[c]++;
          }
        }
        if (fail === 0 || fail === 2) shopCounts[shop[d]]++;
        if ((fail === 0 || fail === 4) && region[d] >= 0) regionCounts[region[d]]++;
        if (fail === 0 || fail === 8) bandCounts[band[d]]++;
        if ((fail === 0 || fail === 16) && ratingCount[d] > 0) {
          const r = rating[d];
          for (let b = 0; b < RATING_BUCKETS.length; b++) if (r >= RATING_BUCKETS[b]) ratingCounts[b]++;
        }
        if (fail === 0 || fail === 32) stockCounts[inStock[d]]++;
      }
    }

    const { offset, limit } = sanitizePaging(query);
    const order = this.order(nRes, offset + limit, query.sort);
    const hits: EngineProductHit[] = [];
    for (let p = offset; p < order.length; p++) {
      const slot = resSlots[order[p]];
      hits.push({
        id: this.ids[slot],
        score: Math.round(this.relevance(order[p]) * 1000) / 1000,
        titleZh: highlight(this.titleZh[slot], hl),
        titleEn: highlight(this.titleEn[slot], hl),
      });
    }

    let facets: ProductFacets | null = null;
    if (wantFacets) {
      const byCount = (dict: Dict, counts: Int32Array) =>
        dict.values
          .map((value, k) => ({ value, count: counts[k] }))
          .filter((f) => f.count > 0)
          .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      facets = {
        category: byCount(this.catDict, catCounts),
        shop: byCount(this.shopDict, shopCounts),
        region: byCount(this.regionDict, regionCounts),
        priceBand: PRICE_BANDS.map((b, k) => ({ value: b.key, count: bandCounts[k] })).filter((f) => f.count > 0),
        rating: RATING_BUCKETS.map((v, k) => ({ value: String(v), count: ratingCounts[k] })).filter((f) => f.count > 0),
        inStock: [
          { value: "true", count: stockCounts[1] },
          { value: "false", count: stockCounts[0] },
        ].filter((f) => f.count > 0),
      };
    }
    return { hits, total: nRes, facets };
  }

  private relevance(pos: number): number {
    return this.resText[pos] * (1 + POPULARITY_WEIGHT * this.pop[this.resSlots[pos]]);
  }

  /** Result positions of the first k results in the requested order. */
  private order(n: number, k: number, sort: SearchSort): Int32Array {
    const { keyPrimary: primary, keySecondary: secondary, resSlots: slots } = this;
    for (let i = 0; i < n; i++) {
      const d = slots[i];
      const rel = this.relevance(i);
      switch (sort) {
        case "sales":
          primary[i] = this.sales[d];
          secondary[i] = rel;
          break;
        case "price_asc":
          primary[i] = -this.price[d];
          secondary[i] = rel;
          break;
        case "price_desc":
          primary[i] = this.price[d];
          secondary[i] = rel;
          break;
        case "newest":
          primary[i] = this.published[d];
          secondary[i] = rel;
          break;
        case "rating":
          primary[i] = this.ratingCount[d] > 0 ? this.rating[d] : -1;
          secondary[i] = this.ratingCount[d];
          break;
        default:
          primary[i] = rel;
          secondary[i] = this.sales[d];
      }
    }
    return topK(n, k, primary, secondary, slots);
  }
}

// ───────────────────────────── shops and creators ─────────────────────────────

/** A small document set with text search and popularity ordering (shops, creators). */
class SimpleIndex<D extends { id: string }> {
  private readonly text: TextIndex;
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private ids: string[] = [];
  private followers: number[] = [];
  private quality: number[] = [];
  private size = 0;
  aliveCount = 0;

  constructor(
    weights: number[],
    pinyinFields: number,
    private readonly fieldsOf: (doc: D) => string[],
    private readonly metricsOf: (doc: D) => { followers: number; quality: number },
  ) {
    this.text = new TextIndex(weights, pinyinFields);
  }

  upsert(doc: D): void {
    const id = str(doc.id);
    if (!id) return;
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.size++;
      this.slotOf.set(id, slot);
      this.aliveCount++;
    }
    this.ids[slot] = id;
    this.text.set(slot, this.fieldsOf(doc));
    const m = this.metricsOf(doc);
    this.followers[slot] = m.followers;
    this.quality[slot] = m.quality;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.text.delete(slot);
    this.slotOf.delete(id);
    this.ids[slot] = "";
    this.free.push(slot);
    this.aliveCount--;
  }

  search(query: EngineQuery): EngineResult<{ id: string; score: number }> {
    const q = cleanQueryText(query.q);
    const slots: number[] = [];
    const texts: number[] = [];
    if (q) {
      const plan = this.text.plan(q);
      if (!plan) return { hits: [], total: 0, facets: null };
      const set = this.text.evaluate(plan.node);
      for (let i = 0; i < set.n; i++) {
        slots.push(set.docs[i]);
        texts.push(set.scores[i]);
      }
    } else {
      for (let d = 0; d < this.size; d++) {
        if (this.ids[d]) {
          slots.push(d);
          texts.push(1);
        }
      }
    }
    const n = slots.length;
    const primary = new Float64Array(n);
    const secondary = new Float64Array(n);
    const rel = (i: number) => texts[i] * (1 + POPULARITY_WEIGHT * Math.min(1, Math.log1p(this.followers[slots[i]]) / Math.log1p(10_000_000)));
    for (let i = 0; i < n; i++) {
      const d = slots[i];
      if (query.sort === "sales") {
        primary[i] = this.followers[d];
        secondary[i] = rel(i);
      } else if (query.sort === "rating") {
        primary[i] = this.quality[d];
        secondary[i] = rel(i);
      } else {
        primary[i] = rel(i);
        secondary[i] = this.followers[d];
      }
    }
    const { offset, limit } = sanitizePaging(query);
    const order = topK(n, offset + limit, primary, secondary, Int32Array.from(slots));
    const hits: Array<{ id: string; score: number }> = [];
    for (let p = offset; p < order.length; p++) hits.push({ id: this.ids[slots[order[p]]], score: Math.round(rel(order[p]) * 1000) / 1000 });
    return { hits, total: n, facets: null };
  }
}

function shopFields(doc: ShopDoc): string[] {
  return [
    normalizeText([str(doc.nameZh), str(doc.nameEn), str(doc.slug)].join(SEP)),
    normalizeText([str(doc.regionNameZh ?? ""), str(doc.regionNameEn ?? "")].join(SEP)),
    normalizeText([str(doc.taglineZh), str(doc.taglineEn)].join(SEP)),
  ];
}

function creatorFields(doc: CreatorDoc): string[] {
  return [
    normalizeText([str(doc.displayName), str(doc.handle)].join(SEP)),
    normalizeText(strs(doc.tags).join(SEP)),
    normalizeText([str(doc.bioZh), str(doc.bioEn)].join(SEP)),
  ];
}

// ───────────────────────────── the engine ─────────────────────────────

export interface EmbeddedEngineStats {
  products: number;
  shops: number;
  creators: number;
  units: number;
  postings: number;
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private suggestions = new SuggestIndex();
  private shopSuggestKeys = new Map<string, { keys: string[]; weight: number }>();
  private products = new ProductIndex(this.suggestions);
  private shops = this.newShops();
  private creators = this.newCreators();

  private newShops() {
    return new SimpleIndex<ShopDoc>(SHOP_FIELD_WEIGHTS, 0b011, shopFields, (d) => ({ followers: num(d.followerCount), quality: num(d.scoreX100) }));
  }

  private newCreators() {
    return new SimpleIndex<CreatorDoc>(CREATOR_FIELD_WEIGHTS, 0b011, creatorFields, (d) => ({ followers: num(d.followerCount), quality: 0 }));
  }

  async init(): Promise<void> {}

  async upsert(docs: SearchDoc[]): Promise<void> {
    if (!Array.isArray(docs)) return;
    for (const doc of docs) {
      if (!doc || typeof doc !== "object" || typeof doc.id !== "string" || !doc.id) continue;
      if (doc.type === "product") this.products.upsert(doc);
      else if (doc.type === "shop") this.upsertShop(doc);
      else if (doc.type === "creator") this.creators.upsert(doc);
    }
  }

  private upsertShop(doc: ShopDoc): void {
    this.shops.upsert(doc);
    const old = this.shopSuggestKeys.get(doc.id);
    if (old) this.suggestions.remove(old.keys, old.weight);
    const weight = 3 + Math.log1p(Math.max(0, num(doc.followerCount)));
    this.shopSuggestKeys.set(doc.id, { keys: this.suggestions.add([str(doc.nameZh), str(doc.nameEn)], weight), weight });
  }

  async remove(type: SearchDoc["type"], ids: string[]): Promise<void> {
    if (!Array.isArray(ids)) return;
    for (const id of ids) {
      if (typeof id !== "string") continue;
      if (type === "product") this.products.remove(id);
      else if (type === "shop") {
        this.shops.remove(id);
        const old = this.shopSuggestKeys.get(id);
        if (old) this.suggestions.remove(old.keys, old.weight);
        this.shopSuggestKeys.delete(id);
      } else if (type === "creator") this.creators.remove(id);
    }
  }

  async clear(): Promise<void> {
    this.suggestions = new SuggestIndex();
    this.shopSuggestKeys = new Map();
    this.products = new ProductIndex(this.suggestions);
    this.shops = this.newShops();
    this.creators = this.newCreators();
  }

  async count(type: SearchDoc["type"]): Promise<number> {
    if (type === "product") return this.products.aliveCount;
    if (type === "shop") return this.shops.aliveCount;
    if (type === "creator") return this.creators.aliveCount;
    return 0;
  }

  async searchProducts(query: EngineQuery): Promise<EngineResult<EngineProductHit>> {
    try {
      return this.products.search(query);
    } catch {
      return { hits: [], total: 0, facets: query?.facets ? emptyFacets() : null };
    }
  }

  async searchShops(query: EngineQuery): Promise<EngineResult<{ id: string; score: number }>> {
    try {
      return this.shops.search(query);
    } catch {
      return { hits: [], total: 0, facets: null };
    }
  }

  async searchCreators(query: EngineQuery): Promise<EngineResult<{ id: string; score: number }>> {
    try {
      return this.creators.search(query);
    } catch {
      return { hits: [], total: 0, facets: null };
    }
  }

  async suggest(prefix: string, limit: number): Promise<string[]> {
    try {
      return this.suggestions.suggest(str(prefix), Math.floor(num(limit)));
    } catch {
      return [];
    }
  }

  /** Index size figures for benchmarks and diagnostics. */
  stats(): EmbeddedEngineStats {
    return {
      products: this.products.aliveCount,
      shops: this.shops.aliveCount,
      creators: this.creators.aliveCount,
      units: this.products.text.unitCount,
      postings: this.products.text.postingsTotal,
    };
  }
}
