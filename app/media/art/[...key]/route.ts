// Serves generated catalog art: `/media/art/<key>.svg` straight from the renderer, `.png` rendered
// from the same SVG with sharp (Open Graph cards need PNG/JPEG) and cached under DATA_DIR.
// Keys are validated against an allowlist grammar in server/media/art.ts; anything else is a 404.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "@/server/env";
import { ART_VERSION, parseArtKey, renderRequest, type ArtRequest } from "@/server/media/art";

export const runtime = "nodejs";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The art is a pure function of its key, so every response can be cached forever. */
const COMMON_HEADERS = {
  "Cache-Control": IMMUTABLE,
  "X-Content-Type-Options": "nosniff",
  // An SVG opened directly is a document: make sure it can never run anything.
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
} as const;

/**
 * Seeds are free-form, so the key space is unbounded; cap the disk cache so crawling random keys
 * cannot fill the disk. Past the cap PNGs are still served, just rendered on each request.
 */
const MAX_CACHED_FILES = 50_000;

const cacheDir = path.resolve(env.DATA_DIR, "media-cache", `art-v${ART_VERSION}`);
let cachedFileCount: Promise<number> | undefined;
/** Renders in flight, so concurrent requests for one new key render it once. */
const inflight = new Map<string, Promise<Buffer>>();

async function countCachedFiles(): Promise<number> {
  try {
    const entries = await fs.readdir(cacheDir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

async function writeCache(file: string, png: Buffer): Promise<void> {
  cachedFileCount ??= countCachedFiles();
  const count = await cachedFileCount;
  if (count >= MAX_CACHED_FILES) return;
  cachedFileCount = Promise.resolve(count + 1);
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Write then rename: a concurrent reader sees either no file or the whole file.
  const partial = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.partial`;
  await fs.writeFile(partial, png);
  await fs.rename(partial, file);
}

async function renderPng(canonical: string, request: ArtRequest): Promise<Buffer> {
  const file = path.join(cacheDir, `${canonical}.png`);
  // The grammar admits no dots or backslashes, but never trust a path built from a URL.
  if (!file.startsWith(cacheDir + path.sep)) throw new Error("art cache path escaped its directory");
  try {
    return await fs.readFile(file);
  } catch {
    // not cached yet
  }
  const png = await sharp(Buffer.from(renderRequest(request))).png({ compressionLevel: 9 }).toBuffer();
  try {
    await writeCache(file, png);
  } catch (err) {
    // A read-only or full disk must not break images; the PNG is still served.
    console.warn(`[media/art] could not cache ${canonical}.png:`, err instanceof Error ? err.message : err);
  }
  return png;
}

export async function GET(_request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key } = await context.params;
  const parsed = parseArtKey(key.join("/"));
  if (!parsed) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=300" } });
  }
  if (parsed.format === "svg") {
    return new Response(renderRequest(parsed.request), { headers: { ...COMMON_HEADERS, "Content-Type": "image/svg+xml; charset=utf-8" } });
  }

  let pending = inflight.get(parsed.canonical);
  if (!pending) {
    pending = renderPng(parsed.canonical, parsed.request).finally(() => inflight.delete(parsed.canonical));
    inflight.set(parsed.canonical, pending);
  }
  const png = await pending;
  return new Response(new Uint8Array(png), { headers: { ...COMMON_HEADERS, "Content-Type": "image/png" } });
}
