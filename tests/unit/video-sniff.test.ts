import { describe, expect, it } from "vitest";
import { parseRangeHeader, parseStoredKey, parseUploadUrl, parseVideoKey, parseVideoUrl, sniffVideoType } from "@/server/media/uploads";
import { dominantCategory } from "@/server/content/post.rules";
import { isDemoMediaUrl } from "@/prisma/seed/demo-videos";
import { isoDuration } from "@/app/_components/feed/duration";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe("sniffVideoType", () => {
  it("recognises MP4 (ftyp with a video brand) and WebM (EBML with DocType webm)", () => {
    expect(sniffVideoType(bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0], "isomiso2avc1mp41"))).toBe("mp4");
    expect(sniffVideoType(bytes([0, 0, 0, 0x18], "ftypmp42", [0, 0, 0, 0], "mp42isom"))).toBe("mp4");
    expect(sniffVideoType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], "webm", [0x42, 0x87]))).toBe("webm");
  });

  it("rejects executables, images, other containers and empty input", () => {
    expect(sniffVideoType(bytes([0x7f], "ELF", [2, 1, 1, 0]))).toBeNull();
    expect(sniffVideoType(bytes("MZ", [0x90, 0, 3, 0]))).toBeNull();
    expect(sniffVideoType(bytes("#!/bin/sh\necho hi"))).toBeNull();
    expect(sniffVideoType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
    expect(sniffVideoType(bytes([0, 0, 0, 0x1c], "ftypheic", [0, 0, 0, 0], "mif1heic"))).toBeNull();
    expect(sniffVideoType(bytes([0, 0, 0, 0x14], "ftypqt  ", [0, 0, 0, 0], "qt  "))).toBeNull();
    expect(sniffVideoType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], "matroska"))).toBeNull();
    expect(sniffVideoType(new Uint8Array())).toBeNull();
  });
});

describe("video keys", () => {
  it("parses owner-prefixed video keys and keeps them apart from image keys", () => {
    const key = "user_abc/0123456789abcdef01234567.mp4";
    expect(parseVideoKey(key)).toMatchObject({ ownerId: "user_abc", ext: "mp4", contentType: "video/mp4" });
    expect(parseVideoUrl(`/media/uploads/${key}`)?.ownerId).toBe("user_abc");
    // A video is never accepted where an image is expected (review photos, posters), and vice versa.
    expect(parseUploadUrl(`/media/uploads/${key}`)).toBeNull();
    expect(parseVideoUrl("/media/uploads/user_abc/0123456789abcdef01234567-10x10.jpg")).toBeNull();
    expect(parseStoredKey(key)?.kind).toBe("video");
    expect(parseStoredKey("user_abc/0123456789abcdef01234567-10x10.jpg")?.kind).toBe("image");
  });

  it("refuses traversal and other extensions", () => {
    for (const bad of ["../x/0123456789abcdef01234567.mp4", "user_abc/0123456789abcdef01234567.exe", "user_abc/0123456789abcdef01234567.mp4/..", "user.abc/0123456789abcdef01234567.mp4", "user_abc/short.mp4"]) {
      expect(parseStoredKey(bad), bad).toBeNull();
    }
  });

  it("recognises only the committed demo clips as seed media", () => {
    expect(isDemoMediaUrl("/demo/videos/kettle.mp4")).toBe(true);
    expect(isDemoMediaUrl("/demo/videos/kettle.jpg")).toBe(true);
    expect(isDemoMediaUrl("/demo/videos/unknown.mp4")).toBe(false);
    expect(isDemoMediaUrl("/demo/videos/../kettle.mp4")).toBe(false);
  });
});

describe("parseRangeHeader", () => {
  it("reads one byte range and clamps it to the file", () => {
    expect(parseRangeHeader("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRangeHeader("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRangeHeader("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRangeHeader("bytes=500-5000", 1000)).toEqual({ start: 500, end: 999 });
  });
  it("is unsatisfiable past the end; ignored when malformed or absent", () => {
    expect(parseRangeHeader("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=5-2", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=0-1,5-6", 1000)).toBeNull();
    expect(parseRangeHeader("items=0-1", 1000)).toBeNull();
    expect(parseRangeHeader(null, 1000)).toBeNull();
  });
});

describe("post rules", () => {
  it("the dominant category is the most frequent, ties to the first attached", () => {
    expect(dominantCategory(["a", "b", "b"])).toBe("b");
    expect(dominantCategory(["a", "b"])).toBe("a");
    expect(dominantCategory([])).toBeNull();
  });
  it("durations are ISO 8601", () => {
    expect(isoDuration(5000)).toBe("PT5S");
    expect(isoDuration(65_000)).toBe("PT1M5S");
    expect(isoDuration(3_600_000)).toBe("PT1H");
    expect(isoDuration(0)).toBe("PT0S");
  });
});
