import { describe, expect, it } from "vitest";
import { Random } from "@/server/lib/random";
import { applyEvent, emptyProfile } from "@/server/reco/profile";
import { buildIndex, diversify, markLongTail, rankItems, type IndexItem } from "@/server/reco/rank";
import { coOccurrence } from "@/server/reco/item-index";

const NOW = Date.UTC(2026, 0, 1);

function catalog(): IndexItem[] {
  const items: IndexItem[] = [];
  for (let i = 0; i < 400; i++) {
    const cat = `cat${i % 10}`;
    items.push({
      id: `i${i}`,
      productId: `i${i}`,
      categoryId: cat,
      parentCategoryId: `p${i % 2}`,
      tags: [`${cat}-t${i % 3}`],
      shopId: `shop${i % 25}`,
      creatorId: null,
      popularity: 400 - i,
      isLongTail: false,
    });
  }
  markLongTail(items);
  return items;
}

const ids = (xs: { item: IndexItem }[]) => xs.map((x) => x.item.id);

describe("diversify", () => {
  it("never puts more than two of a shop or a category in a row when it can avoid it", () => {
    const ranked = [
      { id: "1", shopId: "a", categoryId: "x" },
      { id: "2", shopId: "a", categoryId: "x" },
      { id: "3", shopId: "a", categoryId: "x" },
      { id: "4", shopId: "b", categoryId: "y" },
      { id: "5", shopId: "c", categoryId: "x" },
      { id: "6", shopId: "d", categoryId: "z" },
    ];
    const out = diversify(ranked, 6).map((r) => r.id);
    expect(out).toEqual(["1", "2", "4", "3", "5", "6"]);
    for (let i = 2; i < out.length; i++) {
      const run = [out[i - 2], out[i - 1], out[i]].map((id) => ranked.find((r) => r.id === id)!);
      expect(new Set(run.map((r) => r.categoryId)).size > 1 || new Set(run.map((r) => r.shopId)).size > 1).toBe(true);
      expect(new Set(run.map((r) => r.categoryId)).size).toBeGreaterThan(1);
    }
  });

  it("falls back to the best item when every remaining one would extend a run", () => {
    const ranked = [1, 2, 3, 4].map((i) => ({ id: `${i}`, shopId: "a", categoryId: "x" }));
    expect(diversify(ranked, 4).map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
  });
});

describe("rankItems", () => {
  const items = catalog();
  const index = buildIndex(items, new Map(items.slice(0, 50).map((it, k) => [it.id, 50 - k])), coOccurrence([new Set(["i3", "i203"])], 5));

  it("cold start: a new visitor gets a spread of categories, trending items and some long tail", () => {
    const page = rankItems(index, emptyProfile(NOW), { limit: 20, exclude: new Set(), now: NOW, rng: new Random("cold") });
    expect(page).toHaveLength(20);
    expect(new Set(page.map((r) => r.item.categoryId)).size).toBeGreaterThanOrEqual(5);
    expect(page.some((r) => r.item.isLongTail)).toBe(true);
    expect(page.some((r) => (index.trend.get(index.byId.get(r.item.id)!) ?? 0) > 0)).toBe(true);
  });

  it("never returns excluded (recently shown) items", () => {
    const first = rankItems(index, emptyProfile(NOW), { limit: 20, exclude: new Set(), now: NOW, rng: new Random("a") });
    const exclude = new Set(ids(first));
    const second = rankItems(index, emptyProfile(NOW), { limit: 20, exclude, now: NOW, rng: new Random("a") });
    expect(ids(second).filter((id) => exclude.has(id))).toEqual([]);
    expect(new Set(ids(second)).size).toBe(20);
  });

  it("shifts toward a liked category, still diverse", () => {
    let p = emptyProfile(NOW);
    for (const it of items.filter((x) => x.categoryId === "cat7").slice(0, 5)) p = applyEvent(p, { kind: "LIKE", at: NOW, item: it });
    const page = rankItems(index, p, { limit: 20, exclude: new Set(), now: NOW, rng: new Random("b") });
    const share = page.filter((r) => r.item.categoryId === "cat7").length / page.length;
    expect(share).toBeGreaterThanOrEqual(0.5);
    for (let i = 2; i < page.length; i++) {
      const cats = [page[i - 2], page[i - 1], page[i]].map((r) => r.item.categoryId);
      expect(new Set(cats).size).toBeGreaterThan(1);
    }
  });

  it("co-engagement brings items engaged together by other visitors", () => {
    const page = rankItems(index, emptyProfile(NOW), { limit: 10, exclude: new Set(["i3"]), now: NOW, rng: new Random("c"), engagedIds: ["i3"] });
    expect(ids(page)).toContain("i203");
  });

  it("is deterministic for a seed", () => {
    const a = rankItems(index, emptyProfile(NOW), { limit: 10, exclude: new Set(), now: NOW, rng: new Random("s") });
    const b = rankItems(index, emptyProfile(NOW), { limit: 10, exclude: new Set(), now: NOW, rng: new Random("s") });
    expect(ids(a)).toEqual(ids(b));
  });
});
