import { describe, expect, it } from "vitest";
import { canSettle, commissionAmount, isFullyReversed, maskOrderNo, reversalFor, settleableAt } from "@/server/affiliate/commission.rules";
import { affiliateRefForVisit, formatAffiliateCookie, isWithinWindow, parseAffiliateCookie, affiliateFromCookieHeader } from "@/server/affiliate/affiliate-cookie";

const DAY = 24 * 60 * 60 * 1000;

describe("commissionAmount", () => {
  it("is floor(rate × line total) in fen", () => {
    expect(commissionAmount(1500, 9999)).toBe(1499);
    expect(commissionAmount(1550, 9999)).toBe(1549);
    expect(commissionAmount(100, 99)).toBe(0);
    expect(commissionAmount(9000, 10000)).toBe(9000);
  });
  it("is never negative", () => {
    expect(commissionAmount(1000, 0)).toBe(0);
    expect(commissionAmount(0, 5000)).toBe(0);
    expect(commissionAmount(1000, -5)).toBe(0);
  });
});

describe("reversalFor", () => {
  it("takes back the refunded share, rounded down", () => {
    expect(reversalFor({ amountFen: 3000, reversedFen: 0 }, 10000, 30000)).toBe(1000);
    expect(reversalFor({ amountFen: 1000, reversedFen: 0 }, 3333, 10000)).toBe(333);
  });
  it("reverses everything left on a full refund and never more than the amount", () => {
    expect(reversalFor({ amountFen: 1000, reversedFen: 333 }, 10000, 10000)).toBe(667);
    expect(reversalFor({ amountFen: 1000, reversedFen: 900 }, 5000, 10000)).toBe(100);
    expect(reversalFor({ amountFen: 1000, reversedFen: 1000 }, 5000, 10000)).toBe(0);
    expect(reversalFor({ amountFen: 1000, reversedFen: 0 }, 0, 10000)).toBe(0);
  });
  it("three thirds add up to the whole", () => {
    let c = { amountFen: 1000, reversedFen: 0 };
    for (const refund of [3333, 3333, 3334]) c = { ...c, reversedFen: c.reversedFen + reversalFor(c, refund, 10000) };
    expect(c.reversedFen).toBeLessThanOrEqual(1000);
    expect(isFullyReversed(c)).toBe(c.reversedFen === 1000);
  });
});

describe("canSettle", () => {
  const completedAt = new Date("2026-01-01T00:00:00Z");
  const base = { status: "PENDING" as const, orderStatus: "COMPLETED", completedAt, openAfterSales: 0 };
  it("waits for the after-sales window to close", () => {
    expect(settleableAt(completedAt, 15).toISOString()).toBe("2026-01-16T00:00:00.000Z");
    expect(canSettle(base, new Date(completedAt.getTime() + 15 * DAY - 1), 15)).toBe(false);
    expect(canSettle(base, new Date(completedAt.getTime() + 15 * DAY), 15)).toBe(true);
  });
  it("never settles unfinished orders, open after-sales or non-pending commissions", () => {
    const later = new Date(completedAt.getTime() + 30 * DAY);
    expect(canSettle({ ...base, orderStatus: "DELIVERED" }, later, 15)).toBe(false);
    expect(canSettle({ ...base, completedAt: null }, later, 15)).toBe(false);
    expect(canSettle({ ...base, openAfterSales: 1 }, later, 15)).toBe(false);
    expect(canSettle({ ...base, status: "REVERSED" }, later, 15)).toBe(false);
    expect(canSettle({ ...base, status: "SETTLED" }, later, 15)).toBe(false);
  });
});

describe("maskOrderNo", () => {
  it("keeps the ends only", () => {
    expect(maskOrderNo("20261123-8F3K2Q")).toBe("2026*******3K2Q");
    expect(maskOrderNo("20261123-8F3K2Q")).not.toContain("1123-8F");
    expect(maskOrderNo("12345")).toBe("*****");
  });
});

describe("affiliate cookie", () => {
  const now = Date.UTC(2026, 10, 23);
  it("round-trips and is strict", () => {
    const ref = { kind: "handle" as const, handle: "xiaoyu_kitchen", at: now };
    expect(parseAffiliateCookie(formatAffiliateCookie(ref))).toEqual(ref);
    expect(parseAffiliateCookie(`c:creator_x|${now}`)).toEqual({ kind: "creator", creatorId: "creator_x", at: now });
    for (const bad of ["", "h:x|1", `h:Bad Handle|${now}`, `x:abc|${now}`, `h:<script>|${now}`, `c:a|${now}|1`, `h:ab|${now}0`]) expect(parseAffiliateCookie(bad)).toBeNull();
    expect(affiliateFromCookieHeader(`mall_vid=abc; mall_aff=${encodeURIComponent(`h:abc|${now}`)}`)).toEqual({ kind: "handle", handle: "abc", at: now });
  });
  it("lasts seven days", () => {
    const ref = { kind: "creator" as const, creatorId: "c1", at: now };
    expect(isWithinWindow(ref, now + 7 * DAY)).toBe(true);
    expect(isWithinWindow(ref, now + 7 * DAY + 1)).toBe(false);
    expect(isWithinWindow(ref, now - 10 * 60_000)).toBe(false);
  });
  it("is set by storefront visits and cr= links only", () => {
    expect(affiliateRefForVisit("/c/xiaoyu_kitchen", new URLSearchParams(), now)).toEqual({ kind: "handle", handle: "xiaoyu_kitchen", at: now });
    expect(affiliateRefForVisit("/en/c/xiaoyu_kitchen", new URLSearchParams(), now)).toMatchObject({ handle: "xiaoyu_kitchen" });
    expect(affiliateRefForVisit("/p/x", new URLSearchParams("ch=storefront&cr=creator_a"), now)).toEqual({ kind: "creator", creatorId: "creator_a", at: now });
    expect(affiliateRefForVisit("/p/x", new URLSearchParams("cr=<b>"), now)).toBeNull();
    expect(affiliateRefForVisit("/c/xiaoyu_kitchen/og-image", new URLSearchParams(), now)).toBeNull();
    expect(affiliateRefForVisit("/search", new URLSearchParams("q=c"), now)).toBeNull();
  });
});
