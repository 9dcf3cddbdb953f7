// Product page: the coupons of the product's shop plus the platform's, claimable inline.
import { CouponStrip } from "@/app/_components/coupon/coupon-strip";

export function ProductCoupons({ shopId }: { shopId: string }) {
  return <CouponStrip shopId={shopId} includePlatform className="mt-3" />;
}
