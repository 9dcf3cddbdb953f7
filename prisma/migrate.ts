// `npm run db:migrate`: apply pending migrations to PostgreSQL (DATABASE_URL) or the embedded PGlite.
// `npm run db:migrate -- --check`: fail if schema.prisma has changes no migration captures.
import { diffSchemaFromMigrations, migrateUrl } from "@/server/db/migrate";
import { withDatabaseUrl } from "@/server/db/connect";

async function main() {
  if (process.argv.includes("--check")) {
    const drift = await diffSchemaFromMigrations();
    if (drift) {
      console.error("schema.prisma has changes that no migration captures. Run `npm run db:migration:new -- <name>`.\n");
      console.error(drift);
      process.exit(1);
    }
    console.log("Migrations match schema.prisma.");
    return;
  }
  await withDatabaseUrl(async (url, label) => {
    console.log(`Migrating ${label} …`);
    const applied = await migrateUrl(url, { log: true });
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
