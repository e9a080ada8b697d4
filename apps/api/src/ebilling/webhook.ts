// InstaMed's completion notices (webhook), in any of the encodings InstaMed publishes (JSON, XML,
// name-value pairs). Authenticated with a shared secret (HTTP Basic password or Bearer token),
// routed by the Payment ID in the path to the one practice that owns it, and stored as a report
// before answering 200: InstaMed retries until it gets a 200, so a retry of a stored notice is
// answered 200 again and stored once. Posting happens with the reports (Fetch and Process).
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseInstaMedPaymentId } from '@kinpay/clearinghouse';
import type { PrismaClient } from '@kinpay/db';
import { decodeReportBytes, instaMedNoticeKey, parseReport } from '@kinpay/remittance';
import express from 'express';
import { practiceOwning } from './accounts.ts';
import { sourceKeyOf, storeReport } from './reports.ts';

function secretMatches(header: string | undefined, secret: string): boolean {
  if (!header) return false;
  let presented: string | undefined;
  if (header.startsWith('Bearer ')) presented = header.slice(7);
  else if (header.startsWith('Basic ')) presented = Buffer.from(header.slice(6), 'base64').toString().split(':').slice(1).join(':');
  if (presented === undefined) return false;
  // Compare digests: equal length, constant time.
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/** What the notice says about a sale, for the parent's "payment received, being posted". */
function saleOf(bytes: Uint8Array) {
  try {
    const sale = parseReport(decodeReportBytes(bytes), { format: 'INSTAMED_WEBHOOK' }).transactions.find((t) => t.kind === 'SALE');
    return sale ?? null;
  } catch {
    // Unreadable notices are kept and fail, with the reason, when processed.
    return null;
  }
}

export function webhookRouter(db: PrismaClient, secret: string | undefined) {
  const router = express.Router();
  router.post('/instamed/:paymentId', express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    if (!secret) return void res.status(404).json({ error: 'The InstaMed webhook is not enabled on this server.' });
    if (!secretMatches(req.headers.authorization, secret)) return void res.status(401).json({ error: 'Unauthorized.' });
    const paymentId = parseInstaMedPaymentId(req.params.paymentId ?? '');
    const practiceId = paymentId.ok ? await practiceOwning(db, 'INSTAMED', paymentId.id) : null;
    if (!paymentId.ok || !practiceId) return void res.status(404).json({ error: 'No practice uses that Payment ID.' });
    const bytes: Uint8Array = Buffer.isBuffer(req.body) ? req.body : new Uint8Array();
    if (bytes.byteLength === 0) return void res.status(400).json({ error: 'Empty notice.' });
    // Keyed by event and transaction, so a retry is stored once; an unreadable notice is kept
    // under its digest and fails with the reason when processed.
    const text = Buffer.from(bytes).toString('utf8');
    const noticeKey = instaMedNoticeKey(text);
    const sourceKey = noticeKey ? `notice:${noticeKey}` : sourceKeyOf('notice', createHash('sha256').update(bytes).digest('hex'));
    const { report } = await storeReport(db, {
      practiceId,
      clearinghouse: 'INSTAMED',
      clearinghouseId: paymentId.id,
      source: 'WEBHOOK',
      fileName: `instamed-notice-${(noticeKey ?? sourceKey.slice(7, 23)).replace(/[^\w.-]+/g, '_')}`,
      sourceKey,
      content: bytes,
      sizeBytes: bytes.byteLength,
    });
    // Another request is still storing this very notice: InstaMed retries, and the retry finds it whole.
    if (report.status === 'RECEIVING') return void res.status(503).json({ error: 'The notice is being stored; try again.' });
    // Also on a retry: the first try may have stopped between the two writes.
    const sale = report.status === 'RECEIVED' ? saleOf(bytes) : null;
    if (sale) {
      await db.paymentNotice.createMany({
        skipDuplicates: true,
        data: {
          reportId: report.id,
          practiceId,
          clearinghouse: 'INSTAMED',
          transactionId: sale.transactionId,
          accountNumber: sale.accountNumber,
          amountCents: sale.amountCents,
          receivedAt: report.receivedAt,
        },
      });
    }
    res.status(200).json({ ok: true });
  });
  return router;
}
