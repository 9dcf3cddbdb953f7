// Stock moves for orders. ProductVariant.stock is the number of units still available to reserve:
// an order reserves at creation (stock − q), a timeout or cancellation releases (stock + q), and
// payment turns the reservation into a sale (salesCount + q; stock untouched).
//
// The hot-row problem (a flash sale: thousands of buyers on one SKU) is met with one conditional
// statement per line: `UPDATE … SET stock = stock − q WHERE id = … AND stock >= q`. It takes the row
// lock only for the statement's own transaction, never reads-then-writes, and cannot oversell even
// without the CHECK (stock >= 0) that backs it up. Callers run it as late as possible in their
// transaction so the row lock is held for the shortest time.
import type { DbClient } from "@/server/db/client";
import { enqueueSearchSync } from "@/server/search/outbox";

export interface StockLine {
  variantId: string;
  quantity: number;
}

interface StockRow {
  productId: string;
  stock: number;
}

/**
 * Reserves every line or none: returns the variant ids that did not have enough stock (the caller
 * then rolls its transaction back). A SKU that sells out re-syncs its product's in-stock flag in search.
 */
export async function reserveStock(tx: DbClient, lines: readonly StockLine[]): Promise<string[]> {
  const short: string[] = [];
  const soldOut: string[] = [];
  // A fixed order (by id) so two multi-line checkouts can never deadlock on each other's rows.
  for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
    const rows = await tx.$queryRaw<StockRow[]>`
      UPDATE "ProductVariant" SET "stock" = "stock" - ${line.quantity}, "updatedAt" = now()
      WHERE "id" = ${line.variantId} AND "isActive" AND "stock" >= ${line.quantity}
      RETURNING "productId", "stock"`;
    if (rows.length === 0) short.push(line.variantId);
    else if (rows[0].stock === 0) soldOut.push(rows[0].productId);
  }
  if (short.length === 0) await enqueueSearchSync(tx, "product", soldOut);
  return short;
}

/** Puts reserved units back; a SKU back in stock re-syncs its product in search. */
export async function releaseStock(tx: DbClient, lines: readonly StockLine[]): Promise<void> {
  const restocked: string[] = [];
  for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
    const rows = await tx.$queryRaw<StockRow[]>`
      UPDATE "ProductVariant" SET "stock" = "stock" + ${line.quantity}, "updatedAt" = now()
      WHERE "id" = ${line.variantId}
      RETURNING "productId", "stock"`;
    if (rows[0] && rows[0].stock === line.quantity) restocked.push(rows[0].productId);
  }
  await enqueueSearchSync(tx, "product", restocked);
}

/** On payment: reserved units become sales (the product's sales count, used by ranking and search). */
export async function recordSales(tx: DbClient, lines: readonly (StockLine & { productId: string })[]): Promise<void> {
  const byProduct = new Map<string, number>();
  for (const l of lines) byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
  for (const [productId, q] of [...byProduct].sort(([a], [b]) => a.localeCompare(b))) {
    await tx.$executeRaw`UPDATE "Product" SET "salesCount" = "salesCount" + ${q} WHERE "id" = ${productId}`;
  }
}
