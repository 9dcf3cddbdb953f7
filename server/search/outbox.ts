// Transactional outbox for search: a change that can alter search results writes a SearchOutbox row
// in the same transaction as the change, so the index can never miss a committed change and never
// sees an uncommitted one. The sync worker (server/search/sync.ts) drains the rows into the engine.
//
// Rows name an entity, not its new content: the worker always loads the current state from the
// database, so replaying a row, or processing rows out of order, is harmless.
import type { DbClient } from "@/server/db/client";
import type { SearchDoc } from "@/server/search/search.schema";

export type SearchEntityType = SearchDoc["type"];

/** entityId of a full-rebuild request: the worker rebuilds the whole index from the database. */
export const FULL_REBUILD = "*";

/**
 * Records that these entities changed. Call it with the transaction that makes the change.
 * - product: its own fields, variants (price, stock), status;
 * - shop: name, status (suspending a shop hides all its products: the worker re-syncs them too);
 * - creator: profile fields.
 */
export async function enqueueSearchSync(tx: DbClient, entityType: SearchEntityType, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)].filter((id) => id.length > 0);
  if (unique.length === 0) return;
  await tx.searchOutbox.createMany({ data: unique.map((entityId) => ({ entityType, entityId })) });
}

/** Asks the worker to rebuild the whole index from the database. */
export async function requestFullRebuild(db: DbClient): Promise<void> {
  await enqueueSearchSync(db, "product", [FULL_REBUILD]);
}
