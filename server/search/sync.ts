// Keeps a search engine converged to the database by draining the outbox (server/search/outbox.ts).
//
// Correctness rests on three facts:
// - rows name entities, and every drain loads their *current* documents: replaying a row, or a batch
//   applied twice, writes the same documents again (upsert and remove are idempotent);
// - a batch is claimed, applied and marked processed inside one transaction: if the process dies
//   (or the worker is stopped) before the mark commits, the transaction rolls back and the rows are
//   claimed again later;
// - one drain at a time (a transaction-scoped advisory lock), so an older load can never overwrite a
//   newer one that another worker applied meanwhile. `FOR UPDATE SKIP LOCKED` keeps the claim itself
//   non-blocking should several processes ever drain.
import type { Db, DbClient } from "@/server/db/client";
import type { SearchDoc, SearchEngine } from "@/server/search/search.schema";
import { chunk, countAllDocs, docBatches, loadDocs, productIdsOfShops } from "@/server/search/documents";
import { FULL_REBUILD, type SearchEntityType } from "@/server/search/outbox";

const ENTITY_TYPES: readonly SearchEntityType[] = ["product", "shop", "creator"];

/** Arbitrary constant naming the "search outbox drain" advisory lock. */
const DRAIN_LOCK_KEY = 727_114_501;

/** Rows that failed this many times are no longer claimed; they stay (with lastError) for operators. */
export const DEFAULT_MAX_ATTEMPTS = 25;

/**
 * After a full rebuild, entities changed since shortly before it started are synced once more: a
 * change applied by another worker during the rebuild could otherwise be overwritten by the
 * rebuild's older read. The margin covers transactions that wrote their row a little before committing.
 */
const REBUILD_CATCH_UP_MARGIN_MS = 60_000;

interface OutboxRow {
  id: bigint;
  entityType: string;
  entityId: string;
  attempts: number;
}

export interface DrainOptions {
  /** Rows claimed per transaction. */
  batchSize?: number;
  maxAttempts?: number;
  /** Aborting abandons the batch in flight: its transaction rolls back, as if the process had died. */
  signal?: AbortSignal;
}

export interface DrainResult {
  /** Rows claimed (0: nothing pending, or another drain holds the lock). */
  claimed: number;
  /** Rows marked processed. */
  processed: number;
  /** Rows whose attempt failed (attempts incremented, lastError set, left pending). */
  failed: number;
  /** True when the batch held a full-rebuild request and the index was rebuilt. */
  rebuilt: boolean;
  /** True when the batch was abandoned because the signal was aborted. */
  aborted: boolean;
  error?: string;
}

class DrainAborted extends Error {
  constructor() {
    super("search outbox drain aborted");
    this.name = "DrainAborted";
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2000);
}

/** Entity ids by type, each once, from a batch of outbox rows. */
function coalesce(rows: readonly { entityType: string; entityId: string }[]): Map<SearchEntityType, Set<string>> {
  const byType = new Map<SearchEntityType, Set<string>>(ENTITY_TYPES.map((t) => [t, new Set<string>()]));
  for (const row of rows) byType.get(row.entityType as SearchEntityType)?.add(row.entityId);
  return byType;
}

/**
 * Writes the current documents of these entities: visible ones are upserted, the rest removed.
 * Shop changes cascade to the shop's products (a suspended shop hides them all).
 */
async function applyChanges(db: DbClient, engine: SearchEngine, byType: Map<SearchEntityType, Set<string>>): Promise<void> {
  const shopIds = [...(byType.get("shop") ?? [])];
  const productIds = new Set(byType.get("product") ?? []);
  if (shopIds.length) for (const id of await productIdsOfShops(db, shopIds)) productIds.add(id);
  const work: [SearchEntityType, string[]][] = [
    ["product", [...productIds]],
    ["shop", shopIds],
    ["creator", [...(byType.get("creator") ?? [])]],
  ];
  for (const [type, ids] of work) {
    for (const part of chunk(ids)) {
      const docs: SearchDoc[] = await loadDocs(db, type, part);
      if (docs.length) await engine.upsert(docs);
      const present = new Set(docs.map((d) => d.id));
      const gone = part.filter((id) => !present.has(id));
      if (gone.length) await engine.remove(type, gone);
    }
  }
}

