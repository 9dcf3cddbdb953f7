// The process's search engine: Meilisearch when MEILI_HOST is set, otherwise the embedded in-process
// engine. Free of Next.js imports so scripts, tests and instrumentation.ts can all use it.
//
// The embedded engine keeps its index in this process's memory, so the first readySearch() builds it
// from the database and starts the outbox worker that keeps it current. Meilisearch keeps its own
// index: readySearch() applies the settings, builds the index only if it is empty, and starts the
// same worker.
import type { Db } from "@/server/db/client";
import { env } from "@/server/env";
import { EmbeddedSearchEngine } from "@/server/search/embedded-engine";
import { MeiliSearchEngine } from "@/server/search/meili-engine";
import type { SearchEngine } from "@/server/search/search.schema";
import { countAllDocs } from "@/server/search/documents";
import { reindexAll, startSyncWorker, type SyncWorker } from "@/server/search/sync";

interface SearchState {
  engine: SearchEngine;
  /** Settles once the engine is initialised and holds the catalog. */
  ready?: Promise<SearchEngine>;
  worker?: SyncWorker;
}

// On globalThis so that Next.js dev reloads (which re-evaluate modules) keep one index and one worker.
const globalForSearch = globalThis as unknown as { __mallSearch?: SearchState };

function createConfiguredEngine(): SearchEngine {
  if (env.MEILI_HOST) return new MeiliSearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY });
  return new EmbeddedSearchEngine();
}

function state(): SearchState {
  globalForSearch.__mallSearch ??= { engine: createConfiguredEngine() };
  return globalForSearch.__mallSearch;
}

/** The process's engine; it may still be loading — use readySearch() before querying. */
export function getSearchEngine(): SearchEngine {
  return state().engine;
}

async function prepare(db: Db, s: SearchState): Promise<SearchEngine> {
  const { engine } = s;
  const started = Date.now();
  await engine.init();
  const mustBuild = engine.name === "embedded" || ((await engine.count("product")) === 0 && (await countAllDocs(db)) > 0);
  if (mustBuild) {
    const { documents } = await reindexAll(db, engine);
    console.info(`[search] ${engine.name} index built: ${documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  s.worker ??= startSyncWorker(db, engine);
  return engine;
}

/**
 * The engine, initialised, filled and kept in sync from `db`. The first call does the work (and is
 * what every concurrent caller awaits); a failure is not cached, so the next call tries again.
 */
export function readySearch(db: Db): Promise<SearchEngine> {
  const s = state();
  s.ready ??= prepare(db, s).catch((err: unknown) => {
    s.ready = undefined;
    throw err;
  });
  return s.ready;
}

/**
 * Makes `engine` this process's engine, ready as it is, with no worker: the caller keeps it in sync
 * (tests that index their own documents, benchmarks). Stops the worker of the engine it replaces.
 */
export async function useSearchEngine(engine: SearchEngine): Promise<void> {
  const previous = globalForSearch.__mallSearch;
  globalForSearch.__mallSearch = { engine, ready: Promise.resolve(engine) };
  await previous?.worker?.stop();
}

/** Stops the sync worker, if one runs (graceful shutdown, tests). */
export async function stopSearch(): Promise<void> {
  const s = globalForSearch.__mallSearch;
  const worker = s?.worker;
  if (s) s.worker = undefined;
  await worker?.stop();
}
