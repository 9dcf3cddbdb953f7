import { z } from "zod";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure, sellerProcedure } from "@/server/api/trpc";
import {
  claimableInput,
  claimableOutput,
  claimInput,
  claimOutput,
  createPlatformCouponInput,
  createShopCouponInput,
  deactivateInput,
  managedCoupon,
  managedList,
  manageListInput,
  walletInput,
  walletOutput,
} from "@/server/marketing/coupon.schema";
import * as coupons from "@/server/marketing/coupon.service";

/** Shop sellers manage their shop's coupons (membership checked by the service). */
const sellerCouponRouter = createTRPCRouter({
  list: sellerProcedure.input(manageListInput).output(managedList).query(({ ctx, input }) => coupons.listShopCoupons(ctx.db, ctx.user.id, input.shopId)),
  create: sellerProcedure.input(createShopCouponInput).output(managedCoupon).mutation(({ ctx, input }) => coupons.createShopCoupon(ctx.db, ctx.user.id, input)),
  deactivate: sellerProcedure.input(deactivateInput).output(managedCoupon).mutation(({ ctx, input }) => coupons.deactivateShopCoupon(ctx.db, ctx.user.id, input.couponId)),
});

/** Operators manage platform coupons. */
const adminCouponRouter = createTRPCRouter({
  list: adminProcedure.input(z.object({}).strict().optional()).output(managedList).query(({ ctx }) => coupons.listPlatformCoupons(ctx.db)),
  create: adminProcedure.input(createPlatformCouponInput).output(managedCoupon).mutation(({ ctx, input }) => coupons.createPlatformCoupon(ctx.db, input)),
  deactivate: adminProcedure.input(deactivateInput).output(managedCoupon).mutation(({ ctx, input }) => coupons.deactivatePlatformCoupon(ctx.db, input.couponId)),
});

export const couponRouter = createTRPCRouter({
  claimable: publicProcedure.input(claimableInput).output(claimableOutput).query(({ ctx, input }) => coupons.listClaimable(ctx.db, ctx.user?.id ?? null, input)),
  claim: protectedProcedure.input(claimInput).output(claimOutput).mutation(({ ctx, input }) => coupons.claimCoupon(ctx.db, ctx.user.id, input.couponId)),
  wallet: protectedProcedure.input(walletInput).output(walletOutput).query(({ ctx, input }) => coupons.listWallet(ctx.db, ctx.user.id, input)),
  seller: sellerCouponRouter,
  admin: adminCouponRouter,
});
