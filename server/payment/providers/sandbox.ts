// The built-in sandbox payment provider. It plays both sides of a real provider:
// - the merchant-facing adapter (createPayment, verifyCallback, refund), exactly what a real
//   provider adapter implements;
// - the "provider" itself: its hosted pay page (app/[locale]/sandbox-pay/[paymentId]) decides, and
//   buildSandboxCallback() produces the signed notification it sends to /api/payments/sandbox/callback.
//
// Callbacks are signed like most real providers do: headers `x-sandbox-timestamp` (unix seconds)
// and `x-sandbox-signature` = hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`), checked in
// constant time, and refused when the timestamp is more than five minutes away from now (replay window).
import crypto from "node:crypto";
import { env } from "@/server/env";
import { sandboxCallbackBody, type PaymentEventType } from "@/server/payment/payment.schema";
import type { PaymentProvider, VerifyResult } from "@/server/payment/provider";

export const SANDBOX_PROVIDER = "sandbox";
export const SANDBOX_MERCHANT_NAME = "Interest Mall";
export const SIGNATURE_HEADER = "x-sandbox-signature";
export const TIMESTAMP_HEADER = "x-sandbox-timestamp";
/** Callbacks older (or newer) than this are refused. */
export const REPLAY_WINDOW_S = 5 * 60;

const DEV_SECRET = "interest-mall-sandbox-dev-secret";

/**
 * PAYMENT_SANDBOX_SECRET when set; otherwise derived from AUTH_SECRET (so every process of one
 * deployment agrees without more configuration); otherwise a fixed development constant.
 */
export function sandboxSecret(): string {
  if (env.PAYMENT_SANDBOX_SECRET) return env.PAYMENT_SANDBOX_SECRET;
  if (env.AUTH_SECRET) return crypto.createHmac("sha256", env.AUTH_SECRET).update("payment-sandbox").digest("hex");
  return DEV_SECRET;
}

export function signPayload(secret: string, timestamp: number, rawBody: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

/** Constant-time comparison of two hex signatures; false for anything malformed. */
export function signaturesMatch(expectedHex: string, givenHex: string): boolean {
  if (!/^[0-9a-f]+$/i.test(givenHex) || givenHex.length !== expectedHex.length) return false;
  const a = Buffer.from(expectedHex, "hex");
  const b = Buffer.from(givenHex.toLowerCase(), "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Whether a unix-seconds timestamp lies within the replay window around `now`. */
export function isFresh(timestamp: number, now: Date, windowS = REPLAY_WINDOW_S): boolean {
  return Number.isSafeInteger(timestamp) && Math.abs(now.getTime() / 1000 - timestamp) <= windowS;
}

/** Verifies headers + raw body with `secret`; pure (no I/O), so unit tests drive it directly. */
export function verifySandboxCallback(secret: string, rawBody: string, headers: Headers, now: Date): VerifyResult {
  const tsHeader = headers.get(TIMESTAMP_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!tsHeader || !signature) return { ok: false, status: 400, reason: "Missing signature headers" };
  if (!/^\d{1,12}$/.test(tsHeader)) return { ok: false, status: 400, reason: "Malformed timestamp" };
  const timestamp = Number(tsHeader);
  // Signature first: an attacker learns nothing about freshness rules from unsigned requests.
  if (!signaturesMatch(signPayload(secret, timestamp, rawBody), signature.trim())) {
    return { ok: false, status: 401, reason: "Bad signature" };
  }
  if (!isFresh(timestamp, now)) return { ok: false, status: 400, reason: "Stale timestamp" };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, status: 400, reason: "Body is not JSON" };
  }
  const parsed = sandboxCallbackBody.safeParse(json);
  if (!parsed.success) return { ok: false, status: 400, reason: "Malformed event" };
  const occurredAt = new Date(parsed.data.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) return { ok: false, status: 400, reason: "Malformed occurredAt" };
  return {
    ok: true,
    event: {
      eventId: parsed.data.eventId,
      type: parsed.data.type,
      paymentId: parsed.data.paymentId,
      providerRef: parsed.data.providerRef,
      amountFen: parsed.data.amountFen,
      occurredAt,
      payload: parsed.data as Record<string, unknown>,
    },
  };
}

export interface SandboxCallback {
  rawBody: string;
  headers: Record<string, string>;
}

/** What the sandbox "provider" sends when the payer presses Pay or Fail on its page. */
export function buildSandboxCallback(
  input: { paymentId: string; providerRef: string; amountFen: number; type: PaymentEventType; failureReason?: string },
  options: { now?: Date; secret?: string; eventId?: string } = {},
): SandboxCallback {
  const now = options.now ?? new Date();
  const body = {
    eventId: options.eventId ?? `sbx_evt_${crypto.randomBytes(12).toString("hex")}`,
    type: input.type,
    paymentId: input.paymentId,
    providerRef: input.providerRef,
    amountFen: input.amountFen,
    occurredAt: now.toISOString(),
    ...(input.failureReason ? { failureReason: input.failureReason } : {}),
  };
  const rawBody = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    rawBody,
    headers: {
      "content-type": "application/json",
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signPayload(options.secret ?? sandboxSecret(), timestamp, rawBody),
    },
  };
}

export const sandboxProvider: PaymentProvider = {
  name: SANDBOX_PROVIDER,
  async createPayment({ paymentId }) {
    // The sandbox's hosted page lives on this site; the caller adds the locale prefix.
    return { redirectUrl: `/sandbox-pay/${paymentId}`, providerRef: `sbx_pay_${crypto.randomBytes(10).toString("hex")}` };
  },
  verifyCallback(rawBody, headers, now = new Date()) {
    return verifySandboxCallback(sandboxSecret(), rawBody, headers, now);
  },
  async refund() {
    // The sandbox accepts every refund at once; a real provider would call its refund API here.
    return { providerRefundId: `sbx_rf_${crypto.randomBytes(12).toString("hex")}` };
  },
};
