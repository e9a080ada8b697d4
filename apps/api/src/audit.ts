// The audit trail: who did what, when. Details hold ids and settings, never passwords or card data.
import type { Prisma, PrismaClient } from '@kinpay/db';

export type AuditDb = Pick<PrismaClient, 'auditEvent'> | Prisma.TransactionClient;

export interface AuditEntry {
  practiceId?: string | null;
  actorUserId?: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  detail?: Prisma.InputJsonValue;
}

export async function recordAudit(db: AuditDb, entry: AuditEntry) {
  await db.auditEvent.create({ data: entry });
}
