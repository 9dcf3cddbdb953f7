import { z } from "zod";

export const PAYMENT_EVENT_TYPES = ["payment.succeeded", "payment.failed"] as const;
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

const id = z.string().trim().min(1, "Required").max(64, "Too long");

/** Pay the pending orders of a checkout, or one pending order later from the order page. */
export const startPaymentInput = z
  .object({ checkoutId: id.optional(), orderId: id.optional() })
  .refine((v) => (v.checkoutId ? 1 : 0) + (v.orderId ? 1 : 0) === 1, {
    message: "Give either checkoutId or orderId",
    path: ["checkoutId"],
  });
export type StartPaymentInput = z.infer<typeof startPaymentInput>;

export const startPaymentOutput = z.object({ paymentId: z.string(), redirectUrl: z.string() });

export const cashierInput = z.object({ checkoutId: id });

const orderSummary = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: z.string(),
  shopNameZh: z.string(),
  shopNameEn: z.string(),
  totalFen: z.number().int(),
  itemCount: z.number().int(),
  payBy: z.date(),
});

export const cashierOutput = z.object({
  checkoutId: z.string(),
  /** What is still to pay: pending orders not past their deadline. */
  amountDueFen: z.number().int(),
  payBy: z.date().nullable(),
  orders: z.array(orderSummary),
  /** paid: every order of the checkout is paid (or beyond); expired: nothing left to pay. */
  state: z.enum(["due", "paid", "expired"]),
  lastPayment: z
    .object({ id: z.string(), status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]), failureReason: z.string().nullable() })
    .nullable(),
});

export const sandboxPaymentInput = z.object({ paymentId: id });

export const sandboxPaymentOutput = z.object({
  paymentId: z.string(),
  providerRef: z.string(),
  merchantName: z.string(),
  amountFen: z.number().int(),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  checkoutId: z.string(),
  orderNos: z.array(z.string()),
  createdAt: z.date(),
});

export const sandboxDecideInput = z.object({ paymentId: id, outcome: z.enum(["succeed", "fail"]) });
export const sandboxDecideOutput = z.object({
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
  checkoutId: z.string(),
});

/** The sandbox provider's callback body. */
export const sandboxCallbackBody = z.object({
  eventId: z.string().min(1).max(100),
  type: z.enum(PAYMENT_EVENT_TYPES),
  paymentId: z.string().min(1).max(64),
  providerRef: z.string().min(1).max(100),
  amountFen: z.number().int().min(0),
  occurredAt: z.string().min(1),
  failureReason: z.string().max(200).optional(),
});
export type SandboxCallbackBody = z.infer<typeof sandboxCallbackBody>;
