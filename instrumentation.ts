// Next.js calls register() once when a server instance starts. In the Node.js runtime it starts the
// background jobs (server/jobs/jobs.ts) and warms the
// search engine — builds the embedded index from the database (or applies Meilisearch settings) and
// starts the outbox sync worker — so the first search does not pay for it and catalog changes reach
// search even before anyone searches.
//
// NEXT_RUNTIME and NEXT_PHASE are set by Next.js itself (not app configuration, hence read here and
// not in server/env.ts). Route modules can load this hook while `next build` prerenders pages; there is
// no database then, so nothing is started during the build.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ getDb }, { readySearch }, { startJobs }, { JOBS }] = await Promise.all([
    import("@/server/db"),
    import("@/server/search/engine"),
    import("@/server/jobs/scheduler"),
    import("@/server/jobs/jobs"),
  ]);
  // Payment timeouts, logistics, auto-confirmation… (server/jobs/jobs.ts).
  startJobs(getDb(), JOBS);
  // Not awaited: the server answers requests while the index builds; searches await readySearch().
  readySearch(getDb()).catch((err: unknown) => {
    console.error("[search] warm-up failed; the first search will try again:", err);
  });
}
