// The payment provider port. The sandbox is the built-in adapter; a real provider (Alipay, WeChat
// Pay…) is one more file in ./providers implementing the same three operations.
import type { PaymentEventType } from "@/server/payment/payment.schema";

export interface CreatePaymentInput {
  paymentId: string;
  amountFen: number;
  /** Shown on the provider's page, e.g. "Interest Mall order 20261123-8F3K2Q". */
  description: string;
}

export interface CreatedPayment {
  /** Where the shopper's browser goes to pay: an absolute URL, or a path on this site (sandbox). */
  redirectUrl: string;
  /** The provider's own reference for this payment. */
  providerRef: string;
}

/** A callback whose signature and freshness the provider adapter has checked. */
export interface VerifiedPaymentEvent {
  eventId: string;
  type: PaymentEventType;
  paymentId: string;
  providerRef: string;
  amountFen: number;
  occurredAt: Date;
  /** The parsed body, stored with the PaymentEvent. */
  payload: Record<string, unknown>;
}

export type VerifyResult =
  | { ok: true; event: VerifiedPaymentEvent }
  /** `status` is the HTTP status the callback route answers with (400 stale/malformed, 401 bad signature). */
  | { ok: false; status: 400 | 401; reason: string };

export interface RefundInput {
  paymentId: string;
  providerRef: string | null;
  amountFen: number;
  reason: string;
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  /** Checks the raw callback body (exactly as received) and its headers. Never throws for bad input. */
  verifyCallback(rawBody: string, headers: Headers, now?: Date): VerifyResult;
  /** Gives money back to the payer; resolves once the provider accepted it. */
  refund(input: RefundInput): Promise<{ providerRefundId: string }>;
}
