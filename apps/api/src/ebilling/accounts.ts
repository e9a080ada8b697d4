// Clearinghouse accounts: which practice a clearinghouse ID belongs to. Everything addressed to an
// ID (the report feed, a drop-folder subfolder, a webhook notice) resolves through here to exactly
// one practice, never to whoever asks first.
import type { Clearinghouse, Prisma, PrismaClient } from '@kinpay/db';

type Db = PrismaClient | Prisma.TransactionClient;

export class ClearinghouseIdTaken extends Error {
  constructor(
    readonly clearinghouse: Clearinghouse,
    readonly clearinghouseId: string,
  ) {
    super(`${clearinghouse} ID ${clearinghouseId} belongs to another practice`);
  }
}

/**
 * Makes `clearinghouseId` the practice's (inside the caller's transaction, so a refusal saves
 * nothing). Throws ClearinghouseIdTaken when another practice has it. Lets go of the practice's
 * other IDs at that clearinghouse that nothing was ever received under: a typo does not keep
 * another practice's real ID hostage, while an ID with reports stays with the practice so late
 * files and refunds under it still reach it.
 */
export async function claimClearinghouseId(tx: Prisma.TransactionClient, practiceId: string, clearinghouse: Clearinghouse, clearinghouseId: string) {
  const owner = await tx.clearinghouseAccount.findUnique({ where: { clearinghouse_clearinghouseId: { clearinghouse, clearinghouseId } } });
  if (owner && owner.practiceId !== practiceId) throw new ClearinghouseIdTaken(clearinghouse, clearinghouseId);
  if (!owner) {
    // Two practices claiming the same ID at the same moment: the unique key lets one win.
    const inserted = await tx.$executeRaw`
      INSERT INTO "ClearinghouseAccount" (id, "practiceId", clearinghouse, "clearinghouseId")
      VALUES (gen_random_uuid(), ${practiceId}::uuid, ${clearinghouse}::"Clearinghouse", ${clearinghouseId})
      ON CONFLICT (clearinghouse, "clearinghouseId") DO NOTHING`;
    if (inserted !== 1) throw new ClearinghouseIdTaken(clearinghouse, clearinghouseId);
  }
  await releaseUnusedIds(tx, practiceId, { keep: { clearinghouse, clearinghouseId } });
}

/** Lets go of every ID of the practice nothing was received under, but `keep`. */
export async function releaseUnusedIds(tx: Db, practiceId: string, { keep }: { keep?: { clearinghouse: Clearinghouse; clearinghouseId: string } } = {}) {
  await tx.$executeRaw`
    DELETE FROM "ClearinghouseAccount" a
    WHERE a."practiceId" = ${practiceId}::uuid
      AND NOT (a.clearinghouse::text = ${keep?.clearinghouse ?? ''} AND a."clearinghouseId" = ${keep?.clearinghouseId ?? ''})
      AND NOT EXISTS (
        SELECT 1 FROM "RemittanceReport" r
        WHERE r."practiceId" = a."practiceId" AND r.clearinghouse = a.clearinghouse AND r."clearinghouseId" = a."clearinghouseId")`;
}

/** The practice an ID belongs to, or null. */
export async function practiceOwning(db: Db, clearinghouse: Clearinghouse, clearinghouseId: string): Promise<string | null> {
  const account = await db.clearinghouseAccount.findUnique({ where: { clearinghouse_clearinghouseId: { clearinghouse, clearinghouseId } } });
  return account?.practiceId ?? null;
}

/** Every ID the practice owns (the one in use and earlier ones reports came under). */
export function accountsOf(db: Db, practiceId: string) {
  return db.clearinghouseAccount.findMany({ where: { practiceId }, orderBy: { createdAt: 'asc' } });
}
