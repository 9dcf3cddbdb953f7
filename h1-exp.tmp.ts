import crypto from "node:crypto";
import { createPgDb } from "@/server/db/client";
import { placeCheckout } from "@/server/checkout/checkout.service";
import { loadSkus } from "@/server/cart/sku";
const db = createPgDb(process.env.DATABASE_URL!, { poolMax: 20 });
const v = await db.productVariant.findFirstOrThrow({ where: { stock: 0, isActive: true, product: { status: "ACTIVE", shop: { status: "ACTIVE" } } } });
const a = await db.address.findFirstOrThrow({});
await Promise.all(Array.from({ length: 20 }, () => db.$queryRaw`SELECT 1`));
async function time(label: string, n: number, fn: () => Promise<unknown>) {
  const t = performance.now(); const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: n }, () => fn().catch(() => 0)));
  const el = performance.now() - t; const c = process.cpuUsage(c0);
  console.log(label.padEnd(28), (n / el * 1000).toFixed(0).padStart(6), "/s   cpu ms/op", ((c.user + c.system) / 1000 / n).toFixed(3));
}
for (let r = 0; r < 2; r++) {
  await time("losing placeCheckout", 2000, () => placeCheckout(db, a.userId, { idempotencyKey: crypto.randomUUID(), addressId: a.id, source: { buyNow: { variantId: v.id, quantity: 1 } } }));
  await time("loadSkus", 2000, () => loadSkus(db, [v.id]));
  await time("checkout findUnique", 2000, () => db.checkout.findUnique({ where: { userId_idempotencyKey: { userId: a.userId, idempotencyKey: crypto.randomUUID() } }, select: { id: true, totalFen: true, orders: { select: { id: true } } } }));
  await time("variant findUnique", 2000, () => db.productVariant.findUnique({ where: { id: v.id }, select: { id: true, stock: true } }));
  await time("queryRaw select 1", 2000, () => db.$queryRaw`SELECT 1`);
}
await db.$disconnect();
