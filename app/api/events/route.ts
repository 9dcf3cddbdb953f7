// POST /api/events: the browser's behaviour beacons (app/_lib/track.ts), JSON {events: [...]} of at
// most 50 events and 16 KB. The actor is the signed-in user, else the mall_vid visitor cookie (no
// cookie: 400). Answers 202 {accepted}; 400 {error, field} for bad input (nothing stored; unknown
// post/product ids reject the batch) (also over 16 KB); 429 rate limited. See server/reco/events.service.ts.
import { clientIp, currentUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { acceptEventBatch } from "@/server/reco/events.service";
import { MAX_BATCH_BYTES } from "@/server/reco/events.schema";
import { visitorIdFromCookieHeader } from "@/server/visitor";

export const runtime = "nodejs";

/** Reads at most `max` + 1 bytes: a huge body is never buffered. */
async function readCapped(request: Request, max: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
    if (size > max) {
      await reader.cancel();
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function POST(request: Request): Promise<Response> {
  const user = await currentUser();
  const visitorId = visitorIdFromCookieHeader(request.headers.get("cookie"));
  const body = await readCapped(request, MAX_BATCH_BYTES);
  const result = await acceptEventBatch(getDb(), { actor: { userId: user?.id ?? null, visitorId }, ip: clientIp(request.headers), body });
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
