// Pure variant (SKU) matching for the product page: which SKU a set of chosen option values
// names, which values are still possible, and whether what is left is sold out. No React here,
// so it is unit-tested on its own (tests/unit/variant-selection.test.ts).

export interface SelectableOption {
  id: string;
  values: { id: string }[];
}

export interface SelectableVariant {
  id: string;
  priceFen: number;
  compareAtPriceFen: number | null;
  stock: number;
  purchaseLimit: number | null;
  optionValueIds: string[];
}

/** Chosen value id per option id; an option that is missing (or null) is not chosen yet. */
export type Selection = Record<string, string | null | undefined>;

/** How an option value looks given what else is chosen. */
export type ValueState = "available" | "soldOut" | "unavailable";

function chosenIds(selection: Selection): string[] {
  return Object.values(selection).filter((v): v is string => typeof v === "string" && v.length > 0);
}

/** Variants that carry every chosen value (all of them when nothing is chosen). */
export function matchingVariants<V extends SelectableVariant>(variants: V[], selection: Selection): V[] {
  const chosen = chosenIds(selection);
  return variants.filter((v) => chosen.every((id) => v.optionValueIds.includes(id)));
}

/** True when every option has a value chosen (trivially true for a product without options). */
export function isComplete(options: SelectableOption[], selection: Selection): boolean {
  return options.every((o) => Boolean(selection[o.id]));
}

/**
 * The variant the selection names, or null while it is incomplete or names a combination that
 * does not exist. A product without options has exactly one variant, which is always selected.
 */
export function findVariant<V extends SelectableVariant>(options: SelectableOption[], variants: V[], selection: Selection): V | null {
  if (options.length === 0) return variants.length === 1 ? variants[0] : null;
  if (!isComplete(options, selection)) return null;
  const chosen = options.map((o) => selection[o.id] as string);
  return variants.find((v) => v.optionValueIds.length === chosen.length && chosen.every((id) => v.optionValueIds.includes(id))) ?? null;
}

/**
 * The state of one value of one option, judged against the other options' current choices
 * (its own option's choice is replaced by this value, as if the shopper clicked it):
 * - `unavailable`: no variant has this combination with the other choices (picking it switches them);
 * - `soldOut`: the combination exists but every matching variant has no stock;
 * - `available`: at least one matching variant is in stock.
 */
export function valueState<V extends SelectableVariant>(variants: V[], selection: Selection, optionId: string, valueId: string): ValueState {
  const candidates = matchingVariants(variants, { ...selection, [optionId]: valueId });
  if (candidates.length === 0) return "unavailable";
  return candidates.some((v) => v.stock > 0) ? "available" : "soldOut";
}

/** False for a value no active variant uses at all: it can never be picked. */
export function valueExists(variants: SelectableVariant[], valueId: string): boolean {
  return variants.some((v) => v.optionValueIds.includes(valueId));
}

/**
 * Picking a value, as a radio does (clicking the chosen one again keeps it). When the value does
 * not combine with the other choices, the shopper meant to switch: keep the value, keep the other
 * choices of the variant that agrees with most of them (in-stock first), and clear the rest.
 */
export function selectValue(variants: SelectableVariant[], selection: Selection, optionId: string, valueId: string): Selection {
  const next: Selection = { ...selection, [optionId]: valueId };
  if (matchingVariants(variants, next).length > 0) return next;
  const others = Object.entries(selection).filter((e): e is [string, string] => e[0] !== optionId && typeof e[1] === "string" && e[1].length > 0);
  let best: { variant: SelectableVariant; score: number } | null = null;
  for (const variant of variants) {
    if (!variant.optionValueIds.includes(valueId)) continue;
    const agree = others.filter(([, id]) => variant.optionValueIds.includes(id)).length;
    const score = agree * 2 + (variant.stock > 0 ? 1 : 0);
    if (!best || score > best.score) best = { variant, score };
  }
  if (!best) return selection;
  const kept: Selection = { [optionId]: valueId };
  for (const [id, value] of others) kept[id] = best.variant.optionValueIds.includes(value) ? value : null;
  return kept;
}

/**
 * Where the page starts: options with a single value are chosen for the shopper (there is
 * nothing to decide); everything else waits for a click.
 */
export function initialSelection(options: SelectableOption[]): Selection {
  const selection: Selection = {};
  for (const o of options) if (o.values.length === 1) selection[o.id] = o.values[0].id;
  return selection;
}

export function isSoldOut(variants: SelectableVariant[]): boolean {
  return !variants.some((v) => v.stock > 0);
}

/** Lowest and highest price among the given variants, or null when there are none. */
export function priceRange(variants: SelectableVariant[]): { min: number; max: number } | null {
  if (variants.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of variants) {
    min = Math.min(min, v.priceFen);
    max = Math.max(max, v.priceFen);
  }
  return { min, max };
}

/** Percentage saved against the compare-at price, rounded down; null when there is no real discount. */
export function discountPercent(priceFen: number, compareAtPriceFen: number | null): number | null {
  if (!compareAtPriceFen || compareAtPriceFen <= priceFen || compareAtPriceFen <= 0) return null;
  const pct = Math.floor(((compareAtPriceFen - priceFen) * 100) / compareAtPriceFen);
  return pct > 0 ? pct : null;
}

/** Stock at or below this shows the "only N left" hint. */
export const LOW_STOCK = 5;
