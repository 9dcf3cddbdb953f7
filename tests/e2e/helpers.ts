import type { APIRequestContext, Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";
export const SHOPPER_STATE = "tests/e2e/.auth/shopper.json";

interface Variant {
  id: string;
  priceFen: number;
  stock: number;
  optionValueIds: string[];
}
interface ProductDetail {
  slug: string;
  titleZh: string;
  minPriceFen: number;
  maxPriceFen: number;
  variants: Variant[];
  options: Array<{ nameZh: string; values: Array<{ id: string; valueZh: string; valueEn: string }> }>;
}

/** Calls a tRPC query over HTTP the way the browser client does (superjson envelope). */
export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  if (!res.ok()) throw new Error(`${path} answered ${res.status()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Product slugs from the sitemap, in catalog order. */
export async function productSlugs(request: APIRequestContext, limit = 60): Promise<string[]> {
  const xml = await (await request.get("/sitemaps/products-0.xml")).text();
  const slugs = [...xml.matchAll(/<loc>[^<]*?\/p\/([a-z0-9-]+)<\/loc>/g)].map((m) => m[1]);
  return [...new Set(slugs)].slice(0, limit);
}

/** A seeded product whose variants differ in both price and stock, for the variant-switch test. */
export async function findMultiVariantProduct(request: APIRequestContext): Promise<ProductDetail> {
  for (const slug of await productSlugs(request)) {
    const p = await trpcQuery<ProductDetail>(request, "catalog.get", { slug });
    const prices = new Set(p.variants.map((v) => v.priceFen));
    const stocks = new Set(p.variants.map((v) => v.stock));
    if (p.options.length >= 1 && prices.size >= 2 && stocks.size >= 2 && p.variants.every((v) => v.stock > 0)) return p;
  }
  throw new Error("No seeded product has variants that differ in price and stock");
}

export function yuan(fen: number): string {
  const cents = fen % 100;
  return `¥${Math.floor(fen / 100).toLocaleString("en-US")}${cents ? `.${String(cents).padStart(2, "0")}` : ""}`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}
