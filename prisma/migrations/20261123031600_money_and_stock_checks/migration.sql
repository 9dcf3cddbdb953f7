-- Invariants the Prisma schema language cannot express. The database enforces them on every write.
-- Stock never goes negative, money is never negative.
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_stock_nonnegative" CHECK ("stock" >= 0);
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_price_nonnegative" CHECK ("priceFen" >= 0);
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_compare_at_nonnegative" CHECK ("compareAtPriceFen" IS NULL OR "compareAtPriceFen" >= 0);
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_purchase_limit_positive" CHECK ("purchaseLimit" IS NULL OR "purchaseLimit" > 0);
