import { describe, expect, it } from "vitest";
import {
  charPinyin,
  chunkQuery,
  damerauLevenshtein,
  indexUnits,
  normalizeText,
  parsePinyin,
  stemWord,
  textPinyin,
  typoBudget,
} from "@/server/search/analysis";

const texts = (q: string) => chunkQuery(normalizeText(q)).map((c) => c.text);

describe("normalizeText", () => {
  it("folds width, case and diacritics and leaves Chinese alone", () => {
    expect(normalizeText("ＴＥＡ Café")).toBe("tea cafe");
    expect(normalizeText("Ｔ恤")).toBe("t恤");
    expect(normalizeText("电热水壶")).toBe("电热水壶");
    expect(normalizeText("")).toBe("");
  });
});

describe("indexUnits", () => {
  it("splits runs at separators into CJK characters and stemmed words", () => {
    expect(indexUnits(normalizeText("电热水壶 1.7L Kettles"))).toEqual(["电", "热", "水", "壶", null, "1", null, "7l", null, "kettle"]);
  });

  it("keeps letters and Chinese in one run when nothing separates them", () => {
    expect(indexUnits("纯棉t恤")).toEqual(["纯", "棉", "t", "恤"]);
  });

  it("treats emoji, symbols and control characters as separators", () => {
    expect(indexUnits("茶😀\u0001tea%_\\")).toEqual(["茶", null, "tea", null]);
  });
});

describe("stemWord", () => {
  it("strips English plurals only", () => {
    expect(stemWord("earbuds")).toBe("earbud");
    expect(stemWord("accessories")).toBe("accessory");
    expect(stemWord("boxes")).toBe("box");
    expect(stemWord("glass")).toBe("glass");
    expect(stemWord("tea")).toBe("tea");
    expect(stemWord("5500mah")).toBe("5500mah");
  });
});

describe("chunkQuery", () => {
  it("splits Chinese into words that must each be contiguous", () => {
    expect(texts("蓝牙降噪耳机")).toEqual(["蓝牙", "降噪", "耳机"]);
    expect(texts("水壶")).toEqual(["水壶"]);
  });

  it("glues the single characters the segmenter leaves behind to a neighbour", () => {
    expect(texts("烧水壶")).toEqual(["烧水壶"]);
    expect(texts("便携式")).toEqual(["便携式"]);
    expect(texts("t恤")).toEqual(["t恤"]);
  });

  it("cuts long runs of single characters into pairs", () => {
    expect(texts("纯棉t恤")).toEqual(["纯棉", "t恤"]);
  });

  it("keeps English words apart and marks only the last chunk for prefix matching", () => {
    const chunks = chunkQuery(normalizeText("Yoga  mat"));
    expect(chunks.map((c) => [c.kind, c.text, c.isLast])).toEqual([
      ["word", "yoga", false],
      ["word", "mat", true],
    ]);
  });

  it("returns nothing for input without letters, digits or Chinese", () => {
    expect(chunkQuery(normalizeText("%_\\ 😀 \u0000"))).toEqual([]);
  });

  it("copes with a 1,000-character query", () => {
    expect(() => chunkQuery(normalizeText("水壶".repeat(500)))).not.toThrow();
    expect(chunkQuery(normalizeText("ab ".repeat(400))).length).toBeLessThanOrEqual(32);
  });
});

describe("damerauLevenshtein", () => {
  it("counts insertions, substitutions and swaps, bounded by max", () => {
    expect(damerauLevenshtein("ketle", "kettle", 1)).toBe(1);
    expect(damerauLevenshtein("yogq", "yoga", 1)).toBe(1);
    expect(damerauLevenshtein("yoag", "yoga", 1)).toBe(1);
    expect(damerauLevenshtein("hedphone", "headphone", 2)).toBe(1);
    expect(damerauLevenshtein("abcd", "wxyz", 2)).toBe(3);
    expect(damerauLevenshtein("kettle", "kettle", 1)).toBe(0);
  });

  it("allows one typo from 4 letters and two from 8", () => {
    expect([3, 4, 7, 8, 12].map(typoBudget)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe("pinyin", () => {
  it("gives every reading of a character without tones", () => {
    expect(charPinyin("长")).toEqual(expect.arrayContaining(["chang", "zhang"]));
    expect(charPinyin("a")).toEqual([]);
  });

  it("spells a text in full pinyin and initials", () => {
    expect(textPinyin("烧水壶")).toEqual({ full: "shaoshuihu", initials: "ssh" });
  });

  it("splits letters into syllables, the last possibly partial", () => {
    const syllables = new Set(["shao", "shui", "hu", "xi", "an", "xian"]);
    const prefixes = new Set([...syllables].flatMap((s) => [...s].map((_, i) => s.slice(0, i + 1))));
    const parse = (s: string, partial: boolean) =>
      parsePinyin(s, (x) => syllables.has(x), (x) => prefixes.has(x), partial).map((p) => p.syllables.join("|") + (p.partialLast ? "…" : ""));
    expect(parse("shaoshuihu", false)).toEqual(["shao|shui|hu"]);
    expect(parse("xian", false)).toEqual(expect.arrayContaining(["xian", "xi|an"]));
    expect(parse("shaoshuih", true)).toEqual(["shao|shui|h…"]);
    expect(parse("shaoshuih", false)).toEqual([]);
    expect(parse("kettle", true)).toEqual([]);
  });

  it("gives up quickly on long letters that cannot be pinyin", () => {
    const everything = () => true;
    const started = performance.now();
    expect(parsePinyin("a".repeat(59) + "q", (s) => s.length <= 2 && s !== "q" && !s.includes("q"), () => false, false)).toEqual([]);
    expect(parsePinyin("a".repeat(61), everything, everything, true)).toEqual([]); // over the length limit
    expect(performance.now() - started).toBeLessThan(200);
  });
});
