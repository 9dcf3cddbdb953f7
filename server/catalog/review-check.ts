// The automatic first check a product goes through when the merchant submits it (and whenever an
// active product is edited). Pure: it looks only at what it is given. Each failed rule is a reason
// naming the field, so the editor can show it next to the input; any reason means REJECTED.
//
// Rules (documented in docs/bulk-import.md too, since imports can run the same check):
//  - forbidden words (FORBIDDEN_WORDS_ZH / FORBIDDEN_WORDS_EN) in titles, subtitles, descriptions, tags,
//    option names and option values, case-insensitively; Chinese words are found even with spaces or
//    punctuation inserted between the characters ("最 好", "假-货");
//  - absurd prices: price below ¥0.01 or above ¥1,000,000; compare-at price below the price; member
//    price at or above the price; one SKU priced more than 20× another SKU of the same product;
//  - no image; no stock on any active SKU; no active SKU at all.

/** Advertising-law absolutes, counterfeit goods, grey imports and medical claims (zh). */
export const FORBIDDEN_WORDS_ZH = [
  "最好",
  "最佳",
  "第一",
  "国家级",
  "世界级",
  "顶级",
  "假货",
  "高仿",
  "精仿",
  "仿品",
  "A货",
  "代购",
  "特效药",
  "根治",
  "包治百病",
  "无效退款",
] as const;

/** The same families in English; matched as whole words or phrases. */
export const FORBIDDEN_WORDS_EN = [
  "guaranteed cure",
  "miracle cure",
  "cures cancer",
  "counterfeit",
  "replica",
  "knockoff",
  "knock-off",
  "fake goods",
  "best in the world",
  "world's best",
  "number one",
] as const;

/** ¥0.01 and ¥1,000,000 in fen. */
export const MIN_PRICE_FEN = 1;
export const MAX_PRICE_FEN = 100_000_000;
/** The most expensive SKU may cost at most this many times the cheapest one. */
export const MAX_PRICE_SPREAD = 20;

export interface ReviewCheckVariant {
  priceFen: number;
  compareAtPriceFen: number | null;
  memberPriceFen: number | null;
  stock: number;
  isActive: boolean;
}

export interface ReviewCheckInput {
  titleZh: string;
  titleEn: string;
  subtitleZh: string;
  subtitleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  tags: readonly string[];
  options: ReadonlyArray<{ nameZh: string; nameEn: string; values: ReadonlyArray<{ valueZh: string; valueEn: string }> }>;
  imageCount: number;
  /** In the order the editor shows them: `variants.<i>` in reasons is this index. */
  variants: readonly ReviewCheckVariant[];
}

export type ReviewReasonCode =
  | "forbidden_word"
  | "price_too_low"
  | "price_too_high"
  | "compare_at_below_price"
  | "member_price_not_below"
  | "price_spread"
  | "no_image"
  | "no_stock"
  | "no_active_sku";

export interface ReviewReason {
  code: ReviewReasonCode;
  field: string;
  message: string;
}

