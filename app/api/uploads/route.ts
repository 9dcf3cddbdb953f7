// POST /api/uploads (multipart/form-data, field "file"): signed-in users upload an image (review
// photos). The bytes are sniffed (the declared type and name are not trusted), re-encoded without
// metadata and stored under a random key prefixed with the uploader's id. Answers JSON:
// 201 {url, width, height}; 401 signed out; 413 over 5 MB; 415 not a readable JPEG/PNG/WebP/GIF;
// 400 no "file" field; 429 too many uploads.
import { currentUser } from "@/server/auth";
import { createMemoryRateLimiter } from "@/server/cache/rate-limit";
import { MAX_UPLOAD_BYTES, storeImageUpload, UploadError, uploadStorage } from "@/server/media/uploads";

export const runtime = "nodejs";

/** Room for the multipart boundaries and headers around a file of the maximum size. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
/** Per user: a review takes at most 6 photos; this allows retries and several reviews in a row. */
const limiter = createMemoryRateLimiter(60, 10 * 60 * 1000);

function json(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

const tooLarge = () => json(413, { error: "The file is larger than 5 MB", code: "too_large", maxBytes: MAX_UPLOAD_BYTES });

/** Reads the body but stops (null) as soon as it passes `max` bytes, so a huge upload is never buffered. */
async function readCapped(request: Request, max: number): Promise<ArrayBuffer | null> {
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body.buffer;
}

export async function POST(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return json(401, { error: "Please sign in to upload files", code: "unauthorized" });
  if (!(await limiter.hit(user.id)).allowed) return json(429, { error: "Too many uploads; please wait a few minutes", code: "rate_limited" });

  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return json(400, { error: "Send the file as multipart/form-data in a field named \"file\"", code: "bad_request" });
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return tooLarge();
  const body = await readCapped(request, MAX_BODY_BYTES);
  if (!body) return tooLarge();

  let file: FormDataEntryValue | null;
  try {
    file = (await new Response(body, { headers: { "content-type": contentType } }).formData()).get("file");
  } catch {
    return json(400, { error: "The form data could not be read", code: "bad_request" });
  }
  if (!file || typeof file === "string") return json(400, { error: "Add the image in a field named \"file\"", code: "bad_request" });
  if (file.size > MAX_UPLOAD_BYTES) return tooLarge();

  try {
    const stored = await storeImageUpload(uploadStorage(), user.id, new Uint8Array(await file.arrayBuffer()));
    return json(201, { url: stored.url, width: stored.width, height: stored.height });
  } catch (err) {
    if (err instanceof UploadError) return json(err.httpStatus, { error: err.message, code: err.problem });
    console.error(`[uploads] storing an upload for user ${user.id} failed:`, err);
    return json(500, { error: "The upload could not be stored. Please try again.", code: "server_error" });
  }
}
