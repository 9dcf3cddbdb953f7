// `npm run db:seed [-- --products N] [-- --reset]`: writes the deterministic demo catalog.
// Without --reset it leaves a database that already has products alone ("already seeded").
// With --reset it first empties the catalog and all users (and, by cascade, anything that refers to them).
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "@/server/db/connect";
import { createPgDb, type Db } from "@/server/db/client";
import { migrateUrl } from "@/server/db/migrate";
import { DEFAULT_PRODUCT_COUNT, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDatabase } from "@/prisma/seed/seed";
import { progressBar } from "@/server/cli/progress";

/** Every table the seed writes; CASCADE also clears tables other features add that point at these. */
const SEEDED_TABLES = [
  "_ProductOptionValueToProductVariant",
  "ProductMedia",
  "ProductVariant",
  "ProductOptionValue",
  "ProductOption",
  "Product",
  "Category",
  "CreatorProfile",
  "ShopMember",
  "Shop",
  "Region",
  "User",
];

function parseOptions(): { products: number; reset: boolean } {
  const { values } = parseArgs({
    options: {
      products: { type: "string", default: String(DEFAULT_PRODUCT_COUNT) },
      reset: { type: "boolean", default: false },
    },
  });
  const products = Number(values.products);
  if (!Number.isInteger(products) || products < 0) {
    throw new Error(`--products must be a non-negative integer, got "${values.products}"`);
  }
  return { products, reset: values.reset };
}


async function resetCatalog(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`TRUNCATE ${SEEDED_TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
}

async function main() {
  const { products, reset } = parseOptions();
  await withDatabaseUrl(async (url, label) => {
    // A fresh checkout has an empty database: bring the schema up to date first (a no-op otherwise).
    const applied = await migrateUrl(url);
    if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${label}.`);

    // One connection: the embedded server cannot keep two connections' statements apart (server/db.ts).
    const db = createPgDb(url, { poolMax: 1 });
    try {
      if (reset) {
        console.log(`Resetting the catalog and users in ${label} …`);
        await resetCatalog(db);
      } else {
        const existing = await db.product.count();
        if (existing > 0) {
          console.log(`${label} already seeded (${existing} products); run with --reset to start over.`);
          return;
        }
      }
      console.log(`Seeding ${products} products into ${label} …`);
      const startedAt = Date.now();
      const counts = await seedDatabase(db, { products, onProgress: progressBar("products") });
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      console.log(
        `Seeded ${counts.products} products (${counts.activeProducts} active, ${counts.variants} SKUs, ${counts.media} images), ` +
          `${counts.shops} shops, ${counts.creators} creators, ${counts.categories} categories, ${counts.regions} regions ` +
          `and ${counts.users} users in ${seconds}s.`,
      );
      console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_ACCOUNTS).join(", ")}`);
    } finally {
      await db.$disconnect();
    }
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
