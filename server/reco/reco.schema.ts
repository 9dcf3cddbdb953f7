import { z } from "zod";
import { productCard } from "@/server/catalog/catalog.schema";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id");

export const forYouInput = z.object({
  pageSize: z.number().int().min(1).max(48).default(24),
  /** Page number (1-based), the infinite query's cursor; at most 20 pages. */
  cursor: z.number().int().min(1).max(20).nullish(),
  /** Ids the client already shows (besides the profile's recently shown ones). */
  seenIds: z.array(id).max(200).default([]),
});

/** Cards plus the leaf category id (lets clients and tests see what the page is made of). */
export const forYouOutput = z.object({ items: z.array(productCard.extend({ categoryId: z.string() })), page: z.number().int(), nextCursor: z.number().int().nullable() });

export const alsoLikeInput = z.object({ productId: id, limit: z.number().int().min(1).max(24).default(12) });

export type ForYouInput = z.infer<typeof forYouInput>;