/** Syncs these entities now (outside the outbox): loads their documents, upserts or removes them. */
export async function syncEntities(db: DbClient, engine: SearchEngine, type: SearchEntityType, ids: readonly string[]): Promise<void> {
  await applyChanges(db, engine, coalesce(ids.map((entityId) => ({ entityType: type, entityId }))));
}

/**
 * Claims one batch of pending outbox rows and applies it to the engine. On an engine failure the
 * rows get `attempts + 1` and `lastError` and stay pending (the worker retries with backoff).
 * A batch holding a full-rebuild request ("*") rebuilds everything instead (see reindexAll).
 */
export async function drainOutbox(db: Db, engine: SearchEngine, options: DrainOptions = {}): Promise<DrainResult> {
  const { batchSize = 500, maxAttempts = DEFAULT_MAX_ATTEMPTS, signal } = options;
  const result: DrainResult = { claimed: 0, processed: 0, failed: 0, rebuilt: false, aborted: false };
  if (signal?.aborted) return { ...result, aborted: true };

  let claimedIds: bigint[] = [];
  let rebuildRequested = false;
  try {
    await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${DRAIN_LOCK_KEY}) AS locked`;
        if (!lock?.locked) return;
        // Rows that failed before sort behind fresh ones, so one bad row cannot hold up the queue.
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT "id", "entityType", "entityId", "attempts"
          FROM "SearchOutbox"
          WHERE "processedAt" IS NULL AND "attempts" < ${maxAttempts}
          ORDER BY "attempts", "id"
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED`;
        claimedIds = rows.map((r) => r.id);
        result.claimed = rows.length;
        if (rows.length === 0) return;
        if (rows.some((r) => r.entityId === FULL_REBUILD)) {
          // Rebuilt outside this transaction (it can take a while; the embedded database serves one
          // transaction at a time). reindexAll marks these rows processed when it succeeds.
          rebuildRequested = true;
          return;
        }
        // Every read goes through `tx`: on the embedded database other connections wait for it.
        await applyChanges(tx, engine, coalesce(rows));
        if (signal?.aborted) throw new DrainAborted();
        const unknown = rows.filter((r) => !ENTITY_TYPES.includes(r.entityType as SearchEntityType)).map((r) => r.id);
        await tx.searchOutbox.updateMany({ where: { id: { in: claimedIds } }, data: { processedAt: new Date() } });
        if (unknown.length) {
          await tx.searchOutbox.updateMany({ where: { id: { in: unknown } }, data: { lastError: "unknown entity type; ignored" } });
        }
        result.processed = rows.length;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (err) {
    if (err instanceof DrainAborted || signal?.aborted) return { ...result, processed: 0, aborted: true };
    if (claimedIds.length === 0) throw err;
    const error = messageOf(err);
    await db.searchOutbox.updateMany({
      where: { id: { in: claimedIds }, processedAt: null },
      data: { attempts: { increment: 1 }, lastError: error },
    });
    return { ...result, processed: 0, failed: claimedIds.length, error };
  }

  if (rebuildRequested) {
    try {
      await reindexAll(db, engine, undefined, { signal });
      return { ...result, processed: result.claimed, rebuilt: true };
    } catch (err) {
      if (signal?.aborted) return { ...result, aborted: true };
      const error = messageOf(err);
      await db.searchOutbox.updateMany({
        where: { id: { in: claimedIds }, processedAt: null },
        data: { attempts: { increment: 1 }, lastError: error },
      });
      return { ...result, failed: claimedIds.length, error };
    }
  }
  return result;
}

export interface ReindexResult {
  documents: number;
  seconds: number;
}

/**
 * Rebuilds the whole index from the database: clear, then every document in batches, reporting
 * progress. Outbox rows pending when it started are marked processed at the end (their changes were
 * committed before the rebuild read anything). While it runs, searches see a partial index.
 */
