-- AlterTable
ALTER TABLE "AfterSale" ADD COLUMN     "orderStatusBefore" "OrderStatus";

-- CreateIndex
CREATE INDEX "AfterSale_orderItemId_idx" ON "AfterSale"("orderItemId");

-- CreateIndex
CREATE INDEX "AfterSale_userId_createdAt_idx" ON "AfterSale"("userId", "createdAt");
