// npm run eval:reco — offline evaluation of the recommender against a popularity baseline and random.
//
// A synthetic catalog (deterministic, server/lib/random.ts): 24 leaf categories under 6 parents,
// 80 shops (each specialised in two categories), 4 000 items with 2–3 tags from their category's
// tag pool and a Zipf-like sales skew; background visitors give trending counts and item→item
// co-engagement (the same coOccurrence the production index uses).
// Each simulated visitor has a hidden true taste: two categories (weights 0.7 / 0.3) and two tags.
// They browse the feed page by page (K = 10 items): the policy recommends a page, the visitor reacts
// to each item by the hidden taste — engages with probability
//   p = 0.02 + 0.75·w_category + 0.15·[shares a liked tag]
// (engaged: long view, then like 50 %, product click 40 %, add to cart 10 %, purchase 3 %;
// otherwise a quick skip). The reactions go through the production profile functions (applyEvent)
// and the page through the production ranking (rankItems) — only the database is replaced.
// After N = 20 interactions (pages), the next page is the evaluation page:
//   hit rate  = share of its items that match the true taste (category among the visitor's two)
//               AND get engaged (sampled with the same reaction model);
//   NDCG@10   = DCG of the true relevance (category weight + 0.3·tag match) / the ideal DCG over the
//               unseen catalog.
// Coverage = distinct items shown over all visitors / catalog size; long-tail share = share of all
// impressions going to the bottom half of the catalog by sales.
import { Random } from "@/server/lib/random";
import { applyEvent, decayProfile, emptyProfile, pushRecent, type EventKind, type ProfileState } from "@/server/reco/profile";
import { buildIndex, markLongTail, rankItems, rankPopular, type IndexItem, type ItemIndex } from "@/server/reco/rank";
import { coOccurrence } from "@/server/reco/item-index";

const SEED = process.env.EVAL_SEED ?? "eval-reco-1";
const VISITORS = Number(process.env.EVAL_VISITORS ?? 200);
const N = 20;
const K = 10;
const ITEMS = 4000;
const PARENTS = 6;
const LEAVES_PER_PARENT = 4;
const SHOPS = 80;

interface Taste {
  cats: Map<string, number>;
  tags: Set<string>;
}

function buildCatalog(rng: Random): { items: IndexItem[]; leaves: string[]; tagPool: Map<string, string[]> } {
  const leaves: string[] = [];
  const parentOf = new Map<string, string>();
  for (let p = 0; p < PARENTS; p++) {
    for (let l = 0; l < LEAVES_PER_PARENT; l++) {
      const id = `cat${p}-${l}`;
      leaves.push(id);
      parentOf.set(id, `cat${p}`);
    }
  }
  const tagPool = new Map(leaves.map((c) => [c, Array.from({ length: 8 }, (_, i) => `${c}-tag${i}`)]));
  const shopCats = Array.from({ length: SHOPS }, () => [rng.pick(leaves), rng.pick(leaves)]);
  const items: IndexItem[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const shop = rng.int(0, SHOPS - 1);
    const cat = rng.chance(0.85) ? rng.pick(shopCats[shop]) : rng.pick(leaves);
    const tags = rng.sample(tagPool.get(cat)!, rng.int(2, 3));
    // Zipf-like sales: a few bestsellers, a long tail.
    const sales = Math.floor(5000 / Math.pow(1 + rng.next() * ITEMS, 0.9) + rng.next() * 3);
    items.push({ id: `item${i}`, productId: `item${i}`, categoryId: cat, parentCategoryId: parentOf.get(cat)!, tags, shopId: `shop${shop}`, creatorId: null, popularity: sales, isLongTail: false });
  }
  markLongTail(items);
  return { items, leaves, tagPool };
}

function randomTaste(rng: Random, leaves: string[], tagPool: Map<string, string[]>): Taste {
  const [a, b] = rng.sample(rng.shuffle([...leaves]), 2);
  return { cats: new Map([[a, 0.7], [b, 0.3]]), tags: new Set([rng.pick(tagPool.get(a)!), rng.pick(tagPool.get(b)!)]) };
}

