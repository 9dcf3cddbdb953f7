// Video uploads through the upload endpoint and the file route, as Next would call them (session
// mocked, storage in a temporary directory): MP4/WebM accepted by their bytes, renamed executables,
// zero-byte and oversize files refused with a clear message naming the field, byte ranges served.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as { id: string; roles: string[] } | null }));
vi.mock("@/server/auth", () => ({ currentUser: async () => session.user }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mall-video-uploads-"));
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
  session.user = { id: "user_videouploader", roles: ["SHOPPER", "CREATOR"] };
});

function upload(bytes: Uint8Array, name: string, kind?: "video" | "image"): Promise<Response> {
  const form = new FormData();
  if (kind) form.append("kind", kind);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: name.endsWith(".mp4") ? "video/mp4" : "application/octet-stream" }), name);
  return POST(new Request("http://localhost/api/uploads", { method: "POST", body: form }));
}

function serve(key: string, range?: string): Promise<Response> {
  return GET(new Request(`http://localhost/media/uploads/${key}`, { headers: range ? { range } : {} }), { params: Promise.resolve({ key: key.split("/") }) });
}

const demoClip = fs.readFileSync(path.resolve("public/demo/videos/kettle.mp4"));

describe("video uploads", () => {
  it("stores a real MP4 under the uploader's id and serves it with byte ranges", async () => {
    const res = await upload(demoClip, "clip.mp4", "video");
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    expect(url).toMatch(/^\/media\/uploads\/user_videouploader\/[a-f0-9]{24}\.mp4$/);
    const key = url.replace("/media/uploads/", "");

    const whole = await serve(key);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await whole.arrayBuffer()).equals(demoClip)).toBe(true);

    const part = await serve(key, "bytes=100-199");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${demoClip.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(demoClip.subarray(100, 200))).toBe(true);

    const tail = await serve(key, "bytes=-10");
    expect(Buffer.from(await tail.arrayBuffer()).equals(demoClip.subarray(demoClip.length - 10))).toBe(true);
    expect((await serve(key, `bytes=${demoClip.length}-`)).status).toBe(416);
  });

  it("without a kind, the bytes decide: an MP4 is stored as a video", async () => {
    const res = await upload(demoClip, "whatever.bin");
    expect(res.status).toBe(201);
    expect(((await res.json()) as { url: string }).url).toMatch(/\.mp4$/);
  });

  it("refuses a renamed executable, naming the field", async () => {
    for (const head of [[0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a, 0x90, 0x00], Array.from("#!/bin/sh\n", (c) => c.charCodeAt(0))]) {
      const bytes = new Uint8Array(4096);
      bytes.set(head);
      const res = await upload(bytes, "funny-cat.mp4", "video");
      expect(res.status).toBe(415);
      const body = (await res.json()) as { error: string; field: string; code: string };
      expect(body).toMatchObject({ code: "unsupported_type", field: "file" });
      expect(body.error).toContain("not an MP4 or WebM video");
    }
    expect(fs.existsSync(path.join(dir, "user_videouploader")) ? fs.readdirSync(path.join(dir, "user_videouploader")).filter((f) => !f.endsWith(".mp4")).length : 0).toBe(0);
  });

  it("refuses a zero-byte file and an oversize video with clear messages", async () => {
    const empty = await upload(new Uint8Array(0), "empty.mp4", "video");
    expect(empty.status).toBe(400);
    expect((await empty.json()) as object).toMatchObject({ code: "empty", field: "file", error: "The file is empty (0 bytes)" });

    const big = new Uint8Array(31 * 1024 * 1024);
    big.set(demoClip.subarray(0, 64));
    const res = await upload(big, "big.mp4", "video");
    expect(res.status).toBe(413);
    expect((await res.json()) as object).toMatchObject({ code: "too_large", field: "file", error: "The video is larger than 30 MB" });
  });

  it("a video sent as an image is refused (posters must be pictures)", async () => {
    const res = await upload(demoClip, "poster.jpg", "image");
    expect(res.status).toBe(415);
  });
});
