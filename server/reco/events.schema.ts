// The browser's event batch (POST /api/events): strict — unknown kinds or fields, malformed ids,
// dwell outside 0..600 000 ms and timestamps in the future are refused (400 naming the field).
import { z } from "zod";

export const MAX_EVENTS_PER_BATCH = 50;
export const MAX_BATCH_BYTES = 16 * 1024;
export const MAX_DWELL_MS = 600_000;
/** Clock skew tolerated for client timestamps. */
export const FUTURE_SKEW_MS = 60_000;
/** Older client timestamps are refused (a replayed or forged batch). */
export const MAX_AGE_MS = 24 * 3600_000;

/** Kinds the browser may send; LIKE, FOLLOW, ADD_TO_CART, PURCHASE and SEARCH are written by the server. */
export const CLIENT_KINDS = ["IMPRESSION", "VIEW", "COMPLETE", "SHARE", "PRODUCT_CLICK"] as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id");

export function clientEventSchema(now: number) {
  return z
    .strictObject({
      kind: z.enum(CLIENT_KINDS),
      postId: id.optional(),
      productId: id.optional(),
      dwellMs: z.number().int().min(0).max(MAX_DWELL_MS).optional(),
      at: z
        .number()
        .int()
        .max(now + FUTURE_SKEW_MS, "must not be in the future")
        .min(now - MAX_AGE_MS, "is too old")
        .optional(),
    })
    .superRefine((e, ctx) => {
      if (!e.postId && !e.productId) ctx.addIssue({ code: "custom", path: ["postId"], message: "postId or productId is required" });
      if (e.kind === "PRODUCT_CLICK" && !e.productId) ctx.addIssue({ code: "custom", path: ["productId"], message: "is required for PRODUCT_CLICK" });
      if (e.dwellMs !== undefined && e.kind !== "VIEW") ctx.addIssue({ code: "custom", path: ["dwellMs"], message: "only VIEW carries dwellMs" });
    });
}

export function eventBatchSchema(now = Date.now()) {
  return z.strictObject({ events: z.array(clientEventSchema(now)).min(1).max(MAX_EVENTS_PER_BATCH) });
}

export type ClientEvent = z.infer<ReturnType<typeof clientEventSchema>>;
