-- CreateEnum
CREATE TYPE "PostKind" AS ENUM ('VIDEO', 'IMAGE');

-- CreateEnum
CREATE TYPE "PostStatus" AS ENUM ('PUBLISHED', 'HIDDEN', 'REMOVED');

-- CreateEnum
CREATE TYPE "InterestEventKind" AS ENUM ('IMPRESSION', 'VIEW', 'COMPLETE', 'LIKE', 'UNLIKE', 'SHARE', 'FOLLOW', 'PRODUCT_CLICK', 'ADD_TO_CART', 'PURCHASE', 'SEARCH');

-- CreateEnum
CREATE TYPE "CommissionStatus" AS ENUM ('PENDING', 'SETTLED', 'REVERSED');

-- CreateEnum
CREATE TYPE "ShopSectionKind" AS ENUM ('BANNER', 'FEATURED_PRODUCTS', 'COUPON_STRIP', 'CATEGORY_BLOCK', 'RICH_TEXT');

-- CreateEnum
CREATE TYPE "CouponScope" AS ENUM ('SHOP', 'PLATFORM');

-- CreateEnum
CREATE TYPE "CouponKind" AS ENUM ('FIXED', 'PERCENT', 'THRESHOLD');

-- CreateEnum
CREATE TYPE "UserCouponStatus" AS ENUM ('AVAILABLE', 'USED');

-- CreateEnum
CREATE TYPE "CampaignKind" AS ENUM ('PROMOTION', 'ORIGIN', 'REGIONAL_GOODS');

-- CreateEnum
CREATE TYPE "LiveSessionStatus" AS ENUM ('SCHEDULED', 'LIVE', 'ENDED');

-- AlterTable
ALTER TABLE "ProductVariant" ADD COLUMN     "memberPriceFen" INTEGER;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "logisticsScoreX100" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN     "qualityScoreX100" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN     "serviceScoreX100" INTEGER NOT NULL DEFAULT 480;

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL,
    "kind" "PostKind" NOT NULL DEFAULT 'VIDEO',
    "status" "PostStatus" NOT NULL DEFAULT 'PUBLISHED',
    "authorUserId" TEXT NOT NULL,
    "creatorId" TEXT,
    "shopId" TEXT,
    "caption" TEXT NOT NULL DEFAULT '',
    "hashtags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "videoUrl" TEXT,
    "posterUrl" TEXT NOT NULL,
    "imageUrls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "width" INTEGER NOT NULL DEFAULT 720,
    "height" INTEGER NOT NULL DEFAULT 1280,
    "categoryId" TEXT,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "completionCount" INTEGER NOT NULL DEFAULT 0,
    "likeCount" INTEGER NOT NULL DEFAULT 0,
    "shareCount" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostProduct" (
    "postId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PostProduct_pkey" PRIMARY KEY ("postId","productId")
);

-- CreateTable
CREATE TABLE "PostLike" (
    "postId" TEXT NOT NULL,
    "actorKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostLike_pkey" PRIMARY KEY ("postId","actorKey")
);

-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "creatorId" TEXT,
    "shopId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterestEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorKey" TEXT NOT NULL,
    "userId" TEXT,
    "visitorId" TEXT,
    "kind" "InterestEventKind" NOT NULL,
    "postId" TEXT,
    "productId" TEXT,
    "creatorId" TEXT,
    "shopId" TEXT,
    "categoryId" TEXT,
    "dwellMs" INTEGER,
    "query" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterestProfile" (
    "actorKey" TEXT NOT NULL,
    "userId" TEXT,
    "longTerm" JSONB NOT NULL DEFAULT '{}',
    "longUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "instant" JSONB NOT NULL DEFAULT '{}',
    "instantUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "satisfied" JSONB NOT NULL DEFAULT '{}',
    "recentPostIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recentProductIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterestProfile_pkey" PRIMARY KEY ("actorKey")
);

-- CreateTable
CREATE TABLE "ShowcaseItem" (
    "creatorId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "pitch" TEXT NOT NULL DEFAULT '',
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowcaseItem_pkey" PRIMARY KEY ("creatorId","productId")
);

