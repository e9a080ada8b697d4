// InstaMed's completion notices (webhook). Authenticated with a shared secret (HTTP Basic
// password or Bearer token), routed to the practice by its Payment ID in the path, stored as a
// report before answering 200. InstaMed retries until it gets a 200, so a retry of a stored
// notice is answered 200 again and stored once. Processing (posting) happens with the reports.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@kinpay/db';
import express from 'express';
import { storeReport } from './reports.ts';

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

/** The practice whose settings now in force name this InstaMed Payment ID. */
async function practiceForPaymentId(db: PrismaClient, paymentId: string) {
  const candidates = await db.clearinghouseSettings.findMany({
    where: { clearinghouse: 'INSTAMED', clearinghouseId: paymentId.toLowerCase() },
    distinct: ['practiceId'],
    select: { practiceId: true },
  });
  for (const { practiceId } of candidates) {
    const current = await db.clearinghouseSettings.findFirst({ where: { practiceId }, orderBy: { version: 'desc' } });
    if (current?.clearinghouse === 'INSTAMED' && current.clearinghouseId === paymentId.toLowerCase()) return practiceId;
  }
  return null;
}

export function webhookRouter(db: PrismaClient, secret: string | undefined) {
  const router = express.Router();
  router.post('/instamed/:paymentId', express.text({ type: '*/*', limit: '64kb' }), async (req, res) => {
    if (!secret) return void res.status(404).json({ error: 'The InstaMed webhook is not enabled on this server.' });
    if (!secretMatches(req.headers.authorization, secret)) return void res.status(401).json({ error: 'Unauthorized.' });
    const practiceId = await practiceForPaymentId(db, req.params.paymentId!);
    if (!practiceId) return void res.status(404).json({ error: 'No practice uses that Payment ID.' });
    const content = typeof req.body === 'string' ? req.body : '';
    if (!content.trim()) return void res.status(400).json({ error: 'Empty notice.' });
    // Keyed by event and transaction, so a retry is stored once; an unreadable notice is kept
    // under its digest and will be marked failed with the reason when processed.
    let sourceKey = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    try {
      const notice = JSON.parse(content) as { EventType?: unknown; TransactionID?: unknown };
      if (typeof notice.EventType === 'string' && typeof notice.TransactionID === 'string') sourceKey = `${notice.EventType}:${notice.TransactionID}`;
    } catch {
      // kept as is
    }
    await storeReport(db, { practiceId, clearinghouse: 'INSTAMED', source: 'WEBHOOK', fileName: `instamed-notice-${sourceKey.replace(/[^\w.-]+/g, '_')}.json`, sourceKey, content });
    res.status(200).json({ ok: true });
  });
  return router;
}
