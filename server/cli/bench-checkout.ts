// `npm run bench:checkout [-- --buyers 2000 --units 100 --pool 20]`
//
// A flash sale against PostgreSQL: one SKU with M units, N buyers (each with an address) who all
// try to buy one unit at the same moment, through the same checkout service the app uses
// (placeCheckout: idempotency row, orders, snapshots, stock reserved by a conditional UPDATE at the
// end of the transaction). Prints attempts/s, latency percentiles, orders, units sold, final
// stock and oversold units (must be 0), watches the stock during the run (must never go below 0),
// and ends with one key=value summary line. Its rows carry a unique prefix and are deleted at the end.
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { env } from "@/server/env";
import { createPgDb, type Db } from "@/server/db/client";
import { placeCheckout } from "@/server/checkout/checkout.service";
import { AppError } from "@/server/errors";
import { progressBar } from "@/server/cli/progress";

function intFlag(name: string, fallback: number, min = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} needs an integer ≥ ${min}, got ${process.argv[i + 1]}`);
  return value;
}

const BUYERS = intFlag("buyers", 2000);
const UNITS = intFlag("units", 100, 0);
const POOL = intFlag("pool", 20);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

interface Fixture {
  prefix: string;
  shopId: string;
  categoryId: string;
  productId: string;
  variantId: string;
  buyers: Array<{ userId: string; addressId: string }>;
}

async function setUp(db: Db): Promise<Fixture> {
  const prefix = `bench-checkout-${crypto.randomBytes(4).toString("hex")}`;
  const shop = await db.shop.create({
    data: {
      slug: `${prefix}-shop`,
      nameZh: "压测店铺",
      nameEn: "Benchmark shop",
      kind: "INDEPENDENT",
      logoUrl: "/media/art/shop/logo.svg",
      bannerUrl: "/media/art/shop/banner.svg",
      status: "ACTIVE",
    },
  });
  const category = await db.category.create({ data: { slug: `${prefix}-category`, nameZh: "压测类目", nameEn: "Benchmark category" } });
  const product = await db.product.create({
    data: {
      slug: `${prefix}-product`,
      shopId: shop.id,
      categoryId: category.id,
      titleZh: "秒杀压测商品",
      titleEn: "Flash sale benchmark product",
      status: "ACTIVE",
      publishedAt: new Date(),
      minPriceFen: 9900,
      maxPriceFen: 9900,
    },
  });
  const variant = await db.productVariant.create({ data: { productId: product.id, sku: `${prefix}-sku`, priceFen: 9900, stock: UNITS } });

  const progress = progressBar("buyers", 30);
  const buyers: Fixture["buyers"] = [];
  const BATCH = 500;
  for (let start = 0; start < BUYERS; start += BATCH) {
    const n = Math.min(BATCH, BUYERS - start);
    // "!" is no valid hash: these accounts cannot sign in.
    const users = await db.user.createManyAndReturn({
      data: Array.from({ length: n }, (_, i) => ({ email: `${prefix}-${start + i}@bench.invalid`, name: `Buyer ${start + i}`, passwordHash: "!" })),
      select: { id: true },
    });
    const addresses = await db.address.createManyAndReturn({
      data: users.map((u) => ({
        userId: u.id,
        recipient: "压测买家",
        phone: "13800138000",
        province: "浙江省",
        city: "杭州市",
        district: "西湖区",
        street: "文三路 100 号",
        isDefault: true,
      })),
      select: { id: true, userId: true },
    });
    const byUser = new Map(addresses.map((a) => [a.userId, a.id]));
    for (const u of users) buyers.push({ userId: u.id, addressId: byUser.get(u.id)! });
    progress(buyers.length, BUYERS);
  }
  return { prefix, shopId: shop.id, categoryId: category.id, productId: product.id, variantId: variant.id, buyers };
}

async function tearDown(db: Db, f: Fixture): Promise<void> {
  const userIds = f.buyers.map((b) => b.userId);
  // Checkouts cascade to orders, items and events; users to addresses and carts.
  await db.checkout.deleteMany({ where: { userId: { in: userIds } } });
  await db.user.deleteMany({ where: { id: { in: userIds } } });
  await db.product.deleteMany({ where: { id: f.productId } });
  await db.category.deleteMany({ where: { id: f.categoryId } });
  await db.shop.deleteMany({ where: { id: f.shopId } });
  await db.searchOutbox.deleteMany({ where: { entityId: f.productId } });
}

async function main() {
  if (!env.DATABASE_URL) {
    console.error("bench:checkout needs PostgreSQL: set DATABASE_URL, e.g.\n  DATABASE_URL=postgresql://mall:mall@127.0.0.1:5432/mall npm run bench:checkout");
    process.exit(2);
  }
  const db = createPgDb(env.DATABASE_URL, { poolMax: POOL });
  let fixture: Fixture | null = null;
  try {
    console.log(`checkout benchmark: ${BUYERS} buyers, one SKU with ${UNITS} units, pool of ${POOL} connections (PostgreSQL)`);
    fixture = await setUp(db);
    const f = fixture;
    // Warm the pool (connections) so the run measures checkouts, not TCP handshakes.
    await Promise.all(Array.from({ length: POOL }, () => db.$queryRaw`SELECT 1`));

    // Stock watcher on its own connection: the lowest value seen while the sale runs.
    const watcherDb = createPgDb(env.DATABASE_URL, { poolMax: 1 });
    let lowestStock = UNITS;
    let running = true;
    const watcher = (async () => {
      while (running) {
        const row = await watcherDb.productVariant.findUniqueOrThrow({ where: { id: f.variantId }, select: { stock: true } });
        lowestStock = Math.min(lowestStock, row.stock);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    const progress = progressBar("checkout", 30);
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    let done = 0;
    const started = performance.now();
    await Promise.all(
      f.buyers.map(async (b) => {
        const t0 = performance.now();
        let outcome = "ordered";
        try {
          await placeCheckout(db, b.userId, {
            idempotencyKey: crypto.randomUUID(),
            addressId: b.addressId,
            source: { buyNow: { variantId: f.variantId, quantity: 1 } },
          });
        } catch (err) {
          outcome = err instanceof AppError ? `rejected ${err.code}` : `error ${(err as Error).message.split("\n")[0]}`;
        }
        latencies.push(performance.now() - t0);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        progress(++done, BUYERS);
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    running = false;
    await watcher;
    await watcherDb.$disconnect();

    const userIds = f.buyers.map((b) => b.userId);
    const [orders, sold, variant] = await Promise.all([
      db.order.count({ where: { userId: { in: userIds } } }),
      db.orderItem.aggregate({ where: { variantId: f.variantId }, _sum: { quantity: true } }),
      db.productVariant.findUniqueOrThrow({ where: { id: f.variantId }, select: { stock: true } }),
    ]);
    lowestStock = Math.min(lowestStock, variant.stock);
    const unitsSold = sold._sum.quantity ?? 0;
    const oversold = Math.max(0, unitsSold - UNITS);
    const sorted = [...latencies].sort((a, b) => a - b);
    const rate = BUYERS / elapsedS;

    console.log("");
    console.log(`  attempts            ${BUYERS} in ${elapsedS.toFixed(2)} s → ${rate.toFixed(0)} attempts/s`);
    console.log(`  latency (ms)        p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted[sorted.length - 1] ?? 0)}`);
    for (const [outcome, count] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${outcome.padEnd(20)}${count}`);
    console.log(`  orders created      ${orders}`);
    console.log(`  units sold          ${unitsSold} (of ${UNITS})`);
    console.log(`  final stock         ${variant.stock}`);
    console.log(`  lowest stock seen   ${lowestStock}${lowestStock < 0 ? "  ← NEGATIVE STOCK" : ""}`);
    console.log(`  oversold            ${oversold}`);
    console.log("");
    console.log(`buyers=${BUYERS} units=${UNITS} attempts_per_s=${rate.toFixed(0)} p95_ms=${ms(percentile(sorted, 95))} orders=${orders} oversold=${oversold}`);
    const consistent = oversold === 0 && lowestStock >= 0 && unitsSold === orders && variant.stock === UNITS - unitsSold;
    if (!consistent) {
      console.error("bench:checkout: INCONSISTENT RESULT (oversold, negative stock, or units sold ≠ stock taken)");
      process.exitCode = 1;
    }
  } finally {
    if (fixture) await tearDown(db, fixture);
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
