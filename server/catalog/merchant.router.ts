// Merchant centre products (tRPC `merchant.*`): editor, automatic first check, list, home, bulk import.
// Who may call: sellers; which shop is theirs is checked by every service (NOT_FOUND for another
// shop's product, FORBIDDEN for another shop).
import { createTRPCRouter, sellerProcedure } from "@/server/api/trpc";
import * as editor from "@/server/catalog/product-editor.service";
import { importProducts } from "@/server/catalog/bulk-import";
import { importInput, importResult } from "@/server/catalog/bulk-import.schema";
import {
  createProductInput,
  editorChoices,
  editorProduct,
  merchantHome,
  merchantProductListInput,
  merchantProductRow,
  productIdInput,
  saveResult,
  submitResult,
  updateProductInput,
} from "@/server/catalog/product-editor.schema";
import { z } from "zod";

export const merchantRouter = createTRPCRouter({
  home: sellerProcedure.output(merchantHome).query(({ ctx }) => editor.getMerchantHome(ctx.db, ctx.user.id)),
  choices: sellerProcedure.output(editorChoices).query(({ ctx }) => editor.listEditorChoices(ctx.db)),
  products: sellerProcedure
    .input(merchantProductListInput)
    .output(z.array(merchantProductRow))
    .query(({ ctx, input }) => editor.listMerchantProducts(ctx.db, ctx.user.id, input)),
  product: sellerProcedure
    .input(productIdInput)
    .output(editorProduct)
    .query(({ ctx, input }) => editor.getEditorProduct(ctx.db, ctx.user.id, input.productId)),
  create: sellerProcedure
    .input(createProductInput)
    .output(saveResult)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => editor.createEditorProduct(tx, ctx.user.id, input))),
  update: sellerProcedure
    .input(updateProductInput)
    .output(saveResult)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => editor.updateEditorProduct(tx, ctx.user.id, input))),
  submit: sellerProcedure
    .input(productIdInput)
    .output(submitResult)
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => editor.submitProduct(tx, ctx.user.id, input.productId))),
  import: sellerProcedure.input(importInput).output(importResult).mutation(({ ctx, input }) => importProducts(ctx.db, ctx.user.id, input)),
});