export interface ReviewCheckResult {
  passed: boolean;
  reasons: ReviewReason[];
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** Letters and digits only, lower-cased: "最 好。" → "最好". */
function squeeze(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Words separated by single spaces, padded: "World's BEST!" → " world s best ". */
function words(s: string): string {
  return ` ${s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

/** The forbidden words found in a text (each once). */
export function findForbiddenWords(text: string): string[] {
  if (!text) return [];
  const found: string[] = [];
  const squeezed = squeeze(text);
  const spaced = words(text);
  for (const word of FORBIDDEN_WORDS_ZH) {
    // Chinese: no word boundaries, so any separators between the characters are ignored.
    if (squeezed.includes(squeeze(word))) found.push(word);
  }
  for (const word of FORBIDDEN_WORDS_EN) {
    if (spaced.includes(words(word))) found.push(word);
  }
  return found;
}

/** Runs every rule; `passed` when there is no reason. */
export function reviewCheck(input: ReviewCheckInput): ReviewCheckResult {
  const reasons: ReviewReason[] = [];

  const texts: Array<[string, string]> = [
    ["titleZh", input.titleZh],
    ["titleEn", input.titleEn],
    ["subtitleZh", input.subtitleZh],
    ["subtitleEn", input.subtitleEn],
    ["descriptionZh", input.descriptionZh],
    ["descriptionEn", input.descriptionEn],
    ...input.tags.map((tag, i): [string, string] => [`tags.${i}`, tag]),
  ];
  input.options.forEach((o, i) => {
    texts.push([`options.${i}.nameZh`, o.nameZh], [`options.${i}.nameEn`, o.nameEn]);
    o.values.forEach((v, j) => texts.push([`options.${i}.values.${j}.valueZh`, v.valueZh], [`options.${i}.values.${j}.valueEn`, v.valueEn]));
  });
  for (const [field, text] of texts) {
    for (const word of findForbiddenWords(text)) {
      reasons.push({ code: "forbidden_word", field, message: `${field}: contains the forbidden word “${word}”` });
    }
  }

  if (input.imageCount < 1) reasons.push({ code: "no_image", field: "images", message: "images: add at least one image" });

  const active = input.variants.map((v, i) => ({ ...v, i })).filter((v) => v.isActive);
  if (active.length === 0) {
    reasons.push({ code: "no_active_sku", field: "variants", message: "variants: no SKU is on sale" });
  } else if (active.every((v) => v.stock <= 0)) {
    reasons.push({ code: "no_stock", field: "variants", message: "variants: no SKU has stock" });
  }

  for (const v of active) {
    const f = `variants.${v.i}`;
    if (v.priceFen < MIN_PRICE_FEN) {
      reasons.push({ code: "price_too_low", field: `${f}.price`, message: `${f}.price: ${yuan(v.priceFen)} is below ${yuan(MIN_PRICE_FEN)}` });
    } else if (v.priceFen > MAX_PRICE_FEN) {
      reasons.push({ code: "price_too_high", field: `${f}.price`, message: `${f}.price: ${yuan(v.priceFen)} is above ${yuan(MAX_PRICE_FEN)}` });
    }
    if (v.compareAtPriceFen !== null && v.compareAtPriceFen < v.priceFen) {
      reasons.push({
        code: "compare_at_below_price",
        field: `${f}.compareAtPrice`,
        message: `${f}.compareAtPrice: ${yuan(v.compareAtPriceFen)} is below the price ${yuan(v.priceFen)}`,
      });
    }
    if (v.memberPriceFen !== null && v.memberPriceFen >= v.priceFen) {
      reasons.push({
        code: "member_price_not_below",
        field: `${f}.memberPrice`,
        message: `${f}.memberPrice: ${yuan(v.memberPriceFen)} must be below the price ${yuan(v.priceFen)}`,
      });
    }
  }

  const priced = active.filter((v) => v.priceFen >= MIN_PRICE_FEN);
  if (priced.length > 1) {
    const cheapest = priced.reduce((a, b) => (b.priceFen < a.priceFen ? b : a));
    const dearest = priced.reduce((a, b) => (b.priceFen > a.priceFen ? b : a));
    if (dearest.priceFen > cheapest.priceFen * MAX_PRICE_SPREAD) {
      reasons.push({
        code: "price_spread",
        field: `variants.${dearest.i}.price`,
        message: `variants.${dearest.i}.price: ${yuan(dearest.priceFen)} is more than ${MAX_PRICE_SPREAD}× the price of SKU ${cheapest.i + 1} (${yuan(cheapest.priceFen)})`,
      });
    }
  }

  return { passed: reasons.length === 0, reasons };
}

/** The reasons as the product's statusReason: one per line. */
export function formatReasons(reasons: readonly ReviewReason[]): string {
  return reasons.map((r) => r.message).join("\n");
}
