// The storefront's Open Graph card renderer: a 1200×630 PNG from generated art, safe with any text,
// cached per content version.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cachedStorefrontCard, renderStorefrontCard, storefrontCardVersion, type StorefrontCard } from "@/server/affiliate/og-card";
import { avatarUrl, productArtUrl } from "@/server/media/art";

const card: StorefrontCard = {
  displayName: "小雨的厨房",
  handle: "xiaoyu_kitchen",
  followersText: "138万 粉丝",
  tagline: "厨房 · 家电",
  avatarUrl: avatarUrl("xiaoyu_kitchen"),
  products: [
    { imageUrl: productArtUrl("kettle", "p1"), priceText: "¥129" },
    { imageUrl: productArtUrl("tea", "p2"), priceText: "¥19.90" },
    { imageUrl: null, priceText: "¥8" },
  ],
  brand: "兴趣商城",
};

describe("storefront Open Graph card", () => {
  it("renders a 1200×630 PNG with the avatar and product pictures drawn in", async () => {
    const png = await renderStorefrontCard(card);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
    // The first product tile is a picture, not the flat placeholder: many distinct colours there.
    const { data, info } = await sharp(png).extract({ left: 100, top: 260, width: 260, height: 200 }).raw().toBuffer({ resolveWithObject: true });
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += info.channels * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    expect(colours.size).toBeGreaterThan(50);
  });

  it("keeps markup in names as text and survives unknown images", async () => {
    const png = await renderStorefrontCard({ ...card, displayName: '</text><script>alert(1)</script>&"', avatarUrl: "/media/uploads/../../etc/passwd", products: [] });
    expect((await sharp(png).metadata()).width).toBe(1200);
  });

  it("has a version that changes with the content, and renders each version once", async () => {
    expect(storefrontCardVersion(card)).toBe(storefrontCardVersion({ ...card }));
    expect(storefrontCardVersion({ ...card, followersText: "139万 粉丝" })).not.toBe(storefrontCardVersion(card));
    const a = cachedStorefrontCard(card);
    const b = cachedStorefrontCard({ ...card });
    expect(b.png).toBe(a.png);
    expect((await a.png).length).toBeGreaterThan(10_000);
  });
});
