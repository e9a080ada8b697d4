-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "originalTransactionId" TEXT;

-- CreateIndex
CREATE INDEX "Payment_practiceId_originalTransactionId_idx" ON "Payment"("practiceId", "originalTransactionId");
