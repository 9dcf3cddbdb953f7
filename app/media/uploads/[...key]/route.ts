// Serves uploaded files: images `/media/uploads/<userId>/<random>-<w>x<h>.<jpg|webp>` and videos
// `/media/uploads/<userId>/<random>.<mp4|webm>`. The key must match the upload grammar
// (server/media/uploads.ts) — anything else, `..` included, is a 404 before any disk access. Keys are
// random and never reused, so responses are cacheable forever. Byte ranges (`Range: bytes=a-b`) are
// answered with 206 so browsers can seek in videos and start playing before the whole file arrives.
import { parseRangeHeader, parseStoredKey, uploadStorage } from "@/server/media/uploads";

export const runtime = "nodejs";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });

const COMMON = {
  "Cache-Control": "public, max-age=31536000, immutable",
  "X-Content-Type-Options": "nosniff",
  "Accept-Ranges": "bytes",
  // Opened directly, the file is an image or video document and may never run anything.
  "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
} as const;

async function serve(request: Request, context: { params: Promise<{ key: string[] }> }, head: boolean): Promise<Response> {
  const { key } = await context.params;
  const parsed = parseStoredKey(key.join("/"));
  if (!parsed) return notFound();
  const store = uploadStorage();
  // Stat first (a zero-length range of the whole file would be wasteful): get() with no range gives the size.
  const whole = await store.get(parsed.key, { start: 0, end: 0 });
  if (!whole) return notFound();
  await whole.body.cancel();
  const size = whole.size;
  const range = parseRangeHeader(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...COMMON, "Content-Range": `bytes */${size}` } });
  }
  if (head) {
    return new Response(null, { headers: { ...COMMON, "Content-Type": parsed.contentType, "Content-Length": String(size) } });
  }
  const file = await store.get(parsed.key, range ?? undefined);
  if (!file) return notFound();
  const length = file.end - file.start + 1;
  return new Response(file.body, {
    status: range ? 206 : 200,
    headers: {
      ...COMMON,
      "Content-Type": file.contentType,
      "Content-Length": String(Math.max(0, length)),
      ...(range ? { "Content-Range": `bytes ${file.start}-${file.end}/${size}` } : {}),
    },
  });
}

export function GET(request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  return serve(request, context, false);
}

export function HEAD(request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  return serve(request, context, true);
}
