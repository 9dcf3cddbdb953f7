// `npm run search:reindex`: rebuild the search index from the database.
// - Meilisearch (MEILI_HOST set): applies the index settings and rewrites every document here, with a
//   progress bar; pending outbox rows are settled by the rebuild.
// - Embedded engine: its index lives in the server process's memory, so this script cannot reach it.
//   It queues a full-rebuild request in the outbox; the running server's sync worker rebuilds within
//   seconds (a server started later rebuilds at start anyway).
import { withDatabaseUrl } from "@/server/db/connect";
import { createPgDb } from "@/server/db/client";
import { env } from "@/server/env";
import { MeiliSearchEngine } from "@/server/search/meili-engine";
import { requestFullRebuild } from "@/server/search/outbox";
import { reindexAll } from "@/server/search/sync";
import { progressBar } from "@/server/cli/progress";


async function main() {
  await withDatabaseUrl(async (url, label) => {
    console.log(`Database: ${label}`);
    const db = createPgDb(url, { poolMax: 1 });
    try {
      if (env.MEILI_HOST) {
        const engine = new MeiliSearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY });
        console.log(`Search: Meilisearch at ${env.MEILI_HOST}`);
        await engine.init();
        const { documents, seconds } = await reindexAll(db, engine, progressBar("reindex"));
        console.log(`Indexed ${documents} documents in ${seconds.toFixed(1)} s`);
      } else {
        await requestFullRebuild(db);
        console.log(
          "Search: embedded engine (in the server's memory). Queued a full rebuild: a running server rebuilds its index within seconds; a server started later builds it at start.",
        );
      }
    } finally {
      await db.$disconnect();
    }
  });
}

main().catch((err: unknown) => {
  console.error(`search:reindex failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
