import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildSandboxCallback,
  isFresh,
  signaturesMatch,
  signPayload,
  verifySandboxCallback,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from "@/server/payment/providers/sandbox";

const SECRET = "unit-test-secret-0123456789";
const NOW = new Date("2026-03-01T12:00:00Z");
const input = { paymentId: "pay_1", providerRef: "sbx_pay_1", amountFen: 12990, type: "payment.succeeded" as const };

function headersOf(cb: { headers: Record<string, string> }) {
  return new Headers(cb.headers);
}

describe("sandbox callback signing", () => {
  it("signs `${timestamp}.${rawBody}` with HMAC-SHA256, hex", () => {
    const expected = crypto.createHmac("sha256", SECRET).update('1700000000.{"a":1}').digest("hex");
    expect(signPayload(SECRET, 1700000000, '{"a":1}')).toBe(expected);
  });

  it("verifies its own callbacks and returns the parsed event", () => {
    const cb = buildSandboxCallback(input, { now: NOW, secret: SECRET, eventId: "evt_1" });
    expect(cb.headers[TIMESTAMP_HEADER]).toBe(String(NOW.getTime() / 1000));
    const result = verifySandboxCallback(SECRET, cb.rawBody, headersOf(cb), NOW);
    expect(result).toMatchObject({ ok: true, event: { eventId: "evt_1", paymentId: "pay_1", amountFen: 12990, type: "payment.succeeded", occurredAt: NOW } });
  });

  it("rejects a wrong secret, a changed body, a changed timestamp, and a malformed signature with 401", () => {
    const cb = buildSandboxCallback(input, { now: NOW, secret: SECRET });
    expect(verifySandboxCallback("another-secret-9876543210", cb.rawBody, headersOf(cb), NOW)).toMatchObject({ ok: false, status: 401 });
    expect(verifySandboxCallback(SECRET, cb.rawBody.replace("12990", "1"), headersOf(cb), NOW)).toMatchObject({ ok: false, status: 401 });
    const shifted = headersOf(cb);
    shifted.set(TIMESTAMP_HEADER, String(Number(cb.headers[TIMESTAMP_HEADER]) + 1));
    expect(verifySandboxCallback(SECRET, cb.rawBody, shifted, NOW)).toMatchObject({ ok: false, status: 401 });
    for (const bad of ["zz", "", "abc", cb.headers[SIGNATURE_HEADER].slice(2)]) {
      const h = headersOf(cb);
      h.set(SIGNATURE_HEADER, bad);
      expect(verifySandboxCallback(SECRET, cb.rawBody, h, NOW).ok).toBe(false);
    }
  });

  it("accepts an upper-case hex signature (same bytes)", () => {
    const cb = buildSandboxCallback(input, { now: NOW, secret: SECRET });
    const h = headersOf(cb);
    h.set(SIGNATURE_HEADER, cb.headers[SIGNATURE_HEADER].toUpperCase());
    expect(verifySandboxCallback(SECRET, cb.rawBody, h, NOW).ok).toBe(true);
  });

  it("refuses missing headers and malformed bodies with 400", () => {
    const cb = buildSandboxCallback(input, { now: NOW, secret: SECRET });
    expect(verifySandboxCallback(SECRET, cb.rawBody, new Headers(), NOW)).toMatchObject({ ok: false, status: 400 });
    const notJson = "not json";
    const ts = Math.floor(NOW.getTime() / 1000);
    const h = new Headers({ [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signPayload(SECRET, ts, notJson) });
    expect(verifySandboxCallback(SECRET, notJson, h, NOW)).toMatchObject({ ok: false, status: 400 });
    const wrongShape = JSON.stringify({ eventId: "e", type: "payment.refunded", paymentId: "p", providerRef: "r", amountFen: 1, occurredAt: NOW.toISOString() });
    const h2 = new Headers({ [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signPayload(SECRET, ts, wrongShape) });
    expect(verifySandboxCallback(SECRET, wrongShape, h2, NOW)).toMatchObject({ ok: false, status: 400 });
  });
});

describe("replay window", () => {
  it("accepts timestamps within five minutes either way and refuses older or newer ones", () => {
    const ts = Math.floor(NOW.getTime() / 1000);
    expect(isFresh(ts, NOW)).toBe(true);
    expect(isFresh(ts - 300, NOW)).toBe(true);
    expect(isFresh(ts + 300, NOW)).toBe(true);
    expect(isFresh(ts - 301, NOW)).toBe(false);
    expect(isFresh(ts + 301, NOW)).toBe(false);
    expect(isFresh(Number.NaN, NOW)).toBe(false);
  });

  it("a correctly signed but stale callback is refused with 400", () => {
    const old = new Date(NOW.getTime() - 6 * 60_000);
    const cb = buildSandboxCallback(input, { now: old, secret: SECRET });
    expect(verifySandboxCallback(SECRET, cb.rawBody, headersOf(cb), NOW)).toMatchObject({ ok: false, status: 400, reason: "Stale timestamp" });
  });

  it("compares signatures in constant time only when lengths match", () => {
    const sig = signPayload(SECRET, 1, "x");
    expect(signaturesMatch(sig, sig)).toBe(true);
    expect(signaturesMatch(sig, sig.slice(0, -1) + (sig.endsWith("0") ? "1" : "0"))).toBe(false);
    expect(signaturesMatch(sig, sig + "00")).toBe(false);
  });
});
