// `npm start` / `npm run dev`: from a fresh clone to a running mall in one command.
// Provides an auth secret and a database (PostgreSQL via DATABASE_URL, otherwise the embedded PGlite
// server, which this process owns for as long as Next.js runs), applies migrations, seeds an empty
// catalog, rebuilds when sources changed, then runs Next.js and stops the database cleanly after it.
// The launcher composes the child's environment, so it also reads its own switch (SEED)
// from process.env; the app itself reads configuration through server/env.ts only.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { env } from "@/server/env";
import { createPgDb } from "@/server/db/client";
import { startEmbeddedDatabase } from "@/server/db/embedded";
import { migrateUrl } from "@/server/db/migrate";
import { progressBar } from "@/server/cli/progress";

const isDev = process.argv.includes("--dev");
const shouldSeed = !process.argv.includes("--no-seed") && process.env.SEED !== "0";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const BUILD_ID_PATH = path.resolve(".next/BUILD_ID");
/** Everything `next build` reads; a change to any of them makes the last build stale. */
const BUILD_INPUTS = [
  "app", "server", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts",
  "postcss.config.mjs", "tsconfig.json", "package.json",
].map((input) => path.resolve(input));
/** Written while the app runs, so they are not build inputs. */
const RUNTIME_OUTPUTS = new Set([path.resolve("public/media/generated")]);

interface Database {
  url: string;
  label: string;
  isEmbedded: boolean;
  stop(): Promise<void>;
}

const startedAt = Date.now();
let database: Database | undefined;
let activeChild: ChildProcess | undefined;
let stopSignal: NodeJS.Signals | undefined;
let shutdownPromise: Promise<never> | undefined;

function log(message: string) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`[mall +${seconds}s] ${message}`);
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative.startsWith("..") || path.isAbsolute(relative) ? target : relative || ".";
}

function ensureAuthSecret(dataDir: string): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  const saved = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
  if (saved.length >= 16) return saved;
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log(`Created an auth secret in ${displayPath(file)}`);
  return secret;
}

async function openDatabase(dataDir: string): Promise<Database> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, label: "PostgreSQL (DATABASE_URL)", isEmbedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedDatabase(dataDir);
  const where = displayPath(path.join(dataDir, "pglite"));
  const label = embedded.isOwner ? `embedded PGlite (${where})` : `embedded PGlite (${where}, served by another process)`;
  return { url: embedded.url, label, isEmbedded: true, stop: () => embedded.stop() };
}

async function seedIfEmpty(db: Database) {
  // One connection on the embedded server (see server/db.ts for why).
  const client = createPgDb(db.url, { poolMax: db.isEmbedded ? 1 : 10 });
  try {
    const productCount = await client.product.count();
    if (productCount > 0) return log(`Catalog has ${productCount} products; skipping the seed`);
    log("Catalog is empty: seeding demo data");
    const { seedDatabase } = await import("@/prisma/seed/seed");
    const counts = await seedDatabase(client, { onProgress: progressBar("seed") });
    log(`Seeded ${counts.products} products, ${counts.shops} shops and ${counts.users} users`);
  } finally {
    await client.$disconnect();
  }
}


/** True when any build input (file or directory) changed after `.next/BUILD_ID` was written. */
function isBuildStale(): boolean {
  if (!fs.existsSync(BUILD_ID_PATH)) return true;
  const builtAt = fs.statSync(BUILD_ID_PATH).mtimeMs;
  const changedSince = (target: string): boolean => {
    if (RUNTIME_OUTPUTS.has(target) || path.basename(target) === "node_modules" || !fs.existsSync(target)) return false;
    const stat = fs.statSync(target);
    if (stat.mtimeMs > builtAt) return true;
    return stat.isDirectory() && fs.readdirSync(target).some((name) => changedSince(path.join(target, name)));
  };
  return BUILD_INPUTS.some(changedSince);
}

function runNext(args: string[], childEnv: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { stdio: "inherit", env: childEnv });
  activeChild = child;
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      activeChild = undefined;
      resolve({ code, signal });
    });
  });
}

function printBanner(db: Database) {
  console.log(
    [
      "",
      `  Interest Mall (${isDev ? "development" : "production"})`,
      `  URL:           http://localhost:${env.PORT}`,
      `  Database:      ${db.label}`,
      "  Demo accounts: see README",
      "",
    ].join("\n"),
  );
}

/** Fails early, before migrating and building, when something already listens on the port. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${port} is in use: stop that server or set PORT`) : err),
    );
    probe.listen({ port }, () => probe.close(() => resolve()));
  });
}

/** Stops the database (once, even if called from several places) and exits. */
function shutdown(code: number): Promise<never> {
  shutdownPromise ??= (async () => {
    if (database?.isEmbedded) {
      await database.stop();
      log("Embedded database stopped");
    }
    process.exit(code);
  })();
  return shutdownPromise;
}

function onStopSignal(signal: NodeJS.Signals) {
  if (stopSignal) return;
  stopSignal = signal;
  log(`${signal} received: stopping`);
  if (activeChild) activeChild.kill(signal);
  else void shutdown(130);
}

async function main() {
  process.on("SIGINT", onStopSignal);
  process.on("SIGTERM", onStopSignal);
  await assertPortFree(env.PORT);
  const dataDir = path.resolve(env.DATA_DIR);
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: ensureAuthSecret(dataDir),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(env.PORT),
  };

  database = await openDatabase(dataDir);
  log(`Database: ${database.label}`);
  const applied = await migrateUrl(database.url);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations are up to date");
  if (shouldSeed) await seedIfEmpty(database);

  if (!isDev && isBuildStale()) {
    log("Building (next build) …");
    const buildEnv = { ...baseEnv };
    delete buildEnv.DATABASE_URL;
    delete buildEnv.EMBEDDED_DATABASE_URL;
    const build = await runNext(["build"], buildEnv);
    if (stopSignal) return shutdown(130);
    if (build.code !== 0) {
      log(`Build failed (${build.signal ?? `exit code ${build.code}`})`);
      return shutdown(build.code || 1);
    }
    log("Build finished");
  }

  printBanner(database);
  const serverEnv = database.isEmbedded ? { ...baseEnv, EMBEDDED_DATABASE_URL: database.url } : baseEnv;
  // No -H: Next binds every interface. (A loopback literal such as 127.0.0.1 makes Next 16 treat the
  // locale proxy's internal rewrites as cross-origin and answer with redirect loops.)
  const serverArgs = [isDev ? "dev" : "start", "-p", String(env.PORT)];
  const server = await runNext(serverArgs, serverEnv);
  if (stopSignal) return shutdown(server.code ?? 0);
  log(`Next.js exited unexpectedly (${server.signal ?? `exit code ${server.code}`})`);
  return shutdown(server.code || 1);
}

main().catch((err: unknown) => {
  log(`Failed: ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
