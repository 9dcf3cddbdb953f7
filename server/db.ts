// The app's database handle, created lazily on first use (never at build time).
import "server-only";
import { env } from "@/server/env";
import { createPgDb, type Db } from "@/server/db/client";

const globalForDb = globalThis as unknown as { __mallDb?: Db };

function connect(): Db {
  if (env.DATABASE_URL) return createPgDb(env.DATABASE_URL);
  if (env.EMBEDDED_DATABASE_URL) {
    // One connection: pglite-socket multiplexes connections onto PGlite's single session, and the
    // extended protocol's unnamed statements and portals of two connections would interleave
    // ("bind message supplies 2 parameters, but prepared statement requires 4"). Transactions
    // must therefore read through their own client (they do), or they would wait on themselves.
    return createPgDb(env.EMBEDDED_DATABASE_URL, { poolMax: 1 });
  }
  throw new Error(
    "No database configured: set DATABASE_URL, or start the app with `npm start` / `npm run dev`, which run the embedded database.",
  );
}

export function getDb(): Db {
  globalForDb.__mallDb ??= connect();
  return globalForDb.__mallDb;
}
