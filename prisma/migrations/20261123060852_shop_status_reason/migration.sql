-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "statusReason" TEXT;
