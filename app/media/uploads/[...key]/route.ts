// Serves uploaded files: `/media/uploads/<userId>/<random>-<w>x<h>.<jpg|webp>`. The key must match
// the upload grammar (server/media/uploads.ts) — anything else, `..` included, is a 404 before any
// disk access. Keys are random and never reused, so responses are cacheable forever.
import { parseUploadKey, uploadStorage } from "@/server/media/uploads";

export const runtime = "nodejs";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });

export async function GET(_request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key } = await context.params;
  const parsed = parseUploadKey(key.join("/"));
  if (!parsed) return notFound();
  const file = await uploadStorage().get(parsed.key);
  if (!file) return notFound();
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // Opened directly, the file is an image document and may never run anything.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    },
  });
}
