import { describe, expect, it } from "vitest";
import { parseUploadKey, parseUploadUrl, sniffImageType } from "@/server/media/uploads";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe("sniffImageType", () => {
  it("recognises JPEG, PNG, GIF and WebP by their magic bytes", () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("jpeg");
    expect(sniffImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("png");
    expect(sniffImageType(bytes("GIF89a", [1, 0]))).toBe("gif");
    expect(sniffImageType(bytes("GIF87a"))).toBe("gif");
    expect(sniffImageType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("webp");
  });

  it("rejects everything else, whatever the file is called", () => {
    expect(sniffImageType(bytes("hello, this is text.jpg"))).toBeNull();
    expect(sniffImageType(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "))).toBeNull();
    expect(sniffImageType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(bytes("%PDF-1.7"))).toBeNull();
  });
});

describe("upload keys", () => {
  const key = "user_abc/0123456789abcdef01234567-1600x1200.jpg";

  it("parses the owner and the pixel size out of a key", () => {
    expect(parseUploadKey(key)).toMatchObject({ ownerId: "user_abc", width: 1600, height: 1200, ext: "jpg", contentType: "image/jpeg" });
    expect(parseUploadUrl(`/media/uploads/${key}`)?.ownerId).toBe("user_abc");
  });

  it("refuses anything off the grammar, traversal included", () => {
    for (const bad of [
      "../etc/passwd",
      "user_abc/../../etc/passwd",
      "user_abc/0123456789abcdef01234567-1600x1200.jpg/..",
      "user.abc/0123456789abcdef01234567-1600x1200.jpg",
      "user_abc/0123456789abcdef01234567-1600x1200.svg",
      "user_abc/0123456789ABCDEF01234567-1600x1200.jpg",
      "user_abc\\0123456789abcdef01234567-1600x1200.jpg",
      "0123456789abcdef01234567-1600x1200.jpg",
      "a/b/0123456789abcdef01234567-1600x1200.jpg",
    ]) {
      expect(parseUploadKey(bad), bad).toBeNull();
    }
    expect(parseUploadUrl(`https://evil.example/media/uploads/${key}`)).toBeNull();
    expect(parseUploadUrl(`/media/art/${key}`)).toBeNull();
  });
});
