// Checkout under concurrency. On PostgreSQL (DATABASE_URL) the calls really run in parallel over a
// pool of 20 connections; on the embedded PGlite (one connection) they interleave between
// transactions, which still exercises the stale-read paths (planned with stock that is gone by the
// time the transaction runs).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { env } from "@/server/env";
import { createPgDb, type Db } from "@/server/db/client";
import { createTestDb } from "@/tests/factories/db";
import { uniqueSuffix } from "@/tests/factories/catalog";
import { callerFor, createSkus, stockOf, VALID_ADDRESS } from "@/tests/factories/shopping";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  if (env.DATABASE_URL) {
    const pg = createPgDb(env.DATABASE_URL, { poolMax: 20 });
    db = pg;
    close = () => pg.$disconnect();
  } else {
    ({ db, close } = await createTestDb());
  }
});
afterAll(async () => {
  await close();
});

/** n shoppers, each with a default address (bulk inserts: no password hashing needed here). */
async function buyers(n: number) {
  const suffix = uniqueSuffix();
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({ email: `buyer-${suffix}-${i}@example.test`, name: `Buyer ${i}`, passwordHash: "!" })),
    select: { id: true },
  });
  const addresses = await db.address.createManyAndReturn({
    data: users.map((u) => ({ userId: u.id, ...VALID_ADDRESS, isDefault: true })),
    select: { id: true, userId: true },
  });
  const addressOf = new Map(addresses.map((a) => [a.userId, a.id]));
  return users.map((u) => ({ userId: u.id, addressId: addressOf.get(u.id)! }));
}

/** Watches the SKU's stock while `work` runs; returns the lowest value seen. */
async function lowestStockDuring<T>(variantId: string, work: Promise<T>): Promise<{ result: T; lowest: number }> {
  let lowest = Number.POSITIVE_INFINITY;
  let running = true;
  const watcher = (async () => {
    while (running) {
      lowest = Math.min(lowest, await stockOf(db, variantId));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  try {
    return { result: await work, lowest };
  } finally {
    running = false;
    await watcher;
    lowest = Math.min(lowest, await stockOf(db, variantId));
  }
}

describe("checkout concurrency", () => {
  it("places one checkout for ten parallel submissions with the same idempotency key", async () => {
    const { variants: [v] } = await createSkus(db, { variants: [{ priceFen: 1000, stock: 50 }] });
    const [buyer] = await buyers(1);
    const me = callerFor(db, { userId: buyer.userId });
    const input = { idempotencyKey: crypto.randomUUID(), addressId: buyer.addressId, source: { buyNow: { variantId: v.id, quantity: 3 } } };

    const results = await Promise.all(Array.from({ length: 10 }, () => me.checkout.place(input)));
    expect(new Set(results.map((r) => r.checkoutId)).size).toBe(1);
    expect(new Set(results.map((r) => r.orderIds.join())).size).toBe(1);
    expect(await db.checkout.count({ where: { userId: buyer.userId } })).toBe(1);
    expect(await db.order.count({ where: { userId: buyer.userId } })).toBe(1);
    expect(await stockOf(db, v.id)).toBe(47);
  });

  it("sells exactly 20 units to 200 concurrent buyers of a 20-unit SKU and never oversells", async () => {
    const { variants: [v] } = await createSkus(db, { variants: [{ priceFen: 990, stock: 20 }] });
    const people = await buyers(200);

    const attempts = people.map((b) =>
      callerFor(db, { userId: b.userId })
        .checkout.place({ idempotencyKey: crypto.randomUUID(), addressId: b.addressId, source: { buyNow: { variantId: v.id, quantity: 1 } } })
        .then(
          (r) => ({ ok: true as const, checkoutId: r.checkoutId }),
          (err: unknown) => ({ ok: false as const, code: err instanceof TRPCError ? err.code : String(err), message: String((err as Error).message) }),
        ),
    );
    const { result, lowest } = await lowestStockDuring(v.id, Promise.all(attempts));

    const won = result.filter((r) => r.ok);
    const lost = result.filter((r) => !r.ok);
    expect(won).toHaveLength(20);
    // Every loser gets a clear "sold out" conflict: no 500s, no timeouts.
    expect(new Set(lost.map((r) => r.code))).toEqual(new Set(["CONFLICT"]));
    expect(lost[0].message).toMatch(/sold out|only \d+ left/);

    const userIds = people.map((p) => p.userId);
    expect(await db.checkout.count({ where: { userId: { in: userIds } } })).toBe(20);
    expect(await db.order.count({ where: { userId: { in: userIds } } })).toBe(20);
    const sold = await db.orderItem.aggregate({ where: { variantId: v.id }, _sum: { quantity: true } });
    expect(sold._sum.quantity).toBe(20);
    expect(await stockOf(db, v.id)).toBe(0);
    expect(lowest).toBeGreaterThanOrEqual(0);
  });

  it("does not deadlock when carts hold the same two SKUs and many check out at once", async () => {
    const a = await createSkus(db, { variants: [{ priceFen: 1000, stock: 15 }] });
    const b = await createSkus(db, { variants: [{ priceFen: 1000, stock: 15 }] });
    const people = await buyers(40);
    // Half added A first, half B first.
    await db.cart.createMany({ data: people.map((p) => ({ userId: p.userId })) });
    const carts = await db.cart.findMany({ where: { userId: { in: people.map((p) => p.userId) } }, select: { id: true, userId: true } });
    await db.cartItem.createMany({
      data: carts.flatMap((c, i) => {
        const [first, second] = i % 2 ? [a, b] : [b, a];
        return [
          { cartId: c.id, variantId: first.variants[0].id, quantity: 1, addedPriceFen: 1000, createdAt: new Date(Date.now() - 1000) },
          { cartId: c.id, variantId: second.variants[0].id, quantity: 1, addedPriceFen: 1000 },
        ];
      }),
    });
    const results = await Promise.allSettled(
      people.map((p) => callerFor(db, { userId: p.userId }).checkout.place({ idempotencyKey: crypto.randomUUID(), addressId: p.addressId, source: { cart: true } })),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(15);
    expect(new Set(failures.map((f) => (f.reason as TRPCError).code))).toEqual(new Set(["CONFLICT"]));
    expect(await stockOf(db, a.variants[0].id)).toBe(0);
    expect(await stockOf(db, b.variants[0].id)).toBe(0);
    // Each winner's order has both lines in one shop-order per shop.
    expect(await db.orderItem.count({ where: { variantId: { in: [a.variants[0].id, b.variants[0].id] } } })).toBe(30);
  });
});
