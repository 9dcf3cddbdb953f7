// POST /api/uploads (multipart/form-data, field "file", optional field "kind" = "image" | "video"):
// signed-in users upload an image (review photos, video posters) or a short video (posts). The bytes
// are sniffed (the declared type and name are not trusted): images are re-encoded without metadata,
// videos (MP4/WebM) are stored as uploaded; both under a random key prefixed with the uploader's id.
// Without "kind" the bytes decide. Answers JSON:
// 201 {url, width, height} (videos: {url, kind: "video"}); 401 signed out; 413 over 5 MB (image) or
// 30 MB (video); 415 not a readable JPEG/PNG/WebP/GIF or MP4/WebM; 400 empty file or no "file" field;
// 429 too many uploads. Errors carry {error, code, field: "file"}.
import { currentUser } from "@/server/auth";
import { createMemoryRateLimiter } from "@/server/cache/rate-limit";
import {
  MAX_UPLOAD_BYTES,
  MAX_VIDEO_BYTES,
  sniffVideoType,
  storeImageUpload,
  storeVideoUpload,
  UploadError,
  uploadStorage,
} from "@/server/media/uploads";

export const runtime = "nodejs";

/** Room for the multipart boundaries and headers around a file of the maximum size. */
const MAX_BODY_BYTES = MAX_VIDEO_BYTES + 64 * 1024;
/** Per user: a review takes at most 6 photos; this allows retries and several reviews in a row. */
const limiter = createMemoryRateLimiter(60, 10 * 60 * 1000);

function json(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

const tooLarge = (video: boolean) =>
  video
    ? json(413, { error: "The video is larger than 30 MB", code: "too_large", field: "file", maxBytes: MAX_VIDEO_BYTES })
    : json(413, { error: "The file is larger than 5 MB", code: "too_large", field: "file", maxBytes: MAX_UPLOAD_BYTES });

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
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return tooLarge(true);
  const body = await readCapped(request, MAX_BODY_BYTES);
  if (!body) return tooLarge(true);

  let file: FormDataEntryValue | null;
  let kindField: FormDataEntryValue | null;
  try {
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    file = form.get("file");
    kindField = form.get("kind");
  } catch {
    return json(400, { error: "The form data could not be read", code: "bad_request" });
  }
  if (!file || typeof file === "string") return json(400, { error: "Add the file in a field named \"file\"", code: "bad_request", field: "file" });
  if (kindField !== null && kindField !== "image" && kindField !== "video") {
    return json(400, { error: "kind must be \"image\" or \"video\"", code: "bad_request", field: "kind" });
  }
  if (file.size === 0) return json(400, { error: "The file is empty (0 bytes)", code: "empty", field: "file" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isVideo = kindField === "video" || (kindField === null && sniffVideoType(bytes) !== null);
  if (file.size > (isVideo ? MAX_VIDEO_BYTES : MAX_UPLOAD_BYTES)) return tooLarge(isVideo);

  try {
    if (isVideo) {
      const stored = await storeVideoUpload(uploadStorage(), user.id, bytes);
      return json(201, { url: stored.url, kind: "video" });
    }
    const stored = await storeImageUpload(uploadStorage(), user.id, bytes);
    return json(201, { url: stored.url, width: stored.width, height: stored.height });
  } catch (err) {
    if (err instanceof UploadError) return json(err.httpStatus, { error: err.message, code: err.problem, field: "file" });
    console.error(`[uploads] storing an upload for user ${user.id} failed:`, err);
    return json(500, { error: "The upload could not be stored. Please try again.", code: "server_error" });
  }
}
