import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import * as address from "@/server/address/address.service";
import { addressIdInput, addressOutput, createAddressInput, updateAddressInput } from "@/server/address/address.schema";

/** The signed-in shopper's own address book; another user's address id is NOT_FOUND. */
export const addressRouter = createTRPCRouter({
  list: protectedProcedure.output(z.array(addressOutput)).query(({ ctx }) => address.listAddresses(ctx.db, ctx.user.id)),
  create: protectedProcedure.input(createAddressInput).output(addressOutput).mutation(({ ctx, input }) => address.createAddress(ctx.db, ctx.user.id, input)),
  update: protectedProcedure.input(updateAddressInput).output(addressOutput).mutation(({ ctx, input }) => address.updateAddress(ctx.db, ctx.user.id, input)),
  setDefault: protectedProcedure.input(addressIdInput).output(addressOutput).mutation(({ ctx, input }) => address.setDefaultAddress(ctx.db, ctx.user.id, input.id)),
  delete: protectedProcedure
    .input(addressIdInput)
    .output(z.object({ id: z.string(), newDefaultId: z.string().nullable() }))
    .mutation(({ ctx, input }) => address.deleteAddress(ctx.db, ctx.user.id, input.id)),
});
