import { describe, expect, it } from "vitest";
import {
  applyEvent,
  capWeights,
  decayFactor,
  decayProfile,
  emptyProfile,
  eventWeight,
  featureShares,
  INSTANT_HALF_LIFE_MS,
  interestScore,
  LONG_HALF_LIFE_MS,
  MAX_FEATURES,
  mergeProfiles,
  pushRecent,
  satisfactionFactor,
  topFeatures,
  type ItemFeatures,
} from "@/server/reco/profile";

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const shoes: ItemFeatures = { categoryId: "shoes", parentCategoryId: "fashion", tags: ["running"], shopId: "shopA", creatorId: "cr1" };
const tea: ItemFeatures = { categoryId: "tea", parentCategoryId: "food", tags: ["puer"], shopId: "shopB", creatorId: null };

describe("decay", () => {
  it("halves a weight after one half-life and leaves it alone at Δt ≤ 0", () => {
    expect(decayFactor(LONG_HALF_LIFE_MS, LONG_HALF_LIFE_MS)).toBeCloseTo(0.5);
    expect(decayFactor(2 * LONG_HALF_LIFE_MS, LONG_HALF_LIFE_MS)).toBeCloseTo(0.25);
    expect(decayFactor(-5, LONG_HALF_LIFE_MS)).toBe(1);
  });

  it("instant interests fade within hours while long-term ones last weeks", () => {
    const p = applyEvent(emptyProfile(T0), { kind: "LIKE", at: T0, item: shoes });
    const later = decayProfile(p, T0 + 2 * HOUR);
    expect(later.instant["c:shoes"] ?? 0).toBeCloseTo((p.instant["c:shoes"] * 1) / 16, 5); // 4 half-lives
    expect(later.longTerm["c:shoes"]).toBeGreaterThan(0.99 * p.longTerm["c:shoes"]);
    const month = decayProfile(p, T0 + 28 * DAY);
    expect(month.longTerm["c:shoes"]).toBeCloseTo(p.longTerm["c:shoes"] / 4, 5);
    expect(month.instant["c:shoes"]).toBeUndefined();
    expect(INSTANT_HALF_LIFE_MS).toBe(30 * 60_000);
  });
});

describe("event weights", () => {
  it("scales a view by the share watched and punishes a quick skip", () => {
    expect(eventWeight("VIEW", 1000, 10_000)).toBeLessThan(0);
    expect(eventWeight("VIEW", 5000, 10_000)).toBeCloseTo(0.6);
    expect(eventWeight("VIEW", 30_000, 10_000)).toBeCloseTo(1);
    expect(eventWeight("PURCHASE")).toBeGreaterThan(eventWeight("ADD_TO_CART"));
    expect(eventWeight("ADD_TO_CART")).toBeGreaterThan(eventWeight("LIKE"));
    expect(eventWeight("IMPRESSION")).toBe(0);
  });

  it("features: leaf and parent category, tags, shop and creator", () => {
    expect(featureShares(shoes).map(([f]) => f)).toEqual(["c:shoes", "c:fashion", "t:running", "s:shopA", "r:cr1"]);
  });

  it("likes move the profile toward the liked category; a skip moves it away", () => {
    let p = emptyProfile(T0);
    for (let i = 0; i < 3; i++) p = applyEvent(p, { kind: "LIKE", at: T0 + i * 1000, item: shoes });
    p = applyEvent(p, { kind: "VIEW", at: T0 + 5000, item: tea, dwellMs: 500 });
    expect(topFeatures(p, 1)[0][0]).toBe("c:shoes");
    expect(p.longTerm["c:tea"]).toBeLessThan(0);
    expect(interestScore(p, shoes, T0 + 6000)).toBeGreaterThan(interestScore(p, tea, T0 + 6000));
  });

  it("a search spreads its weight over the top results' features", () => {
    const p = applyEvent(emptyProfile(T0), { kind: "SEARCH", at: T0, spread: [tea, tea, shoes] });
    expect(p.instant["c:tea"]).toBeGreaterThan(p.instant["c:shoes"]);
    expect(p.instant["c:tea"]).toBeGreaterThan(p.longTerm["c:tea"]);
  });
});

describe("satisfaction", () => {
  it("suppresses the bought product and damps its category, the damping fading over days", () => {
    const p = applyEvent(emptyProfile(T0), { kind: "PURCHASE", at: T0, item: shoes, productId: "prod1" });
    expect(satisfactionFactor(p, { productId: "prod1", categoryId: "shoes" }, T0 + HOUR)).toBeLessThan(0.05);
    const right = satisfactionFactor(p, { productId: "other", categoryId: "shoes" }, T0 + HOUR);
    const week = satisfactionFactor(p, { productId: "other", categoryId: "shoes" }, T0 + 7 * DAY);
    expect(right).toBeLessThan(0.5);
    expect(week).toBeGreaterThan(0.9);
    expect(satisfactionFactor(p, { productId: "x", categoryId: "tea" }, T0)).toBe(1);
    // Same interest weights, but the bought product scores far lower than a sibling.
    expect(interestScore(p, { ...shoes, productId: "prod1" } as never, T0 + HOUR)).toBeLessThan(
      interestScore(p, { ...shoes, productId: "prod2" } as never, T0 + HOUR) * 0.2,
    );
  });
});

describe("caps and recent ids", () => {
  it("keeps only the strongest MAX_FEATURES features", () => {
    const w = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`t:${i}`, i + 1]));
    const capped = capWeights(w);
    expect(Object.keys(capped)).toHaveLength(MAX_FEATURES);
    expect(capped["t:99"]).toBe(100);
    expect(capped["t:0"]).toBeUndefined();
  });

  it("recent ids are newest first without duplicates", () => {
    expect(pushRecent(["a", "b"], ["c", "a"])).toEqual(["a", "c", "b"]);
    expect(pushRecent([], Array.from({ length: 300 }, (_, i) => `${i}`))).toHaveLength(200);
  });
});

describe("merge (sign-in)", () => {
  it("sums decayed weights, keeps satisfaction and recent ids of both", () => {
    const user = applyEvent(emptyProfile(T0), { kind: "LIKE", at: T0, item: tea });
    let visitor = applyEvent(emptyProfile(T0 + DAY), { kind: "LIKE", at: T0 + DAY, item: shoes, postId: "p1" });
    visitor = applyEvent(visitor, { kind: "VIEW", at: T0 + DAY, item: shoes, postId: "p2", dwellMs: 9000 });
    visitor = applyEvent(visitor, { kind: "PURCHASE", at: T0 + DAY, item: shoes, productId: "prod1" });
    const now = T0 + DAY + HOUR;
    const m = mergeProfiles(user, visitor, now);
    expect(m.longTerm["c:tea"]).toBeCloseTo(decayProfile(user, now).longTerm["c:tea"], 3);
    expect(m.longTerm["c:shoes"]).toBeCloseTo(decayProfile(visitor, now).longTerm["c:shoes"], 3);
    expect(m.satisfied["p:prod1"]).toBe(T0 + DAY);
    expect(m.recentPostIds).toContain("p2");
    expect(m.eventCount).toBe(user.eventCount + visitor.eventCount);
    // Merging twice is not idempotent by itself: the service deletes the visitor profile after merging.
    expect(mergeProfiles(m, emptyProfile(now), now).longTerm["c:shoes"]).toBeCloseTo(m.longTerm["c:shoes"], 5);
  });
});