const tagMatch = (t: Taste, it: IndexItem) => it.tags.some((x) => t.tags.has(x));
const engageP = (t: Taste, it: IndexItem) => 0.02 + 0.75 * (t.cats.get(it.categoryId!) ?? 0) + 0.15 * (tagMatch(t, it) ? 1 : 0);
const relevance = (t: Taste, it: IndexItem) => (t.cats.get(it.categoryId!) ?? 0) + 0.3 * (tagMatch(t, it) ? 1 : 0);

/** Background population: trending counts and co-engagement, as the production index computes them. */
function background(rng: Random, items: IndexItem[], leaves: string[], tagPool: Map<string, string[]>) {
  const trend = new Map<string, number>();
  const sets: Set<string>[] = [];
  const byCat = new Map<string, IndexItem[]>();
  for (const it of items) byCat.set(it.categoryId!, [...(byCat.get(it.categoryId!) ?? []), it]);
  const popularWeighted = (list: IndexItem[]) => {
    // Sample proportional to popularity + 1.
    const total = list.reduce((s, it) => s + it.popularity + 1, 0);
    let r = rng.next() * total;
    for (const it of list) if ((r -= it.popularity + 1) <= 0) return it;
    return list[list.length - 1];
  };
  for (let v = 0; v < 600; v++) {
    const taste = randomTaste(rng, leaves, tagPool);
    const set = new Set<string>();
    for (let k = 0; k < 15; k++) {
      const cat = rng.chance(0.7) ? [...taste.cats.keys()][0] : [...taste.cats.keys()][1];
      const it = rng.chance(0.5) ? popularWeighted(byCat.get(cat)!) : rng.pick(byCat.get(cat)!);
      set.add(it.id);
      trend.set(it.id, (trend.get(it.id) ?? 0) + 1);
    }
    sets.push(set);
  }
  return { trend, co: coOccurrence(sets, 20) };
}

type Policy = "reco" | "popular" | "random";

interface Totals {
  hits: number;
  slots: number;
  ndcg: number;
  visitors: number;
  impressions: number;
  longTail: number;
  shown: Set<string>;
}

function dcg(rels: number[]): number {
  return rels.reduce((s, r, i) => s + (Math.pow(2, r) - 1) / Math.log2(i + 2), 0);
}

function page(policy: Policy, index: ItemIndex, profile: ProfileState, seen: Set<string>, engaged: string[], now: number, rng: Random): IndexItem[] {
  if (policy === "popular") return rankPopular(index, seen, K);
  if (policy === "random") {
    const out: IndexItem[] = [];
    while (out.length < K) {
      const it = rng.pick(index.items);
      if (!seen.has(it.id) && !out.includes(it)) out.push(it);
    }
    return out;
  }
  return rankItems(index, profile, { limit: K, exclude: seen, now, rng, engagedIds: engaged }).map((r) => r.item);
}

