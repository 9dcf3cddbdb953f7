import { describe, expect, it } from "vitest";
import { findForbiddenWords, formatReasons, reviewCheck, type ReviewCheckInput } from "@/server/catalog/review-check";

function product(overrides: Partial<ReviewCheckInput> = {}): ReviewCheckInput {
  return {
    titleZh: "高山云雾绿茶",
    titleEn: "Alpine cloud green tea",
    subtitleZh: "明前采摘",
    subtitleEn: "Picked before Qingming",
    descriptionZh: "一芽一叶，手工炒制。",
    descriptionEn: "One bud, one leaf, pan-fired by hand.",
    tags: ["绿茶", "tea"],
    options: [{ nameZh: "规格", nameEn: "Size", values: [{ valueZh: "50克", valueEn: "50 g" }, { valueZh: "100克", valueEn: "100 g" }] }],
    imageCount: 1,
    variants: [
      { priceFen: 3900, compareAtPriceFen: 5900, memberPriceFen: 3500, stock: 10, isActive: true },
      { priceFen: 6900, compareAtPriceFen: null, memberPriceFen: null, stock: 0, isActive: true },
    ],
    ...overrides,
  };
}

const codes = (input: ReviewCheckInput) => reviewCheck(input).reasons.map((r) => `${r.code}@${r.field}`);

describe("reviewCheck", () => {
  it("passes a clean product", () => {
    expect(reviewCheck(product())).toEqual({ passed: true, reasons: [] });
  });

  it("finds forbidden words in every text field, naming the field", () => {
    expect(codes(product({ titleZh: "全网最好的绿茶" }))).toEqual(["forbidden_word@titleZh"]);
    expect(codes(product({ subtitleEn: "A GUARANTEED CURE for everything" }))).toEqual(["forbidden_word@subtitleEn"]);
    expect(codes(product({ descriptionZh: "高仿大牌" }))).toEqual(["forbidden_word@descriptionZh"]);
    expect(codes(product({ tags: ["ok", "Replica"] }))).toEqual(["forbidden_word@tags.1"]);
    expect(codes(product({ options: [{ nameZh: "款式", nameEn: "Style", values: [{ valueZh: "代购款", valueEn: "x" }] }], variants: [product().variants[0]!] }))).toEqual([
      "forbidden_word@options.0.values.0.valueZh",
    ]);
  });

  it("matches Chinese words with spaces or punctuation between the characters, and English case-insensitively", () => {
    expect(findForbiddenWords("最 好")).toEqual(["最好"]);
    expect(findForbiddenWords("假-货，便宜")).toEqual(["假货"]);
    expect(findForbiddenWords("国·家·级 认证")).toEqual(["国家级"]);
    expect(findForbiddenWords("根\n治")).toEqual(["根治"]);
    expect(findForbiddenWords("Counterfeit bags")).toEqual(["counterfeit"]);
    expect(findForbiddenWords("the World’s BEST tea")).toEqual(["world's best"]);
    expect(findForbiddenWords("the world's best tea")).toEqual(["world's best"]);
  });

  it("does not flag English words that merely contain a forbidden one", () => {
    expect(findForbiddenWords("replicate the taste")).toEqual([]);
    expect(findForbiddenWords("")).toEqual([]);
  });

  it("rejects absurd prices with the SKU's field", () => {
    const v = (priceFen: number, extra: Partial<ReviewCheckInput["variants"][number]> = {}) => ({ priceFen, compareAtPriceFen: null, memberPriceFen: null, stock: 5, isActive: true, ...extra });
    expect(codes(product({ options: [], variants: [v(0)] }))).toEqual(["price_too_low@variants.0.price"]);
    expect(codes(product({ options: [], variants: [v(100_000_001)] }))).toEqual(["price_too_high@variants.0.price"]);
    expect(codes(product({ options: [], variants: [v(100_000_000)] }))).toEqual([]);
    expect(codes(product({ options: [], variants: [v(1000, { compareAtPriceFen: 999 })] }))).toEqual(["compare_at_below_price@variants.0.compareAtPrice"]);
    expect(codes(product({ options: [], variants: [v(1000, { memberPriceFen: 1000 })] }))).toEqual(["member_price_not_below@variants.0.memberPrice"]);
    expect(codes(product({ variants: [v(100), v(2001)] }))).toEqual(["price_spread@variants.1.price"]);
    expect(codes(product({ variants: [v(100), v(2000)] }))).toEqual([]);
    // An inactive SKU is not on sale: its price does not count.
    expect(codes(product({ variants: [v(100), v(9999, { isActive: false })] }))).toEqual([]);
  });

  it("rejects a product without images or without any stock", () => {
    expect(codes(product({ imageCount: 0 }))).toEqual(["no_image@images"]);
    const noStock = product().variants.map((v) => ({ ...v, stock: 0 }));
    expect(codes(product({ variants: noStock }))).toEqual(["no_stock@variants"]);
    expect(codes(product({ variants: noStock.map((v) => ({ ...v, isActive: false })) }))).toEqual(["no_active_sku@variants"]);
  });

  it("lists every reason, one per line", () => {
    const r = reviewCheck(product({ titleZh: "第一高仿", imageCount: 0 }));
    expect(r.passed).toBe(false);
    expect(formatReasons(r.reasons).split("\n")).toEqual([
      "titleZh: contains the forbidden word “第一”",
      "titleZh: contains the forbidden word “高仿”",
      "images: add at least one image",
    ]);
  });
});
