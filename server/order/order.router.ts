import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import * as orders from "@/server/order/order.service";
import {
  cancelOrderInput,
  orderCountsOutput,
  orderDetail,
  orderIdInput,
  orderListInput,
  orderListOutput,
} from "@/server/order/order.schema";

const statusOutput = z.object({ id: z.string(), status: z.string() });

/** The signed-in shopper's own orders. */
export const orderRouter = createTRPCRouter({
  list: protectedProcedure
    .input(orderListInput)
    .output(orderListOutput)
    .query(({ ctx, input }) => orders.listOrders(ctx.db, ctx.user.id, input)),
  counts: protectedProcedure.output(orderCountsOutput).query(({ ctx }) => orders.orderCounts(ctx.db, ctx.user.id)),
  get: protectedProcedure
    .input(orderIdInput)
    .output(orderDetail)
    .query(({ ctx, input }) => orders.getOrder(ctx.db, ctx.user.id, input.id)),
  cancel: protectedProcedure
    .input(cancelOrderInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => orders.cancelOrder(ctx.db, ctx.user.id, input)),
  confirmReceipt: protectedProcedure
    .input(orderIdInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => orders.confirmReceipt(ctx.db, ctx.user.id, input)),
});
