// A counting semaphore: at most `limit` holders at once, the rest wait in arrival order.
//
// Checkout admits a bounded number of placements per process, for two reasons seen in a flash sale
// (thousands of buyers of one SKU at the same moment):
// - unbounded, every buyer's reads interleave on the connection pool (each waits behind all the
//   others' first query, then all the others' second…), so all of them see stock before any order
//   commits, and all of them write an order only to roll it back;
// - the transactions that do reach the stock UPDATE queue on that one row's lock, and every commit
//   wakes all the waiters to fight for it again: the more waiters, the slower each sale.
// Admitted a few at a time, each buyer runs start to finish in milliseconds, and once the stock is
// gone the rest learn it from one cheap read. (Across processes the database still decides: the
// conditional UPDATE never oversells.)
export class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`Gate limit must be a positive integer, got ${limit}`);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter (active stays the same), or free it.
      if (next) next();
      else this.active--;
    }
  }

  /** Holders and waiters right now (for tests and diagnostics). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
