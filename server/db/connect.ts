// For command-line scripts: run with a database URL, starting the embedded database if needed.
import path from "node:path";
import { env } from "@/server/env";
import { startEmbeddedDatabase } from "@/server/db/embedded";

export async function withDatabaseUrl<T>(fn: (url: string, label: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return fn(env.DATABASE_URL, "PostgreSQL (DATABASE_URL)");
  const dataDir = path.resolve(env.DATA_DIR);
  const embedded = await startEmbeddedDatabase(dataDir);
  try {
    return await fn(embedded.url, `embedded PGlite (${path.relative(process.cwd(), dataDir) || "."}/pglite)`);
  } finally {
    await embedded.stop();
  }
}
