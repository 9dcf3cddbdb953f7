import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import * as payments from "@/server/payment/payment.service";
import {
  cashierInput,
  cashierOutput,
  sandboxDecideInput,
  sandboxDecideOutput,
  sandboxPaymentInput,
  sandboxPaymentOutput,
  startPaymentInput,
  startPaymentOutput,
} from "@/server/payment/payment.schema";

export const paymentRouter = createTRPCRouter({
  /** Pay the pending orders of a checkout (or one order): returns where the browser goes next. */
  start: protectedProcedure
    .input(startPaymentInput)
    .output(startPaymentOutput)
    .mutation(({ ctx, input }) => payments.startPayment(ctx.db, ctx.user.id, input)),
  /** The cashier page: what is due for a checkout, and the latest attempt's outcome. */
  cashier: protectedProcedure
    .input(cashierInput)
    .output(cashierOutput)
    .query(({ ctx, input }) => payments.getCashier(ctx.db, ctx.user.id, input.checkoutId)),
  /** The sandbox provider's hosted page (payer only). */
  sandboxPayment: protectedProcedure
    .input(sandboxPaymentInput)
    .output(sandboxPaymentOutput)
    .query(({ ctx, input }) => payments.getSandboxPayment(ctx.db, ctx.user.id, input.paymentId)),
  /** Pay / Fail on the sandbox page: the sandbox signs the outcome and calls back the mall. */
  sandboxDecide: protectedProcedure
    .input(sandboxDecideInput)
    .output(sandboxDecideOutput)
    .mutation(({ ctx, input }) => payments.decideSandboxPayment(ctx.db, ctx.user.id, input)),
});
