// Migrations without the native schema engine: the official Prisma schema engine compiled to WASM,
// driven through a driver adapter. Works against PostgreSQL and PGlite alike, reads and writes the
// same `_prisma_migrations` table and `prisma/migrations/*/migration.sql` layout as `prisma migrate`.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine as SchemaEngineType } from "@prisma/schema-engine-wasm";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

let engineClass: Promise<typeof SchemaEngineType> | undefined;

/**
 * Loads the wasm engine by hand so Node needs no --experimental-wasm-modules flag. Once per process:
 * instantiating the module a second time corrupts wasm-bindgen's shared state.
 */
function loadEngine(): Promise<typeof SchemaEngineType> {
  engineClass ??= instantiateEngine();
  return engineClass;
}

async function instantiateEngine(): Promise<typeof SchemaEngineType> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg.SchemaEngine as typeof SchemaEngineType;
}

function readSchema() {
  return fs.readFileSync(SCHEMA_PATH, "utf8");
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory, log = false) {
  const SchemaEngine = await loadEngine();
  const schema = readSchema();
  return SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    (line: string) => {
      if (log) {
        const parsed = JSON.parse(line) as { fields?: { message?: string } };
        const message = parsed.fields?.message ?? "";
        if (message.startsWith("Applying")) console.log(`  ${message}`);
      }
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql"))).sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations to the database at `url`; returns the names applied now. */
export async function migrateUrl(url: string, options: { log?: boolean } = {}): Promise<string[]> {
  const engine = await openEngine(new PrismaPg({ connectionString: url, max: 1 }), options.log);
  try {
    const out = await engine.applyMigrations({ migrationsList: listMigrations(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** Applies all migrations to an open PGlite instance (tests use in-memory PGlite). */
export async function migratePglite(pg: PGlite): Promise<string[]> {
  const engine = await openEngine(new PrismaPGlite(pg));
  try {
    const out = await engine.applyMigrations({ migrationsList: listMigrations(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes a database from the committed migrations to the current schema.prisma.
 * Empty string when they agree (no drift). Uses in-memory PGlite as the shadow database.
 */
export async function diffSchemaFromMigrations(): Promise<string> {
  const pg = new PGlite();
  const engine = await openEngine(new PrismaPGlite(pg));
  try {
    const list = listMigrations();
    const from = list.migrationDirectories.length ? { tag: "migrations" as const, ...list } : { tag: "empty" as const };
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: readSchema() }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (out.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    engine.free();
    await pg.close();
  }
}