-- CreateTable
CREATE TABLE "CommissionPlan" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "productId" TEXT,
    "rateBp" INTEGER NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommissionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commission" (
    "id" TEXT NOT NULL,
    "orderItemId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "channel" "AttributionChannel" NOT NULL,
    "rateBp" INTEGER NOT NULL,
    "baseFen" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "reversedFen" INTEGER NOT NULL DEFAULT 0,
    "status" "CommissionStatus" NOT NULL DEFAULT 'PENDING',
    "settledAt" TIMESTAMP(3),
    "reversedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSection" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ShopSectionKind" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopMembership" (
    "shopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopMembership_pkey" PRIMARY KEY ("shopId","userId")
);

-- CreateTable
CREATE TABLE "Coupon" (
    "id" TEXT NOT NULL,
    "scope" "CouponScope" NOT NULL,
    "shopId" TEXT,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "kind" "CouponKind" NOT NULL,
    "amountFen" INTEGER NOT NULL DEFAULT 0,
    "percentOff" INTEGER NOT NULL DEFAULT 0,
    "thresholdFen" INTEGER NOT NULL DEFAULT 0,
    "maxDiscountFen" INTEGER,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "totalQuantity" INTEGER NOT NULL,
    "claimedCount" INTEGER NOT NULL DEFAULT 0,
    "perUserLimit" INTEGER NOT NULL DEFAULT 1,
    "memberOnly" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserCoupon" (
    "id" TEXT NOT NULL,
    "couponId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "status" "UserCouponStatus" NOT NULL DEFAULT 'AVAILABLE',
    "checkoutId" TEXT,
    "usedAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserCoupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "CampaignKind" NOT NULL DEFAULT 'PROMOTION',
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "subtitleZh" TEXT NOT NULL DEFAULT '',
    "subtitleEn" TEXT NOT NULL DEFAULT '',
    "descriptionZh" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "bannerUrl" TEXT NOT NULL,
    "themeColor" TEXT NOT NULL DEFAULT '#fe2c55',
    "regionId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "enrolOpen" BOOLEAN NOT NULL DEFAULT true,
    "minDiscountBp" INTEGER NOT NULL DEFAULT 500,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignItem" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "campaignPriceFen" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveSession" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT,
    "shopId" TEXT,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "scheduledStartAt" TIMESTAMP(3) NOT NULL,
    "status" "LiveSessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Post_status_publishedAt_idx" ON "Post"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Post_creatorId_publishedAt_idx" ON "Post"("creatorId", "publishedAt");

-- CreateIndex
CREATE INDEX "Post_shopId_publishedAt_idx" ON "Post"("shopId", "publishedAt");

-- CreateIndex
CREATE INDEX "Post_categoryId_status_idx" ON "Post"("categoryId", "status");

-- CreateIndex
CREATE INDEX "PostProduct_productId_idx" ON "PostProduct"("productId");

-- CreateIndex
CREATE INDEX "PostLike_actorKey_createdAt_idx" ON "PostLike"("actorKey", "createdAt");

-- CreateIndex
CREATE INDEX "Follow_creatorId_idx" ON "Follow"("creatorId");

-- CreateIndex
CREATE INDEX "Follow_shopId_idx" ON "Follow"("shopId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_creatorId_key" ON "Follow"("userId", "creatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_shopId_key" ON "Follow"("userId", "shopId");

-- CreateIndex
CREATE INDEX "InterestEvent_actorKey_createdAt_idx" ON "InterestEvent"("actorKey", "createdAt");

-- CreateIndex
CREATE INDEX "InterestEvent_createdAt_idx" ON "InterestEvent"("createdAt");

-- CreateIndex
CREATE INDEX "InterestEvent_productId_createdAt_idx" ON "InterestEvent"("productId", "createdAt");

-- CreateIndex
CREATE INDEX "InterestEvent_postId_createdAt_idx" ON "InterestEvent"("postId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InterestProfile_userId_key" ON "InterestProfile"("userId");

-- CreateIndex
CREATE INDEX "ShowcaseItem_creatorId_position_idx" ON "ShowcaseItem"("creatorId", "position");

-- CreateIndex
CREATE INDEX "ShowcaseItem_productId_idx" ON "ShowcaseItem"("productId");

-- CreateIndex
CREATE INDEX "CommissionPlan_productId_idx" ON "CommissionPlan"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionPlan_shopId_productId_key" ON "CommissionPlan"("shopId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Commission_orderItemId_key" ON "Commission"("orderItemId");

-- CreateIndex
CREATE INDEX "Commission_creatorId_status_createdAt_idx" ON "Commission"("creatorId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Commission_status_createdAt_idx" ON "Commission"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Commission_orderId_idx" ON "Commission"("orderId");

-- CreateIndex
CREATE INDEX "ShopSection_shopId_position_idx" ON "ShopSection"("shopId", "position");

-- CreateIndex
CREATE INDEX "ShopMembership_userId_idx" ON "ShopMembership"("userId");

-- CreateIndex
CREATE INDEX "Coupon_shopId_isActive_endsAt_idx" ON "Coupon"("shopId", "isActive", "endsAt");

-- CreateIndex
CREATE INDEX "Coupon_scope_isActive_endsAt_idx" ON "Coupon"("scope", "isActive", "endsAt");

-- CreateIndex
CREATE INDEX "UserCoupon_userId_status_idx" ON "UserCoupon"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "UserCoupon_couponId_userId_seq_key" ON "UserCoupon"("couponId", "userId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE INDEX "Campaign_startsAt_endsAt_idx" ON "Campaign"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "CampaignItem_variantId_idx" ON "CampaignItem"("variantId");

-- CreateIndex
CREATE INDEX "CampaignItem_productId_idx" ON "CampaignItem"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignItem_campaignId_variantId_key" ON "CampaignItem"("campaignId", "variantId");

-- CreateIndex
CREATE INDEX "LiveSession_creatorId_scheduledStartAt_idx" ON "LiveSession"("creatorId", "scheduledStartAt");

-- CreateIndex
CREATE INDEX "LiveSession_shopId_scheduledStartAt_idx" ON "LiveSession"("shopId", "scheduledStartAt");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "CreatorProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostProduct" ADD CONSTRAINT "PostProduct_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostProduct" ADD CONSTRAINT "PostProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostLike" ADD CONSTRAINT "PostLike_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "CreatorProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseItem" ADD CONSTRAINT "ShowcaseItem_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "CreatorProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowcaseItem" ADD CONSTRAINT "ShowcaseItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionPlan" ADD CONSTRAINT "CommissionPlan_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionPlan" ADD CONSTRAINT "CommissionPlan_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "CreatorProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopSection" ADD CONSTRAINT "ShopSection_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopMembership" ADD CONSTRAINT "ShopMembership_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopMembership" ADD CONSTRAINT "ShopMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCoupon" ADD CONSTRAINT "UserCoupon_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserCoupon" ADD CONSTRAINT "UserCoupon_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignItem" ADD CONSTRAINT "CampaignItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignItem" ADD CONSTRAINT "CampaignItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignItem" ADD CONSTRAINT "CampaignItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "CreatorProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules the Prisma schema cannot express.
-- One shop-wide commission plan per shop (productId NULL is not covered by the unique index above).
CREATE UNIQUE INDEX "CommissionPlan_shop_wide_unique" ON "CommissionPlan"("shopId") WHERE "productId" IS NULL;
ALTER TABLE "CommissionPlan" ADD CONSTRAINT "CommissionPlan_rate_range" CHECK ("rateBp" >= 1 AND "rateBp" <= 9000);
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_amounts_valid" CHECK ("amountFen" >= 0 AND "reversedFen" >= 0 AND "reversedFen" <= "amountFen");
-- A post belongs to exactly one of a creator and a shop, and a follow targets exactly one of them.
ALTER TABLE "Post" ADD CONSTRAINT "Post_one_owner" CHECK (("creatorId" IS NULL) <> ("shopId" IS NULL));
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_one_target" CHECK (("creatorId" IS NULL) <> ("shopId" IS NULL));
-- Coupons can never be over-claimed and their amounts make sense.
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_claims_within_total" CHECK ("claimedCount" >= 0 AND "claimedCount" <= "totalQuantity");
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_amounts_valid" CHECK ("amountFen" >= 0 AND "thresholdFen" >= 0 AND "percentOff" >= 0 AND "percentOff" < 100 AND "perUserLimit" >= 1);
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_window_valid" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_scope_shop" CHECK (("scope" = 'SHOP') = ("shopId" IS NOT NULL));
ALTER TABLE "CampaignItem" ADD CONSTRAINT "CampaignItem_price_positive" CHECK ("campaignPriceFen" > 0);
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_member_price_positive" CHECK ("memberPriceFen" IS NULL OR "memberPriceFen" > 0);
