import { adminProcedure, createTRPCRouter, protectedProcedure, sellerProcedure } from "@/server/api/trpc";
import * as afterSales from "@/server/aftersale/aftersale.service";
import {
  afterSaleDetail,
  afterSalePage,
  afterSaleResult,
  arbitrateInput,
  escalateInput,
  getInput,
  idInput,
  listForAdminInput,
  listForSellerInput,
  listMineInput,
  quoteInput,
  quoteOutput,
  rejectInput,
  requestAfterSaleInput,
  submitReturnInput,
} from "@/server/aftersale/aftersale.schema";

export const afterSaleRouter = createTRPCRouter({
  // Shopper (the order's buyer; anyone else: NOT_FOUND).
  quote: protectedProcedure
    .input(quoteInput)
    .output(quoteOutput)
    .query(({ ctx, input }) => afterSales.quoteAfterSale(ctx.db, ctx.user.id, input.orderItemId)),
  request: protectedProcedure
    .input(requestAfterSaleInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.requestAfterSale(ctx.db, ctx.user.id, input)),
  withdraw: protectedProcedure
    .input(idInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.withdrawAfterSale(ctx.db, ctx.user.id, input.id)),
  submitReturn: protectedProcedure
    .input(submitReturnInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.submitReturn(ctx.db, ctx.user.id, input)),
  escalate: protectedProcedure
    .input(escalateInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.escalateAfterSale(ctx.db, ctx.user.id, input)),
  listMine: protectedProcedure
    .input(listMineInput)
    .output(afterSalePage)
    .query(({ ctx, input }) => afterSales.listMine(ctx.db, ctx.user.id, input)),

  // Buyer, member of the order's shop, or operator; anyone else: NOT_FOUND.
  get: protectedProcedure
    .input(getInput)
    .output(afterSaleDetail)
    .query(({ ctx, input }) => afterSales.getAfterSale(ctx.db, ctx.user, input.id, input.as)),

  // Seller (member of the order's shop; another shop's seller: FORBIDDEN).
  listForSeller: sellerProcedure
    .input(listForSellerInput)
    .output(afterSalePage)
    .query(({ ctx, input }) => afterSales.listForSeller(ctx.db, ctx.user.id, input)),
  approve: sellerProcedure
    .input(idInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.approveAfterSale(ctx.db, ctx.user.id, input.id)),
  reject: sellerProcedure
    .input(rejectInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.rejectAfterSale(ctx.db, ctx.user.id, input)),
  confirmReceipt: sellerProcedure
    .input(idInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.confirmReturnReceived(ctx.db, ctx.user.id, input.id)),

  // Platform operators.
  listForAdmin: adminProcedure
    .input(listForAdminInput)
    .output(afterSalePage)
    .query(({ ctx, input }) => afterSales.listForAdmin(ctx.db, input)),
  arbitrate: adminProcedure
    .input(arbitrateInput)
    .output(afterSaleResult)
    .mutation(({ ctx, input }) => afterSales.arbitrateAfterSale(ctx.db, ctx.user.id, input)),
});
