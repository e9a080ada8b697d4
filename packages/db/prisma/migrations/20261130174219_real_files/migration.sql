-- AlterEnum
ALTER TYPE "PaymentKind" ADD VALUE 'RETURN';

-- AlterEnum
ALTER TYPE "ReportStatus" ADD VALUE 'RECEIVING';

-- AlterTable
ALTER TABLE "Charge" ALTER COLUMN "amountCents" SET DATA TYPE BIGINT,
ALTER COLUMN "insurancePaidCents" SET DATA TYPE BIGINT,
ALTER COLUMN "adjustmentCents" SET DATA TYPE BIGINT,
ALTER COLUMN "patientPaidCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "CreditAccount" ALTER COLUMN "balanceDueCents" SET DATA TYPE BIGINT,
ALTER COLUMN "creditCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "EbillingPreferences" ADD COLUMN     "instamedMerchantId" TEXT,
ADD COLUMN     "payeeNpi" TEXT,
ADD COLUMN     "testMode" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "waystarAccountName" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "location" TEXT,
ALTER COLUMN "amountCents" SET DATA TYPE BIGINT,
ALTER COLUMN "unappliedCents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "PaymentApplication" ALTER COLUMN "amountCents" SET DATA TYPE BIGINT;

-- AlterTable (edited by hand: reports keep their content, moved below into chunks as UTF-8 bytes)
ALTER TABLE "RemittanceReport" ADD COLUMN     "clearinghouseId" TEXT,
ADD COLUMN     "conflicts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "contentKept" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "formatVersion" TEXT,
ADD COLUMN     "payee" TEXT,
ALTER COLUMN "totalCents" SET DATA TYPE BIGINT;
ALTER TABLE "RemittanceReport" ADD COLUMN "sizeBytes" INTEGER;
UPDATE "RemittanceReport" SET "sizeBytes" = octet_length(convert_to("content", 'UTF8'));
ALTER TABLE "RemittanceReport" ALTER COLUMN "sizeBytes" SET NOT NULL;

-- CreateTable
CREATE TABLE "RemittanceReportChunk" (
    "reportId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "RemittanceReportChunk_pkey" PRIMARY KEY ("reportId","seq")
);

-- Move the contents into chunks (by hand: one chunk each, reports so far are small)
INSERT INTO "RemittanceReportChunk" ("reportId", "seq", "bytes")
SELECT "id", 0, convert_to("content", 'UTF8') FROM "RemittanceReport";
ALTER TABLE "RemittanceReport" DROP COLUMN "content";

-- AddForeignKey
ALTER TABLE "RemittanceReportChunk" ADD CONSTRAINT "RemittanceReportChunk_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "RemittanceReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "PaymentConflict" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "clearinghouse" "Clearinghouse" NOT NULL,
    "transactionId" TEXT NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "accountNumber" TEXT,
    "payerName" TEXT,
    "originalTransactionId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "differences" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "resolutionNote" TEXT,

    CONSTRAINT "PaymentConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClearinghouseAccount" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clearinghouse" "Clearinghouse" NOT NULL,
    "clearinghouseId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClearinghouseAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentConflict_practiceId_resolvedAt_idx" ON "PaymentConflict"("practiceId", "resolvedAt");

-- CreateIndex
CREATE INDEX "PaymentConflict_paymentId_idx" ON "PaymentConflict"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentConflict_reportId_transactionId_kind_key" ON "PaymentConflict"("reportId", "transactionId", "kind");

-- CreateIndex
CREATE INDEX "ClearinghouseAccount_practiceId_idx" ON "ClearinghouseAccount"("practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "ClearinghouseAccount_clearinghouse_clearinghouseId_key" ON "ClearinghouseAccount"("clearinghouse", "clearinghouseId");

-- AddForeignKey
ALTER TABLE "PaymentConflict" ADD CONSTRAINT "PaymentConflict_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentConflict" ADD CONSTRAINT "PaymentConflict_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentConflict" ADD CONSTRAINT "PaymentConflict_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "RemittanceReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClearinghouseAccount" ADD CONSTRAINT "ClearinghouseAccount_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "PaymentNotice" (
    "reportId" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clearinghouse" "Clearinghouse" NOT NULL,
    "transactionId" TEXT NOT NULL,
    "accountNumber" TEXT,
    "amountCents" BIGINT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentNotice_pkey" PRIMARY KEY ("reportId")
);

-- CreateIndex
CREATE INDEX "PaymentNotice_practiceId_accountNumber_idx" ON "PaymentNotice"("practiceId", "accountNumber");

-- AddForeignKey
ALTER TABLE "PaymentNotice" ADD CONSTRAINT "PaymentNotice_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "RemittanceReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (by hand): every practice owns the clearinghouse IDs it uses now. Where two practices
-- used the same ID, the one that set it first keeps it. (No semicolons in comments: the migration
-- engine splits the script on them.)
INSERT INTO "ClearinghouseAccount" ("id", "practiceId", "clearinghouse", "clearinghouseId")
SELECT gen_random_uuid(), s."practiceId", s."clearinghouse", s."clearinghouseId"
FROM (
  SELECT DISTINCT ON ("practiceId") "practiceId", "clearinghouse", "clearinghouseId", "changedAt"
  FROM "ClearinghouseSettings" ORDER BY "practiceId", "version" DESC
) AS s
WHERE s."clearinghouse" IS NOT NULL AND s."clearinghouseId" IS NOT NULL
ORDER BY s."changedAt"
ON CONFLICT ("clearinghouse", "clearinghouseId") DO NOTHING;