export async function reindexAll(
  db: Db,
  engine: SearchEngine,
  onProgress?: (done: number, total: number) => void,
  options: { signal?: AbortSignal; batchSize?: number } = {},
): Promise<ReindexResult> {
  const started = Date.now();
  const pending = await db.searchOutbox.findMany({ where: { processedAt: null }, select: { id: true } });
  const total = await countAllDocs(db);
  await engine.clear();
  let done = 0;
  onProgress?.(0, total);
  for (const type of ENTITY_TYPES) {
    for await (const batch of docBatches(db, type, options.batchSize)) {
      if (options.signal?.aborted) throw new DrainAborted();
      await engine.upsert(batch);
      done += batch.length;
      onProgress?.(done, Math.max(total, done));
    }
  }

  const recent = await db.searchOutbox.findMany({
    where: { createdAt: { gte: new Date(started - REBUILD_CATCH_UP_MARGIN_MS) }, entityId: { not: FULL_REBUILD } },
    select: { entityType: true, entityId: true },
  });
  if (recent.length) await applyChanges(db, engine, coalesce(recent));

  for (const part of chunk(pending.map((r) => r.id))) {
    await db.searchOutbox.updateMany({ where: { id: { in: part }, processedAt: null }, data: { processedAt: new Date() } });
  }
  return { documents: done, seconds: (Date.now() - started) / 1000 };
}

/** Processed rows older than this are deleted by the worker; rows still pending are always kept. */
const PROCESSED_RETENTION_MS = 7 * 24 * 3600_000;
const PRUNE_EVERY_MS = 15 * 60_000;

/** Deletes processed outbox rows older than `retentionMs`; returns how many. */
export async function pruneOutbox(db: DbClient, retentionMs = PROCESSED_RETENTION_MS): Promise<number> {
  const { count } = await db.searchOutbox.deleteMany({ where: { processedAt: { lt: new Date(Date.now() - retentionMs) } } });
  return count;
}

export interface SyncWorkerOptions {
  /** Pause between drains when the outbox is empty (default 1 s: changes show within about a second). */
  intervalMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** Longest pause after repeated failures. */
  maxBackoffMs?: number;
  /** Where failures are reported; default console.error. */
  onError?: (message: string) => void;
}

export interface SyncWorker {
  /**
   * Stops the loop. A batch in flight is abandoned: its transaction rolls back and its rows are
   * retried by the next worker, exactly as if the process had died.
   */
  stop(): Promise<void>;
}

/** Sleeps `ms`, or less when `signal` aborts. The timer does not keep the process alive. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Drains the outbox in a loop inside this process (production can move the same drain into a BullMQ
 * job). While rows are pending it drains back to back; otherwise it waits `intervalMs`.
 *
 * Failures: a failed batch of several rows is retried at half the size (down to single rows), which
 * isolates a row the engine rejects; a single row failing backs off exponentially up to
 * `maxBackoffMs`. So an engine outage costs one attempt per pause, not one per pending row.
 */
export function startSyncWorker(db: Db, engine: SearchEngine, options: SyncWorkerOptions = {}): SyncWorker {
  const { intervalMs = 1_000, batchSize = 500, maxAttempts = DEFAULT_MAX_ATTEMPTS, maxBackoffMs = 60_000 } = options;
  const report = options.onError ?? ((message: string) => console.error(`[search-sync] ${message}`));
  const controller = new AbortController();
  const { signal } = controller;

  const loop = (async () => {
    let size = batchSize;
    let failures = 0;
    let prunedAt = 0;
    while (!signal.aborted) {
      let delay = intervalMs;
      try {
        if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
          prunedAt = Date.now();
          await pruneOutbox(db);
        }
        const r = await drainOutbox(db, engine, { batchSize: size, maxAttempts, signal });
        if (r.aborted) break;
        if (r.failed > 0) {
          report(`${r.failed} outbox row(s) failed: ${r.error ?? "unknown error"}`);
          if (size > 1) {
            size = Math.max(1, Math.floor(size / 2));
          } else {
            failures += 1;
            delay = Math.min(intervalMs * 2 ** failures, maxBackoffMs);
          }
        } else {
          failures = 0;
          const wasFull = r.claimed >= size;
          size = batchSize;
          if (wasFull || r.rebuilt) delay = 0;
        }
      } catch (err) {
        if (signal.aborted) break;
        failures += 1;
        delay = Math.min(intervalMs * 2 ** failures, maxBackoffMs);
        report(`drain failed: ${messageOf(err)}`);
      }
      if (delay > 0) await pause(delay, signal);
    }
  })();

  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
