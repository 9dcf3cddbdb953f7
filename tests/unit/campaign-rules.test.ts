import { describe, expect, it } from "vitest";
import {
  campaignPhase,
  canEnrol,
  canWithdraw,
  countdownTarget,
  discountPercent,
  enrolPriceProblem,
  maxCampaignPriceFen,
  priceChangeProblem,
  regionProblem,
  windowProblem,
  yuanToFen,
} from "@/server/marketing/campaign.rules";
import { countdownClock, countdownParts } from "@/app/_components/campaign/countdown-format";
import { seedDiscountPercent } from "@/prisma/seed/campaigns";

const start = new Date("2026-11-20T00:00:00Z");
const end = new Date("2026-11-27T00:00:00Z");
const w = { startsAt: start, endsAt: end };
const before = new Date("2026-11-19T23:59:59Z");
const during = new Date("2026-11-22T12:00:00Z");

describe("campaign windows", () => {
  it("is upcoming before the start, running from the start, ended from the end", () => {
    expect(campaignPhase(w, before)).toBe("UPCOMING");
    expect(campaignPhase(w, start)).toBe("RUNNING");
    expect(campaignPhase(w, during)).toBe("RUNNING");
    expect(campaignPhase(w, new Date(end.getTime() - 1))).toBe("RUNNING");
    expect(campaignPhase(w, end)).toBe("ENDED");
  });
  it("counts down to the start, then to the end, then to nothing", () => {
    expect(countdownTarget(w, before)).toEqual(start);
    expect(countdownTarget(w, during)).toEqual(end);
    expect(countdownTarget(w, end)).toBeNull();
  });
  it("rejects windows that end before they start or last too long", () => {
    expect(windowProblem(w)).toBeNull();
    expect(windowProblem({ startsAt: end, endsAt: start })?.field).toBe("endsAt");
    expect(windowProblem({ startsAt: start, endsAt: start })?.message).toMatch(/after startsAt/);
    expect(windowProblem({ startsAt: start, endsAt: new Date(start.getTime() + 91 * 86_400_000) })?.message).toMatch(/90 days/);
  });
});

describe("enrolment price", () => {
  it("must be at least the minimum discount below the regular price, rounded down to whole fen", () => {
    expect(maxCampaignPriceFen(9900, 1000)).toBe(8910);
    expect(maxCampaignPriceFen(999, 500)).toBe(949); // 949.05 → 949
    expect(enrolPriceProblem(9900, 8910, 1000)).toBeNull();
    expect(enrolPriceProblem(9900, 8911, 1000)).toMatch(/^price: .*10% below/);
    expect(enrolPriceProblem(9900, 9900, 0)).toBeNull();
  });
  it("must be greater than zero and whole fen", () => {
    expect(enrolPriceProblem(9900, 0, 1000)).toMatch(/greater than 0/);
    expect(enrolPriceProblem(9900, -1, 1000)).toMatch(/greater than 0/);
    expect(enrolPriceProblem(9900, 10.5, 1000)).toMatch(/greater than 0/);
  });
  it("reads yuan as typed into fen without floating point", () => {
    expect(yuanToFen("79")).toBe(7900);
    expect(yuanToFen("79.9")).toBe(7990);
    expect(yuanToFen("¥ 0.07")).toBe(7);
    expect(yuanToFen("1,299.50")).toBe(129950);
    expect(yuanToFen("1.234")).toBeNull();
    expect(yuanToFen("-3")).toBeNull();
    expect(yuanToFen("abc")).toBeNull();
  });
  it("whole-percent discount", () => {
    expect(discountPercent(7920, 9900)).toBe(20);
    expect(discountPercent(9900, 9900)).toBe(0);
    expect(discountPercent(100, 0)).toBe(0);
  });
  it("seed discounts stay within 10–30 %", () => {
    const all = Array.from({ length: 100 }, (_, i) => seedDiscountPercent(i));
    expect(Math.min(...all)).toBe(10);
    expect(Math.max(...all)).toBe(30);
  });
});

describe("who may enrol, withdraw, re-price when", () => {
  it("enrols while open and not ended", () => {
    expect(canEnrol({ ...w, enrolOpen: true }, before)).toBe(true);
    expect(canEnrol({ ...w, enrolOpen: true }, during)).toBe(true);
    expect(canEnrol({ ...w, enrolOpen: true }, end)).toBe(false);
    expect(canEnrol({ ...w, enrolOpen: false }, before)).toBe(false);
  });
  it("withdraws only before the start", () => {
    expect(canWithdraw(w, before)).toBe(true);
    expect(canWithdraw(w, start)).toBe(false);
    expect(canWithdraw(w, end)).toBe(false);
  });
  it("re-prices freely before the start, only downwards while running, never after", () => {
    expect(priceChangeProblem(w, before, 5000, 6000)).toBeNull();
    expect(priceChangeProblem(w, during, 5000, 4000)).toBeNull();
    expect(priceChangeProblem(w, during, 5000, 5000)).toBeNull();
    expect(priceChangeProblem(w, during, 5000, 5001)).toMatch(/^price: .*only be lowered/);
    expect(priceChangeProblem(w, end, 5000, 4000)).toMatch(/^campaignId: .*ended/);
  });
});

describe("origin and regional-goods campaigns", () => {
  it("take only goods of their region (the product's, else its shop's); promotions take anything", () => {
    const origin = { kind: "ORIGIN" as const, regionId: "r1" };
    expect(regionProblem(origin, { regionId: "r1", shopRegionId: null })).toBeNull();
    expect(regionProblem(origin, { regionId: null, shopRegionId: "r1" })).toBeNull();
    expect(regionProblem(origin, { regionId: "r2", shopRegionId: "r1" })).toMatch(/^variantId: /);
    expect(regionProblem({ kind: "REGIONAL_GOODS", regionId: "r1" }, { regionId: null, shopRegionId: null })).toMatch(/region/);
    expect(regionProblem({ kind: "PROMOTION", regionId: null }, { regionId: "r2", shopRegionId: null })).toBeNull();
  });
});

describe("countdown formatting", () => {
  it("splits milliseconds into days and a padded clock", () => {
    const p = countdownParts(((6 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 999);
    expect(p).toEqual({ days: 6, hours: 3, minutes: 4, seconds: 5, done: false });
    expect(countdownClock(p)).toBe("03:04:05");
  });
  it("stops at zero and never goes negative", () => {
    expect(countdownParts(-5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0, done: true });
    expect(countdownClock(countdownParts(999))).toBe("00:00:00");
    expect(countdownParts(1000).done).toBe(false);
  });
});
