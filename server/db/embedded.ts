// Embedded database: PGlite (Postgres in WASM) persisted under DATA_DIR, served over the Postgres
// wire protocol on loopback so that the Next.js server, scripts and tools all connect the same way
// as they would to PostgreSQL. PGlite's directory may be opened by one process only: the process
// that owns it writes a lock file with its pid and port, and other processes connect through it.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process opened PGlite; false when it reuses another process's server. */
  isOwner: boolean;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  port: number;
}

function lockPath(dataDir: string) {
  return path.join(dataDir, "pglite.lock.json");
}

function urlFor(port: number) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of an embedded server another live process already runs for this data dir, if any. */
export function findRunningEmbeddedDatabase(dataDir: string): string | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
    if (info.pid !== process.pid && isAlive(info.pid)) return urlFor(info.port);
  } catch {
    // no lock file, or unreadable: nobody owns it
  }
  return null;
}

export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const running = findRunningEmbeddedDatabase(dataDir);
  if (running) return { url: running, isOwner: false, stop: async () => {} };

  const pgDir = path.join(dataDir, "pglite");
  fs.mkdirSync(pgDir, { recursive: true });
  const pg = await PGlite.create({ dataDir: pgDir });
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port, maxConnections: 32 });
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  if (!actualPort) throw new Error("Embedded database server did not report its port");
  fs.writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, port: actualPort } satisfies LockInfo));

  let stopped = false;
  return {
    url: urlFor(actualPort),
    isOwner: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pg.close();
      fs.rmSync(lockPath(dataDir), { force: true });
    },
  };
}
