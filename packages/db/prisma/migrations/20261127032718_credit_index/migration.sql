-- CreateIndex
CREATE INDEX "CreditAccount_practiceId_creditCents_idx" ON "CreditAccount"("practiceId", "creditCents");
