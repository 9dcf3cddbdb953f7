// User uploads (review photos today; the content issue adds video). Three parts:
//  - sniffing: the file's own magic bytes decide what it is; the declared name and type are ignored;
//  - processing: sharp decodes, auto-rotates, shrinks to 1600 px and re-encodes (JPEG, or WebP when
//    the picture has transparency), which also drops EXIF/GPS and any trailing payload;
//  - storage: an UploadStorage interface with a local-disk implementation. An S3-compatible bucket
//    is one more implementation of the same four methods, chosen in uploadStorage() by env.
//
// Keys are `<userId>/<24 hex>-<width>x<height>.<jpg|webp>`: the owner and the pixel size travel in
// the key, so a URL alone says whose it is (reviews accept only their author's uploads) and how big
// it is, without a table. parseUploadKey() is an allowlist: nothing else is ever read from disk.
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import { env } from "@/server/env";

export const UPLOADS_BASE_PATH = "/media/uploads";
/** Largest accepted file. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Longest side after processing. */
export const MAX_IMAGE_SIDE = 1600;

// ───────────────────────────── sniffing ─────────────────────────────

export type SniffedImage = "jpeg" | "png" | "webp" | "gif";

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** What the bytes are, by their magic numbers; null for anything but JPEG, PNG, WebP and GIF. */
export function sniffImageType(bytes: Uint8Array): SniffedImage | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

// ───────────────────────────── keys and URLs ─────────────────────────────

export type UploadExtension = "jpg" | "webp";

const CONTENT_TYPES: Record<UploadExtension, string> = { jpg: "image/jpeg", webp: "image/webp" };

// User ids are cuids (or the seed's `user_…` ids): letters, digits, _ and -. No dots, no slashes.
const KEY_RE = /^([A-Za-z0-9_-]{1,64})\/([a-f0-9]{24})-([1-9][0-9]{0,4})x([1-9][0-9]{0,4})\.(jpg|webp)$/;

export interface UploadKey {
  key: string;
  ownerId: string;
  width: number;
  height: number;
  ext: UploadExtension;
  contentType: string;
}

/** Parses a storage key; null unless the whole key matches the grammar (so `..` never gets through). */
export function parseUploadKey(key: string): UploadKey | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  const ext = m[5] as UploadExtension;
  return { key, ownerId: m[1], width: Number(m[3]), height: Number(m[4]), ext, contentType: CONTENT_TYPES[ext] };
}

export function uploadUrl(key: string): string {
  return `${UPLOADS_BASE_PATH}/${key}`;
}

/** The key of a URL this site issued for an upload (`/media/uploads/<key>`), or null. */
export function parseUploadUrl(url: string): UploadKey | null {
  const prefix = `${UPLOADS_BASE_PATH}/`;
  return url.startsWith(prefix) ? parseUploadKey(url.slice(prefix.length)) : null;
}

function newKey(ownerId: string, width: number, height: number, ext: UploadExtension): string {
  return `${ownerId}/${crypto.randomBytes(12).toString("hex")}-${width}x${height}.${ext}`;
}

// ───────────────────────────── processing ─────────────────────────────

export type UploadProblem = "unsupported_type" | "unreadable_image" | "too_large";

/** A refusal the upload route turns into a 4xx: 415 for a type or decoding problem, 413 for size. */
export class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }

  get httpStatus(): number {
    return this.problem === "too_large" ? 413 : 415;
  }
}

export interface ProcessedImage {
  data: Buffer;
  width: number;
  height: number;
  ext: UploadExtension;
  contentType: string;
}

/**
 * Decodes an uploaded image (JPEG, PNG, WebP or GIF — first frame), applies its EXIF orientation,
 * fits it inside 1600×1600 and re-encodes it without metadata: JPEG, or WebP when it has an alpha
 * channel (JPEG cannot keep transparency).
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadError("too_large", "The file is larger than 5 MB");
  const sniffed = sniffImageType(bytes);
  if (!sniffed) {
    throw new UploadError("unsupported_type", "The file is not a JPEG, PNG, WebP or GIF image (its content was checked, not its name)");
  }
  try {
    // limitInputPixels guards against decompression bombs (a tiny file that decodes to gigapixels).
    const input = sharp(bytes, { limitInputPixels: 50_000_000, failOn: "error" });
    const { hasAlpha } = await input.metadata();
    const pipeline = input.rotate().resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true });
    const ext: UploadExtension = hasAlpha ? "webp" : "jpg";
    const encoded = hasAlpha ? pipeline.webp({ quality: 82 }) : pipeline.jpeg({ quality: 82, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, ext, contentType: CONTENT_TYPES[ext] };
  } catch (err) {
    throw new UploadError("unreadable_image", `The ${sniffed.toUpperCase()} image could not be read: ${err instanceof Error ? err.message : "invalid data"}`);
  }
}

// ───────────────────────────── storage ─────────────────────────────

export interface StoredFile {
  size: number;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/** Where uploads live. Keys are always valid upload keys (parseUploadKey) before they reach here. */
export interface UploadStorage {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The file as a stream (large files such as videos never sit in memory), or null when absent. */
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Files under one directory, one file per key (the key's owner segment becomes a subdirectory). */
export class LocalDiskStorage implements UploadStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private fileFor(key: string): string {
    const parsed = parseUploadKey(key);
    const file = path.resolve(this.root, key);
    // The grammar admits no dots or backslashes in directory names, but never trust a path built from input.
    if (!parsed || !file.startsWith(this.root + path.sep)) throw new Error(`invalid upload key: ${JSON.stringify(key)}`);
    return file;
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const file = this.fileFor(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a concurrent reader sees no file or the whole file.
    const partial = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.partial`;
    await fsp.writeFile(partial, data);
    await fsp.rename(partial, file);
  }

  async get(key: string): Promise<StoredFile | null> {
    const parsed = parseUploadKey(key);
    if (!parsed) return null;
    const file = this.fileFor(key);
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return null;
      const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
      return { size: stat.size, contentType: parsed.contentType, body };
    } catch {
      return null;
    }
  }

  async exists(key: string): Promise<boolean> {
    if (!parseUploadKey(key)) return false;
    try {
      return (await fsp.stat(this.fileFor(key))).isFile();
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.fileFor(key), { force: true });
  }
}

let storage: UploadStorage | undefined;

/** The configured storage: UPLOADS_DIR, or `<DATA_DIR>/uploads`. (An S3 adapter would be picked here by env.) */
export function uploadStorage(): UploadStorage {
  storage ??= new LocalDiskStorage(env.UPLOADS_DIR ?? path.join(env.DATA_DIR, "uploads"));
  return storage;
}

/** Processes and stores one image for `ownerId`; returns its public URL and pixel size. */
export async function storeImageUpload(
  store: UploadStorage,
  ownerId: string,
  bytes: Uint8Array,
): Promise<{ url: string; key: string; width: number; height: number }> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(ownerId)) throw new Error("invalid owner id for an upload key");
  const image = await processImage(bytes);
  const key = newKey(ownerId, image.width, image.height, image.ext);
  await store.put(key, image.data, image.contentType);
  return { url: uploadUrl(key), key, width: image.width, height: image.height };
}
