import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "@/server/cache/rate-limit";

describe("sign-in rate limiter", () => {
  it("allows `limit` hits per window, then refuses until the window passes", async () => {
    let now = 1_000;
    const limiter = createMemoryRateLimiter(3, 60_000, () => now);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await limiter.hit("a@x|1.2.3.4")).allowed);
    expect(results).toEqual([true, true, true, false]);
    expect((await limiter.hit("b@x|1.2.3.4")).allowed).toBe(true);
    now += 60_001;
    expect((await limiter.hit("a@x|1.2.3.4")).allowed).toBe(true);
  });

  it("starts over after a reset (successful sign-in)", async () => {
    const limiter = createMemoryRateLimiter(1, 60_000);
    await limiter.hit("k");
    expect((await limiter.hit("k")).allowed).toBe(false);
    await limiter.reset("k");
    expect((await limiter.hit("k")).allowed).toBe(true);
  });
});
