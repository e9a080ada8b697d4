-- CreateIndex
CREATE INDEX "Payment_reversesPaymentId_idx" ON "Payment"("reversesPaymentId");
