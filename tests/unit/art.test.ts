import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  ART_BASE_PATH,
  ART_KEYS,
  avatarUrl,
  bannerUrl,
  categoryIconUrl,
  parseArtKey,
  productArtUrl,
  renderArtSvg,
  shopBannerUrl,
  shopLogoUrl,
  shopThemeColor,
} from "@/server/media/art";

/** Tag balance and attribute uniqueness: enough to catch the mistakes a string-built SVG can make. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tagRe = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;
  let consumed = 0;
  for (const m of svg.matchAll(tagRe)) {
    expect(svg.slice(consumed, m.index).trim(), "text between tags").toBe("");
    consumed = m.index + m[0].length;
    const [, closing, name, attrs, selfClosing] = m;
    const attrNames = [...attrs.matchAll(/([\w:-]+)="/g)].map((a) => a[1]);
    expect(new Set(attrNames).size, `duplicate attribute on <${name}>`).toBe(attrNames.length);
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name);
  }
  expect(consumed).toBe(svg.length);
  expect(stack).toEqual([]);
}

function keyOf(url: string): string {
  expect(url.startsWith(`${ART_BASE_PATH}/`)).toBe(true);
  return url.slice(ART_BASE_PATH.length + 1);
}

describe("renderArtSvg", () => {
  it("is deterministic: the same key gives byte-identical SVG", () => {
    for (const key of ["product/kettle/p123-1.svg", "shop-logo/s1.svg", "avatar/c7.svg", "banner/home-1.svg", "shop-banner/tea/s2.svg"]) {
      expect(renderArtSvg(key)).toBe(renderArtSvg(key));
    }
  });

  it("varies products within a category by seed", () => {
    const drawings = new Set(["p1-1", "p1-2", "p2-1", "p3-1", "p4-1"].map((seed) => renderArtSvg(`product/headphones/${seed}.svg`)));
    expect(drawings.size).toBe(5);
  });

  it("draws the same picture for .svg and .png keys", () => {
    expect(renderArtSvg("product/tea/p9-2.png")).toBe(renderArtSvg("product/tea/p9-2.svg"));
  });

  it.each(ART_KEYS)("renders product and category art for %s as well-formed SVG with the right viewBox", (artKey) => {
    const product = renderArtSvg(`product/${artKey}/p42-3.svg`);
    expect(product).not.toBeNull();
    expect(product).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="800" viewBox="0 0 800 800">/);
    assertWellFormed(product!);

    const icon = renderArtSvg(`category/${artKey}.svg`);
    expect(icon).toContain(`viewBox="0 0 160 160"`);
    assertWellFormed(icon!);
  });

  it("gives every kind of art its size", () => {
    const sizes: Array<[string, string]> = [
      ["shop-logo/s1.svg", "0 0 400 400"],
      ["shop-banner/s1.svg", "0 0 1600 500"],
      ["shop-banner/phone/s1.svg", "0 0 1600 500"],
      ["avatar/c1.svg", "0 0 400 400"],
      ["banner/home-1.svg", "0 0 1600 600"],
    ];
    for (const [key, viewBox] of sizes) {
      const svg = renderArtSvg(key);
      expect(svg, key).toContain(`viewBox="${viewBox}"`);
      assertWellFormed(svg!);
    }
  });

  it("draws shapes only: no text, fonts, scripts, external references or NaN coordinates", () => {
    const keys = [
      ...ART_KEYS.map((k) => `product/${k}/x.svg`),
      ...Array.from({ length: 16 }, (_, i) => `shop-logo/s${i}.svg`),
      ...Array.from({ length: 16 }, (_, i) => `avatar/c${i}.svg`),
      "banner/a.svg",
      "banner/b.svg",
      "shop-banner/x.svg",
    ];
    for (const key of keys) {
      const svg = renderArtSvg(key)!;
      expect(svg, key).not.toMatch(/<text|<tspan|font|<script|<image|href|NaN|undefined|Infinity/);
    }
  });

  it.each([
    "../etc/passwd",
    "product/<script>/1.svg",
    "product/kettle/../../etc/passwd.svg",
    "product/kettle/a/b.svg",
    "product/kettle/a b.svg",
    "product/kettle/.svg",
    "product/kettle/-x.svg",
    "product/kettle/1.gif",
    "product/kettle/1",
    "product/not-a-real-key/1.svg",
    "category/%3Cscript%3E.svg",
    "shop-logo/x\".svg",
    `avatar/${"a".repeat(60)}.svg`,
    "unknown/1.svg",
    "",
  ])("rejects %j", (key) => {
    expect(renderArtSvg(key)).toBeNull();
    expect(parseArtKey(key)).toBeNull();
  });
});

describe("URL helpers", () => {
  it("build keys the renderer accepts", () => {
    const urls = [
      productArtUrl("kettle", "p123-1"),
      productArtUrl("tea", "p5-2", "png"),
      shopLogoUrl("s1"),
      shopBannerUrl("s1"),
      shopBannerUrl("s1", "tea"),
      avatarUrl("c1"),
      categoryIconUrl("fruit"),
      bannerUrl("home-1", "png"),
    ];
    for (const url of urls) expect(renderArtSvg(keyOf(url)), url).not.toBeNull();
    expect(productArtUrl("kettle", "p123-1")).toBe("/media/art/product/kettle/p123-1.svg");
  });

  it("fall back to the generic parcel for unknown art keys and hash unusable seeds", () => {
    expect(productArtUrl("spaceship", "p1")).toBe("/media/art/product/box/p1.svg");
    const url = avatarUrl("../../etc/passwd");
    expect(url).toMatch(/^\/media\/art\/avatar\/h[0-9a-z]+\.svg$/);
    expect(renderArtSvg(keyOf(url))).not.toBeNull();
  });

  it("expose a shop theme colour matching the logo", () => {
    const color = shopThemeColor("s1");
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(shopThemeColor("s1")).toBe(color);
  });
});

describe("rasterising", () => {
  it("renders every product family to PNG with sharp", async () => {
    for (const artKey of ART_KEYS) {
      const png = await sharp(Buffer.from(renderArtSvg(`product/${artKey}/p1-1.svg`)!)).png().toBuffer();
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 800, 800]);
    }
  }, 30_000);
});
