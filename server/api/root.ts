import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { accountRouter } from "@/server/account/account.router";
import { catalogRouter } from "@/server/catalog/catalog.router";
import { shopRouter } from "@/server/shop/shop.router";
import { searchRouter } from "@/server/search/search.router";
import { afterSaleRouter } from "@/server/aftersale/aftersale.router";
import { reviewRouter } from "@/server/review/review.router";
import { cartRouter } from "@/server/cart/cart.router";
import { addressRouter } from "@/server/address/address.router";
import { checkoutRouter } from "@/server/checkout/checkout.router";
import { paymentRouter } from "@/server/payment/payment.router";
import { orderRouter } from "@/server/order/order.router";
import { sellerOrderRouter } from "@/server/order/seller-order.router";
import { followRouter } from "@/server/social/follow.router";
import { merchantRouter } from "@/server/catalog/merchant.router";
import { affiliateRouter } from "@/server/affiliate/affiliate.router";
import { postRouter } from "@/server/content/post.router";
import { feedRouter } from "@/server/content/feed.router";
import { campaignRouter } from "@/server/marketing/campaign.router";
import { couponRouter } from "@/server/marketing/coupon.router";
import { recoRouter } from "@/server/reco/reco.router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  catalog: catalogRouter,
  shop: shopRouter,
  search: searchRouter,
  afterSale: afterSaleRouter,
  review: reviewRouter,
  cart: cartRouter,
  address: addressRouter,
  checkout: checkoutRouter,
  payment: paymentRouter,
  order: orderRouter,
  sellerOrder: sellerOrderRouter,
  follow: followRouter,
  merchant: merchantRouter,
  affiliate: affiliateRouter,
  post: postRouter,
  feed: feedRouter,
  campaign: campaignRouter,
  coupon: couponRouter,
  reco: recoRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
