// Fixed-window rate limiter. In-process by default; a Redis adapter can implement the same
// interface when REDIS_URL is set (several app instances then share the counts).
export interface RateLimiter {
  /** Counts one hit for `key`; returns whether it is allowed and when the window resets. */
  hit(key: string): Promise<{ allowed: boolean; remaining: number; resetAt: number }>;
  reset(key: string): Promise<void>;
}

export function createMemoryRateLimiter(limit: number, windowMs: number, now = () => Date.now()): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      if (windows.size > 10_000) {
        for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
      }
      return { allowed: w.count <= limit, remaining: Math.max(0, limit - w.count), resetAt: w.resetAt };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
