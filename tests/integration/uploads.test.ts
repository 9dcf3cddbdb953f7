// The upload endpoint and the file route, called as Next would call them, with the session mocked
// and storage in a temporary directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as { id: string; roles: string[] } | null }));
vi.mock("@/server/auth", () => ({ currentUser: async () => session.user }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mall-uploads-"));
process.env.UPLOADS_DIR = dir;

let POST: (request: Request) => Promise<Response>;
let GET: (request: Request, context: { params: Promise<{ key: string[] }> }) => Promise<Response>;

beforeAll(async () => {
  ({ POST } = await import("@/app/api/uploads/route"));
  ({ GET } = await import("@/app/media/uploads/[...key]/route"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  session.user = { id: "user_uploader1", roles: ["SHOPPER"] };
});

function upload(bytes: Uint8Array, name = "photo.png", type = "image/png"): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return POST(new Request("http://localhost/api/uploads", { method: "POST", body: form }));
}

function serve(key: string): Promise<Response> {
  return GET(new Request(`http://localhost/media/uploads/${key}`), { params: Promise.resolve({ key: key.split("/") }) });
}

async function png(width: number, height: number, alpha = false): Promise<Buffer> {
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 200, g: 30, b: 60, alpha: 0.5 } : { r: 200, g: 30, b: 60 } } })
    .png()
    .toBuffer();
}

describe("POST /api/uploads", () => {
  it("stores a PNG re-encoded as JPEG, keyed under the uploader, and serves it with immutable caching", async () => {
    const res = await upload(await png(2400, 1200));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { url: string; width: number; height: number };
    expect(body.url).toMatch(/^\/media\/uploads\/user_uploader1\/[a-f0-9]{24}-1600x800\.jpg$/);
    expect([body.width, body.height]).toEqual([1600, 800]);

    const served = await serve(body.url.replace("/media/uploads/", ""));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1600, 800]);
    expect(meta.exif).toBeUndefined();
  });

  it("keeps transparency as WebP and strips EXIF from JPEGs", async () => {
    const transparent = (await (await upload(await png(40, 30, true))).json()) as { url: string };
    expect(transparent.url).toMatch(/-40x30\.webp$/);

    const withExif = await sharp(await png(64, 48)).jpeg().withMetadata({ exif: { IFD0: { Copyright: "secret-gps-owner" } } }).toBuffer();
    expect(withExif.includes(Buffer.from("secret-gps-owner"))).toBe(true);
    const res = await upload(withExif, "camera.jpg", "image/jpeg");
    const { url } = (await res.json()) as { url: string };
    const stored = fs.readFileSync(path.join(dir, url.replace("/media/uploads/", "")));
    expect(stored.includes(Buffer.from("secret-gps-owner"))).toBe(false);
  });

  it("refuses a text file named .jpg with 415, whatever type it declares", async () => {
    const res = await upload(new TextEncoder().encode("just some text, honestly a photo"), "holiday.jpg", "image/jpeg");
    expect(res.status).toBe(415);
    const body = (await res.json()) as { error: string; code: string };
    expect(body.code).toBe("unsupported_type");
    expect(body.error).toMatch(/not a JPEG, PNG, WebP or GIF/);
  });

  it("refuses an image-looking file that does not decode with 415", async () => {
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("garbage after the signature")]);
    const res = await upload(fake);
    expect(res.status).toBe(415);
    expect(((await res.json()) as { code: string }).code).toBe("unreadable_image");
  });

  it("refuses 6 MB with 413 and a clear message", async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(big, "big.jpg", "image/jpeg");
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe("The file is larger than 5 MB");
  });

  it("answers 401 when signed out and 400 without a file field", async () => {
    session.user = null;
    expect((await upload(await png(10, 10))).status).toBe(401);
    session.user = { id: "user_uploader1", roles: ["SHOPPER"] };
    const form = new FormData();
    form.append("other", "x");
    const res = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: form }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('"file"');
  });
});

describe("GET /media/uploads/[...key]", () => {
  it("answers 404 for traversal and malformed keys, and for keys that do not exist", async () => {
    fs.writeFileSync(path.join(dir, "secret.txt"), "do not serve");
    for (const key of ["../secret.txt", "user_uploader1/../../secret.txt", "secret.txt", "user_uploader1/%2e%2e/secret.txt", "user_uploader1/0123456789abcdef01234567-10x10.jpg"]) {
      const res = await serve(key);
      expect(res.status, key).toBe(404);
      expect(await res.text()).not.toContain("do not serve");
    }
  });
});
