import { z } from "zod";
import { createTRPCRouter, sellerProcedure } from "@/server/api/trpc";
import * as sellerOrders from "@/server/order/seller-order.service";
import {
  sellerOrderDetail,
  sellerOrderListInput,
  sellerOrderListOutput,
  sellerShopsOutput,
  shipOrderInput,
  shipOrderOutput,
} from "@/server/order/order.schema";

/** Orders of the shops the signed-in seller is a member of. */
export const sellerOrderRouter = createTRPCRouter({
  shops: sellerProcedure.output(sellerShopsOutput).query(({ ctx }) => sellerOrders.listSellerShops(ctx.db, ctx.user.id)),
  list: sellerProcedure
    .input(sellerOrderListInput)
    .output(sellerOrderListOutput)
    .query(({ ctx, input }) => sellerOrders.listSellerOrders(ctx.db, ctx.user.id, input)),
  get: sellerProcedure
    .input(z.object({ id: z.string().trim().min(1, "id is required").max(64) }))
    .output(sellerOrderDetail)
    .query(({ ctx, input }) => sellerOrders.getSellerOrder(ctx.db, ctx.user.id, input.id)),
  ship: sellerProcedure
    .input(shipOrderInput)
    .output(shipOrderOutput)
    .mutation(({ ctx, input }) => sellerOrders.shipOrder(ctx.db, ctx.user.id, input)),
});
