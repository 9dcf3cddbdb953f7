// A database for one integration test file: PostgreSQL when DATABASE_URL is set (migrated once by
// tests/integration/global-setup.ts), otherwise a private in-memory PGlite with all migrations applied.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inject } from "vitest";
import { env } from "@/server/env";
import { createDb, createPgDb, type Db } from "@/server/db/client";
import { migratePglite } from "@/server/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite data dir, written by the integration global setup. */
    pgliteSnapshotPath?: string;
  }
}

export interface TestDb {
  db: Db;
  close(): Promise<void>;
}

let migratedSnapshot: Promise<Blob> | undefined;

/** The global setup's dump when there is one; otherwise migrate once in this process and dump that. */
function loadMigratedSnapshot(): Promise<Blob> {
  migratedSnapshot ??= (async () => {
    const file = inject("pgliteSnapshotPath");
    if (file) return new Blob([await fs.promises.readFile(file)]);
    const pg = new PGlite();
    try {
      await migratePglite(pg);
      return await pg.dumpDataDir("none");
    } finally {
      await pg.close();
    }
  })();
  return migratedSnapshot;
}

export async function createTestDb(): Promise<TestDb> {
  if (env.DATABASE_URL) {
    const db = createPgDb(env.DATABASE_URL, { poolMax: 4 });
    return { db, close: () => db.$disconnect() };
  }
  const pg = new PGlite({ loadDataDir: await loadMigratedSnapshot() });
  const db = createDb(new PrismaPGlite(pg));
  return {
    db,
    async close() {
      await db.$disconnect();
      await pg.close();
    },
  };
}
