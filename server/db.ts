// The app's database handle, created lazily on first use (never at build time).
import "server-only";
import { env } from "@/server/env";
import { createPgDb, type Db } from "@/server/db/client";

const globalForDb = globalThis as unknown as { __mallDb?: Db };

function connect(): Db {
  if (env.DATABASE_URL) return createPgDb(env.DATABASE_URL);
  if (env.EMBEDDED_DATABASE_URL) {
    // pglite-socket queues queries per connection and keeps a transaction on its own connection; a small pool suffices.
    return createPgDb(env.EMBEDDED_DATABASE_URL, { poolMax: 4 });
  }
  throw new Error(
    "No database configured: set DATABASE_URL, or start the app with `npm start` / `npm run dev`, which run the embedded database.",
  );
}

export function getDb(): Db {
  globalForDb.__mallDb ??= connect();
  return globalForDb.__mallDb;
}
