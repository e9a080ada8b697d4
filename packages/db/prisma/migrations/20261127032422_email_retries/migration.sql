-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "EmailMessage_sentAt_nextAttemptAt_idx" ON "EmailMessage"("sentAt", "nextAttemptAt");