function simulate(policy: Policy, index: ItemIndex, tastes: Taste[], seed: string, onProgress: (done: number) => void): Totals {
  const tot: Totals = { hits: 0, slots: 0, ndcg: 0, visitors: 0, impressions: 0, longTail: 0, shown: new Set() };
  tastes.forEach((taste, v) => {
    // The reaction model's randomness is the same for every policy (seeded by visitor).
    const react = new Random(`${seed}|react|${v}`);
    const rng = new Random(`${seed}|${policy}|${v}`);
    let now = Date.UTC(2026, 0, 1, 12);
    let profile = emptyProfile(now);
    const seen = new Set<string>();
    const engaged: string[] = [];
    for (let step = 0; step <= N; step++) {
      const items = page(policy, index, profile, seen, engaged, now, rng);
      for (const it of items) {
        seen.add(it.id);
        tot.shown.add(it.id);
        tot.impressions++;
        if (it.isLongTail) tot.longTail++;
      }
      profile = { ...profile, recentProductIds: pushRecent(profile.recentProductIds, items.map((i) => i.id)) };
      const outcomes = items.map((it) => react.chance(engageP(taste, it)));
      if (step === N && process.env.EVAL_DEBUG && v < 3) console.log(policy, [...taste.cats.keys()].join(","), items.map((it) => `${it.categoryId}${it.isLongTail ? "*" : ""}`).join(" "));
      if (step === N) {
        tot.hits += items.filter((it, i) => outcomes[i] && taste.cats.has(it.categoryId!)).length;
        tot.slots += K;
        const ideal = index.items
          .filter((it) => !seen.has(it.id) || items.includes(it))
          .map((it) => relevance(taste, it))
          .sort((a, b) => b - a)
          .slice(0, K);
        tot.ndcg += dcg(items.map((it) => relevance(taste, it))) / (dcg(ideal) || 1);
        break;
      }
      items.forEach((it, i) => {
        now += 8000;
        const events: { kind: EventKind; dwellMs?: number }[] = outcomes[i]
          ? [{ kind: "VIEW", dwellMs: 12_000 + react.int(0, 8000) }]
          : [{ kind: "VIEW", dwellMs: react.int(300, 1400) }];
        if (outcomes[i]) {
          engaged.unshift(it.id);
          if (react.chance(0.5)) events.push({ kind: "LIKE" });
          if (react.chance(0.4)) events.push({ kind: "PRODUCT_CLICK" });
          if (react.chance(0.1)) events.push({ kind: "ADD_TO_CART" });
          if (react.chance(0.03)) events.push({ kind: "PURCHASE" });
        }
        for (const e of events) profile = applyEvent(profile, { ...e, at: now, item: it, productId: it.id, expectedMs: 15_000 });
      });
      profile = decayProfile(profile, now);
    }
    tot.visitors++;
    onProgress(v + 1);
  });
  return tot;
}

function main() {
  const rng = new Random(SEED);
  const started = Date.now();
  const { items, leaves, tagPool } = buildCatalog(rng);
  const bg = background(rng, items, leaves, tagPool);
  const index = buildIndex(items, bg.trend, bg.co, 0);
  const tastes = Array.from({ length: VISITORS }, () => randomTaste(rng, leaves, tagPool));
  console.log(`eval:reco seed=${SEED} catalog=${items.length} items, ${leaves.length} categories, ${SHOPS} shops; ${VISITORS} visitors × ${N} pages of ${K}`);
  const results = {} as Record<Policy, Totals>;
  for (const policy of ["reco", "popular", "random"] as Policy[]) {
    let last = 0;
    results[policy] = simulate(policy, index, tastes, SEED, (done) => {
      const pct = Math.floor((done / VISITORS) * 10);
      if (pct > last || done === VISITORS) {
        last = pct;
        process.stderr.write(`  ${policy.padEnd(8)} ${done}/${VISITORS} visitors\n`);
      }
    });
  }
  const row = (name: string, t: Totals) => ({
    policy: name,
    hit_rate: +(t.hits / t.slots).toFixed(3),
    ndcg10: +(t.ndcg / t.visitors).toFixed(3),
    coverage: +(t.shown.size / items.length).toFixed(3),
    longtail_share: +(t.longTail / t.impressions).toFixed(3),
  });
  const rows = [row("recommender", results.reco), row("popularity", results.popular), row("random", results.random)];
  console.log(`\nAfter ${N} interactions (pages of ${K}); hit = item of the next page in the true taste AND engaged:`);
  console.log("policy        hit_rate  ndcg@10  coverage  longtail_share");
  for (const r of rows) {
    console.log(`${r.policy.padEnd(13)} ${r.hit_rate.toFixed(3).padStart(8)} ${r.ndcg10.toFixed(3).padStart(8)} ${r.coverage.toFixed(3).padStart(9)} ${r.longtail_share.toFixed(3).padStart(15)}`);
  }
  const [reco, pop, rand] = rows;
  const ratio = pop.hit_rate > 0 ? reco.hit_rate / pop.hit_rate : Infinity;
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(
    `hit_rate=${reco.hit_rate.toFixed(2)} pop_hit_rate=${pop.hit_rate.toFixed(2)} random_hit_rate=${rand.hit_rate.toFixed(2)} ratio_vs_pop=${ratio.toFixed(1)} ndcg10=${reco.ndcg10.toFixed(2)} pop_ndcg10=${pop.ndcg10.toFixed(2)} longtail_share=${reco.longtail_share.toFixed(2)} coverage=${reco.coverage.toFixed(2)}`,
  );
}

main();
