// The storefront's Open Graph card: a 1200×630 PNG with the creator's avatar, name, follower count
// and top three products (pictures and prices). Composed as SVG (text, shapes) plus PNG tiles for the
// pictures, rendered with sharp — no network fetches: generated art is drawn by the same functions
// the /media/art route uses, uploads are read from storage. Text is escaped before it enters the SVG.
// Chinese text needs a CJK font known to fontconfig (e.g. Noto Sans CJK); without one it falls back.
import crypto from "node:crypto";
import sharp, { type OverlayOptions } from "sharp";
import { ART_BASE_PATH, renderArtSvg } from "@/server/media/art";
import { parseUploadUrl, uploadStorage } from "@/server/media/uploads";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface StorefrontCard {
  displayName: string;
  handle: string;
  /** Already formatted, e.g. "138万 粉丝". */
  followersText: string;
  tagline: string;
  avatarUrl: string;
  products: Array<{ imageUrl: string | null; priceText: string }>;
  brand: string;
}

const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'DejaVu Sans', sans-serif";

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Keeps at most `max` characters (by code point), with an ellipsis when cut. */
function cut(s: string, max: number): string {
  const chars = [...s.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

async function streamToBuffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A picture this site serves, as a square PNG of `size` px with rounded corners, or null. */
async function tile(url: string | null, size: number, radius: number): Promise<Buffer | null> {
  if (!url) return null;
  let source: Buffer | null = null;
  try {
    if (url.startsWith(`${ART_BASE_PATH}/`)) {
      const svg = renderArtSvg(url.slice(ART_BASE_PATH.length + 1));
      if (svg) source = Buffer.from(svg);
    } else {
      const key = parseUploadUrl(url);
      if (key) {
        const file = await uploadStorage().get(key.key);
        if (file) source = await streamToBuffer(file.body);
      }
    }
    if (!source) return null;
    const mask = Buffer.from(`<svg width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${radius}" ry="${radius}"/></svg>`);
    return await sharp(source, { density: 144 })
      .resize(size, size, { fit: "cover" })
      .composite([{ input: mask, blend: "dest-in" }])
      .png()
      .toBuffer();
  } catch {
    return null;
  }
}

const AVATAR = 168;
const TILE = 330;
const TILE_Y = 236;
const TILE_GAP = 33;
const TILE_X0 = 72;

export async function renderStorefrontCard(card: StorefrontCard): Promise<Buffer> {
  const products = card.products.slice(0, 3);
  const tiles = await Promise.all([tile(card.avatarUrl, AVATAR, AVATAR / 2), ...products.map((p) => tile(p.imageUrl, TILE, 24))]);
  const [avatar, ...productTiles] = tiles;
  const slots = products.map((p, i) => ({ x: TILE_X0 + i * (TILE + TILE_GAP), p }));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fff1f2"/><stop offset="1" stop-color="#ffe4e6"/>
    </linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <circle cx="${72 + AVATAR / 2}" cy="${40 + AVATAR / 2}" r="${AVATAR / 2 + 6}" fill="#ffffff"/>
  ${avatar ? "" : `<circle cx="${72 + AVATAR / 2}" cy="${40 + AVATAR / 2}" r="${AVATAR / 2}" fill="#fecdd3"/>`}
  <text x="272" y="112" font-family="${FONT}" font-size="56" font-weight="700" fill="#1f2937">${esc(cut(card.displayName, 16))}</text>
  <text x="274" y="162" font-family="${FONT}" font-size="30" fill="#6b7280">@${esc(card.handle)} · ${esc(card.followersText)}</text>
  <text x="274" y="204" font-family="${FONT}" font-size="26" fill="#9f1239">${esc(cut(card.tagline, 30))}</text>
  ${slots
    .map(
      ({ x }, i) => `
  <rect x="${x - 4}" y="${TILE_Y - 4}" width="${TILE + 8}" height="${TILE + 8}" rx="28" fill="#ffffff"/>
  ${productTiles[i] ? "" : `<rect x="${x}" y="${TILE_Y}" width="${TILE}" height="${TILE}" rx="24" fill="#f3f4f6"/>`}
`,
    )
    .join("")}
  <text x="${OG_WIDTH - 72}" y="${OG_HEIGHT - 24}" text-anchor="end" font-family="${FONT}" font-size="24" fill="#9ca3af">${esc(card.brand)}</text>
</svg>`;
  // Price badges go over the pictures: a second layer composited last.
  const badges = `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}">${slots
    .map(
      ({ x, p }) => `
  <rect x="${x + 16}" y="${TILE_Y + TILE - 64}" width="${28 + [...p.priceText].length * 19}" height="48" rx="24" fill="#e11d48"/>
  <text x="${x + 30}" y="${TILE_Y + TILE - 29}" font-family="${FONT}" font-size="30" font-weight="700" fill="#ffffff">${esc(p.priceText)}</text>`,
    )
    .join("")}</svg>`;
  const composites: OverlayOptions[] = [];
  if (avatar) composites.push({ input: avatar, left: 72, top: 40 });
  slots.forEach(({ x }, i) => {
    const t = productTiles[i];
    if (t) composites.push({ input: t, left: x, top: TILE_Y });
  });
  if (slots.length > 0) composites.push({ input: Buffer.from(badges), left: 0, top: 0 });
  return sharp(Buffer.from(svg)).composite(composites).png({ compressionLevel: 9 }).toBuffer();
}

/** A short stable fingerprint of the card's content: the cache key, and the `v` of the image URL. */
export function storefrontCardVersion(card: StorefrontCard): string {
  return crypto.createHash("sha256").update(JSON.stringify(card)).digest("base64url").slice(0, 16);
}

// Rendered cards by version (content hash): the same content is rendered once per process.
const MAX_CACHED = 200;
const cache = new Map<string, Promise<Buffer>>();

export function cachedStorefrontCard(card: StorefrontCard): { version: string; png: Promise<Buffer> } {
  const version = storefrontCardVersion(card);
  let png = cache.get(version);
  if (!png) {
    png = renderStorefrontCard(card);
    png.catch(() => cache.delete(version));
    cache.set(version, png);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return { version, png };
}
