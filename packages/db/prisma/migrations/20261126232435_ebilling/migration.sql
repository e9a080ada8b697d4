-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('SALE', 'REFUND', 'REVERSAL', 'VOID', 'CHARGEBACK');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('POSTED', 'UNMATCHED');

-- CreateEnum
CREATE TYPE "ReportSource" AS ENUM ('CLEARINGHOUSE', 'DROP_FOLDER', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "ReportFormat" AS ENUM ('X12_835', 'IMDPA', 'WAYSTAR_CSV', 'INSTAMED_WEBHOOK');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'FAILED');

-- DropIndex
DROP INDEX "Payment_practiceId_clearinghouse_transactionId_key";

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "accountNumber" TEXT,
ADD COLUMN     "authorizationNumber" TEXT,
ADD COLUMN     "cardType" TEXT,
ADD COLUMN     "kind" "PaymentKind" NOT NULL DEFAULT 'SALE',
ADD COLUMN     "matchedById" UUID,
ADD COLUMN     "payerName" TEXT,
ADD COLUMN     "postedAt" TIMESTAMP(3),
ADD COLUMN     "reportId" UUID,
ADD COLUMN     "reversesPaymentId" UUID,
ADD COLUMN     "status" "PaymentStatus" NOT NULL DEFAULT 'POSTED',
ADD COLUMN     "unappliedCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RemittanceReport" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clearinghouse" "Clearinghouse",
    "source" "ReportSource" NOT NULL,
    "format" "ReportFormat",
    "fileName" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ReportStatus" NOT NULL DEFAULT 'RECEIVED',
    "error" TEXT,
    "processedAt" TIMESTAMP(3),
    "paymentsPosted" INTEGER NOT NULL DEFAULT 0,
    "refundsPosted" INTEGER NOT NULL DEFAULT 0,
    "paymentsUnmatched" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RemittanceReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EbillingPreferences" (
    "practiceId" UUID NOT NULL,
    "agentEnabled" BOOLEAN NOT NULL DEFAULT false,
    "agentIntervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "notificationEmails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "agentLastRunAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "EbillingPreferences_pkey" PRIMARY KEY ("practiceId")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RemittanceReport_practiceId_receivedAt_idx" ON "RemittanceReport"("practiceId", "receivedAt");

-- CreateIndex
CREATE INDEX "RemittanceReport_status_idx" ON "RemittanceReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RemittanceReport_practiceId_source_sourceKey_key" ON "RemittanceReport"("practiceId", "source", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "Payment_practiceId_status_idx" ON "Payment"("practiceId", "status");

-- CreateIndex
CREATE INDEX "Payment_reportId_idx" ON "Payment"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_practiceId_clearinghouse_transactionId_kind_key" ON "Payment"("practiceId", "clearinghouse", "transactionId", "kind");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "RemittanceReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_reversesPaymentId_fkey" FOREIGN KEY ("reversesPaymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemittanceReport" ADD CONSTRAINT "RemittanceReport_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
