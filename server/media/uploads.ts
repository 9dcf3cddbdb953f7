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
/** Largest accepted video (stored as uploaded: there is no transcoder at runtime). */
export const MAX_VIDEO_BYTES = 30 * 1024 * 1024;

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

export type SniffedVideo = "mp4" | "webm";

/** ISO-BMFF brands of MP4 video browsers play (HEIC/AVIF pictures are ftyp boxes too: not videos). */
const MP4_BRANDS = new Set(["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4", "msnv"]);

/**
 * MP4 (an `ftyp` box first, with a video brand) or WebM (an EBML header whose DocType is "webm");
 * null for anything else — executables (ELF, MZ, `#!`), images, Matroska, QuickTime, text.
 */
export function sniffVideoType(bytes: Uint8Array): SniffedVideo | null {
  if (startsWith(bytes, ascii("ftyp"), 4)) {
    const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
    if (boxSize < 16 || bytes.length < 12) return null;
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (MP4_BRANDS.has(brand)) return "mp4";
    // Some encoders put a generic major brand first; accept a video brand among the compatible ones.
    const end = Math.min(boxSize, bytes.length, 64);
    for (let i = 16; i + 4 <= end; i += 4) {
      if (MP4_BRANDS.has(String.fromCharCode(...bytes.subarray(i, i + 4))) && !["heic", "avif", "mif1", "msf1"].includes(brand)) return "mp4";
    }
    return null;
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // The DocType element (0x4282) sits inside the first few dozen bytes of the EBML header.
    const head = bytes.subarray(0, Math.min(bytes.length, 64));
    for (let i = 4; i + 6 <= head.length; i++) {
      if (head[i] === 0x42 && head[i + 1] === 0x82 && String.fromCharCode(...head.subarray(i + 3, i + 7)) === "webm") return "webm";
    }
    return null;
  }
  return null;
}

// ───────────────────────────── keys and URLs ─────────────────────────────

export type UploadExtension = "jpg" | "webp";
export type VideoExtension = "mp4" | "webm";

const CONTENT_TYPES: Record<UploadExtension | VideoExtension, string> = {
  jpg: "image/jpeg",
  webp: "image/webp",
  mp4: "video/mp4",
  webm: "video/webm",
};

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

// Videos are stored as uploaded, so their key carries no pixel size: `<userId>/<24 hex>.<mp4|webm>`.
const VIDEO_KEY_RE = /^([A-Za-z0-9_-]{1,64})\/([a-f0-9]{24})\.(mp4|webm)$/;

export interface VideoKey {
  key: string;
  ownerId: string;
  ext: VideoExtension;
  contentType: string;
}

/** A video key; null unless the whole key matches the video grammar. */
export function parseVideoKey(key: string): VideoKey | null {
  const m = VIDEO_KEY_RE.exec(key);
  if (!m) return null;
  const ext = m[3] as VideoExtension;
  return { key, ownerId: m[1], ext, contentType: CONTENT_TYPES[ext] };
}

/** The key of a video URL this site issued (`/media/uploads/<key>`), or null (images are not videos). */
export function parseVideoUrl(url: string): VideoKey | null {
  const prefix = `${UPLOADS_BASE_PATH}/`;
  return url.startsWith(prefix) ? parseVideoKey(url.slice(prefix.length)) : null;
}

/** Any key the storage may hold: an image key or a video key (the serving route's allowlist). */
export function parseStoredKey(key: string): { key: string; ownerId: string; contentType: string; kind: "image" | "video" } | null {
  const image = parseUploadKey(key);
  if (image) return { key, ownerId: image.ownerId, contentType: image.contentType, kind: "image" };
  const video = parseVideoKey(key);
  if (video) return { key, ownerId: video.ownerId, contentType: video.contentType, kind: "video" };
  return null;
}

/** Parses an image storage key; null unless the whole key matches the grammar (so `..` never gets through). */
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

export type UploadProblem = "unsupported_type" | "unreadable_image" | "too_large" | "empty";

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
    if (this.problem === "empty") return 400;
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
  if (bytes.length === 0) throw new UploadError("empty", "The file is empty (0 bytes)");
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
  /** Size of the whole file. */
  size: number;
  contentType: string;
  /** The requested byte range (inclusive), or the whole file. */
  start: number;
  end: number;
  body: ReadableStream<Uint8Array>;
}

/** An inclusive byte range; `end` past the file is clamped. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Where uploads live. Keys are always valid stored keys (parseStoredKey) before they reach here. */
export interface UploadStorage {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /**
   * The file (or one byte range of it, for video seeking) as a stream — large files never sit in
   * memory — or null when absent. A range starting past the end is the caller's problem (check size).
   */
  get(key: string, range?: ByteRange): Promise<StoredFile | null>;
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
    const parsed = parseStoredKey(key);
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

  async get(key: string, range?: ByteRange): Promise<StoredFile | null> {
    const parsed = parseStoredKey(key);
    if (!parsed) return null;
    const file = this.fileFor(key);
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return null;
      const start = range ? Math.max(0, range.start) : 0;
      const end = range ? Math.min(range.end, stat.size - 1) : stat.size - 1;
      const body =
        end < start
          ? new ReadableStream<Uint8Array>({ start: (c) => c.close() })
          : (Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
      return { size: stat.size, contentType: parsed.contentType, start, end, body };
    } catch {
      return null;
    }
  }

  async exists(key: string): Promise<boolean> {
    if (!parseStoredKey(key)) return false;
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

/**
 * Checks and stores one video for `ownerId` as uploaded (MP4 or WebM by its bytes; at most 30 MB;
 * never empty). Returns its public URL. Browsers read width, height and duration from the file.
 */
export async function storeVideoUpload(store: UploadStorage, ownerId: string, bytes: Uint8Array): Promise<{ url: string; key: string }> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(ownerId)) throw new Error("invalid owner id for an upload key");
  if (bytes.length === 0) throw new UploadError("empty", "The file is empty (0 bytes)");
  if (bytes.length > MAX_VIDEO_BYTES) throw new UploadError("too_large", "The video is larger than 30 MB");
  const ext = sniffVideoType(bytes);
  if (!ext) throw new UploadError("unsupported_type", "The file is not an MP4 or WebM video (its content was checked, not its name)");
  const key = `${ownerId}/${crypto.randomBytes(12).toString("hex")}.${ext}`;
  await store.put(key, bytes, CONTENT_TYPES[ext]);
  return { url: uploadUrl(key), key };
}

/**
 * Parses an HTTP `Range` header for a file of `size` bytes: one `bytes=a-b`, `bytes=a-` or
 * `bytes=-n` range. Returns the inclusive range, "unsatisfiable" (416) or null (ignore it: send all).
 */
export function parseRangeHeader(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}
