import { describe, expect, it } from "vitest";
import { MAX_INTEREST_BOOST, cleanQuery, interestAffinity, rerankByInterests, type InterestProfile } from "@/server/search/search.service";
import { MAX_QUERY_LENGTH } from "@/server/search/search.schema";

function hit(id: string, score: number, extra: { categorySlugs?: string[]; shopSlug?: string; tags?: string[] } = {}) {
  return { id, score, categorySlugs: extra.categorySlugs ?? ["other"], shopSlug: extra.shopSlug ?? "some-shop", tags: extra.tags ?? [] };
}

const kitchenLover: InterestProfile = { categories: { kitchen: 1 }, shops: { "tea-house": 1 }, tags: { 露营: 1 } };

describe("rerankByInterests", () => {
  it("leaves the engine's order alone without a profile, or when nothing matches the profile", () => {
    const hits = [hit("a", 3), hit("b", 2), hit("c", 1)];
    expect(rerankByInterests(hits, null).map((h) => h.id)).toEqual(["a", "b", "c"]);
    expect(rerankByInterests(hits, kitchenLover).map((h) => h.id)).toEqual(["a", "b", "c"]);
  });

  it("lifts a close match the viewer is into above one they are not", () => {
    const hits = [hit("plain", 1.0), hit("kitchen", 0.95, { categorySlugs: ["home", "kitchen"], shopSlug: "tea-house", tags: ["露营"] })];
    expect(rerankByInterests(hits, kitchenLover).map((h) => h.id)).toEqual(["kitchen", "plain"]);
  });

  it("never buries a much better text match: the boost is bounded", () => {
    const perfectFit = { categorySlugs: ["kitchen"], shopSlug: "tea-house", tags: ["露营"] };
    expect(interestAffinity(perfectFit, kitchenLover)).toBe(1);
    const hits = [hit("best-text", 1.0), hit("fits-interests", 1 / (1 + MAX_INTEREST_BOOST) - 0.01, perfectFit)];
    expect(rerankByInterests(hits, kitchenLover).map((h) => h.id)).toEqual(["best-text", "fits-interests"]);
    // Even absurd profile weights cannot push past the bound.
    const extreme: InterestProfile = { categories: { kitchen: 1e9 }, shops: { "tea-house": 1e9 }, tags: { 露营: 1e9 } };
    expect(rerankByInterests(hits, extreme).map((h) => h.id)).toEqual(["best-text", "fits-interests"]);
  });

  it("keeps the engine's order among equal scores and is pure", () => {
    const hits = [hit("a", 0), hit("b", 0), hit("c", 0, { categorySlugs: ["kitchen"] })];
    const before = JSON.stringify(hits);
    expect(rerankByInterests(hits, kitchenLover).map((h) => h.id)).toEqual(["a", "b", "c"]);
    expect(JSON.stringify(hits)).toBe(before);
  });

  it("treats scores out of order as the engine's order (ties broken by sales upstream)", () => {
    // The engine put "a" first although its score is lower: without interests, "a" stays first.
    const hits = [hit("a", 0.5), hit("b", 0.9)];
    expect(rerankByInterests(hits, { categories: {}, shops: {}, tags: {} }).map((h) => h.id)).toEqual(["a", "b"]);
  });
});

describe("cleanQuery", () => {
  it("drops control and format characters, turns line breaks into spaces and collapses whitespace", () => {
    expect(cleanQuery("\u0000ke\u0007ttle\u200b \n\t 烧水壶\r\n")).toBe("kettle 烧水壶");
    expect(cleanQuery("   ")).toBe("");
    expect(cleanQuery("\uE000hidden\uE001")).toBe("hidden");
  });

  it("keeps at most MAX_QUERY_LENGTH characters without cutting an emoji in half", () => {
    expect(cleanQuery("x".repeat(1000))).toHaveLength(MAX_QUERY_LENGTH);
    const emoji = "😀".repeat(MAX_QUERY_LENGTH + 5);
    const cleaned = cleanQuery(emoji);
    expect(Array.from(cleaned)).toHaveLength(MAX_QUERY_LENGTH);
    expect(cleaned).toBe("😀".repeat(MAX_QUERY_LENGTH));
  });
});
