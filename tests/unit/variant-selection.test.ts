import { describe, expect, it } from "vitest";
import {
  discountPercent,
  findVariant,
  initialSelection,
  isComplete,
  isSoldOut,
  matchingVariants,
  priceRange,
  selectValue,
  valueExists,
  valueState,
  type SelectableOption,
  type SelectableVariant,
} from "../../app/[locale]/(shop)/p/[slug]/variant-selection";

// Colour × size, where Blue/L was never made and Red/L is sold out.
const options: SelectableOption[] = [
  { id: "color", values: [{ id: "red" }, { id: "blue" }] },
  { id: "size", values: [{ id: "m" }, { id: "l" }] },
];

function variant(id: string, optionValueIds: string[], stock: number, priceFen = 1000, extra: Partial<SelectableVariant> = {}): SelectableVariant {
  return { id, priceFen, compareAtPriceFen: null, stock, purchaseLimit: null, optionValueIds, ...extra };
}

const redM = variant("red-m", ["red", "m"], 23, 9900);
const redL = variant("red-l", ["l", "red"], 0, 10900); // ids in another order on purpose
const blueM = variant("blue-m", ["blue", "m"], 3, 8900);
const variants = [redM, redL, blueM];

describe("findVariant", () => {
  it("finds the variant whose option values match exactly, whatever their order", () => {
    expect(findVariant(options, variants, { color: "red", size: "m" })).toBe(redM);
    expect(findVariant(options, variants, { size: "l", color: "red" })).toBe(redL);
    expect(findVariant(options, variants, { color: "blue", size: "m" })).toBe(blueM);
  });

  it("returns null while the selection is partial", () => {
    expect(findVariant(options, variants, {})).toBeNull();
    expect(findVariant(options, variants, { color: "red" })).toBeNull();
    expect(findVariant(options, variants, { color: "red", size: null })).toBeNull();
    expect(isComplete(options, { color: "red" })).toBe(false);
    expect(isComplete(options, { color: "red", size: "m" })).toBe(true);
  });

  it("returns null for a combination that does not exist", () => {
    expect(findVariant(options, variants, { color: "blue", size: "l" })).toBeNull();
  });

  it("does not accept a variant that has extra option values beyond the selection", () => {
    const odd = [variant("x", ["red", "m", "gift"], 5)];
    expect(findVariant(options, odd, { color: "red", size: "m" })).toBeNull();
  });

  it("selects the single variant of a product without options", () => {
    const only = variant("only", [], 4);
    expect(findVariant([], [only], {})).toBe(only);
    expect(findVariant([], [only, redM], {})).toBeNull();
  });
});

describe("matchingVariants", () => {
  it("narrows by every chosen value and keeps all when nothing is chosen", () => {
    expect(matchingVariants(variants, {})).toEqual(variants);
    expect(matchingVariants(variants, { color: "red" })).toEqual([redM, redL]);
    expect(matchingVariants(variants, { size: "m" })).toEqual([redM, blueM]);
    expect(matchingVariants(variants, { color: "blue", size: "l" })).toEqual([]);
  });
});

describe("valueState", () => {
  it("marks combinations that do not exist as unavailable", () => {
    expect(valueState(variants, { color: "blue" }, "size", "l")).toBe("unavailable");
    expect(valueState(variants, { size: "l" }, "color", "blue")).toBe("unavailable");
  });

  it("marks combinations whose every variant has no stock as sold out", () => {
    expect(valueState(variants, { color: "red" }, "size", "l")).toBe("soldOut");
    // With nothing else chosen, size L only exists as the sold-out Red/L.
    expect(valueState(variants, {}, "size", "l")).toBe("soldOut");
  });

  it("marks values with at least one variant in stock as available", () => {
    expect(valueState(variants, {}, "color", "red")).toBe("available");
    expect(valueState(variants, { color: "red" }, "size", "m")).toBe("available");
  });

  it("judges a value against the other options, replacing its own option's choice", () => {
    // Red is chosen; Blue is still available because choosing it replaces Red.
    expect(valueState(variants, { color: "red", size: "m" }, "color", "blue")).toBe("available");
    // With L chosen, switching colour to Blue would name a combination that does not exist.
    expect(valueState(variants, { color: "red", size: "l" }, "color", "blue")).toBe("unavailable");
  });
});

describe("sold-out detection", () => {
  it("is sold out only when no variant has stock", () => {
    expect(isSoldOut(variants)).toBe(false);
    expect(isSoldOut([redL])).toBe(true);
    expect(isSoldOut([])).toBe(true);
  });
});

describe("selection helpers", () => {
  it("picks a value like a radio: replaces its option's value and keeps a re-clicked one", () => {
    const a = selectValue(variants, {}, "color", "red");
    expect(a).toEqual({ color: "red" });
    expect(selectValue(variants, a, "color", "blue")).toEqual({ color: "blue" });
    expect(selectValue(variants, a, "color", "red")).toEqual({ color: "red" });
    expect(selectValue(variants, { color: "red" }, "size", "l")).toEqual({ color: "red", size: "l" });
  });

  it("switching to a value that does not combine clears the conflicting choices only", () => {
    // Blue/L does not exist: picking Blue while L is chosen keeps Blue and drops L.
    expect(selectValue(variants, { color: "red", size: "l" }, "color", "blue")).toEqual({ color: "blue", size: null });
    // A third option that still agrees with the best variant is kept.
    const withGift = [variant("r-m-g", ["red", "m", "gift"], 2), variant("b-l-g", ["blue", "l", "gift"], 2)];
    expect(selectValue(withGift, { color: "red", size: "m", wrap: "gift" }, "color", "blue")).toEqual({ color: "blue", size: null, wrap: "gift" });
  });

  it("never selects a value that no variant uses", () => {
    const sel = { color: "red" };
    expect(valueExists(variants, "l")).toBe(true);
    expect(valueExists(variants, "xl")).toBe(false);
    expect(selectValue(variants, sel, "size", "xl")).toBe(sel);
  });

  it("pre-selects options that have a single value", () => {
    const opts: SelectableOption[] = [
      { id: "weight", values: [{ id: "5kg" }] },
      { id: "grade", values: [{ id: "a" }, { id: "b" }] },
    ];
    expect(initialSelection(opts)).toEqual({ weight: "5kg" });
  });

  it("computes the price range of what is left", () => {
    expect(priceRange(variants)).toEqual({ min: 8900, max: 10900 });
    expect(priceRange([])).toBeNull();
  });
});

describe("discount", () => {
  it("computes the discount percentage only for a real markdown", () => {
    expect(discountPercent(7900, 9900)).toBe(20);
    expect(discountPercent(9900, 9900)).toBeNull();
    expect(discountPercent(9900, null)).toBeNull();
    expect(discountPercent(9900, 8000)).toBeNull();
  });
});
