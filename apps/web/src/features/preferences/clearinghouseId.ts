// Instant feedback with the same parse functions the server uses; the server checks again and
// its message wins.
import { parseInstaMedPaymentId, parseWaystarSiteId, type ParsedId } from '@kinpay/clearinghouse';
import type { Clearinghouse } from '../../gql/graphql.ts';

const parsers: Record<Clearinghouse, (input: string) => ParsedId> = {
  INSTAMED: parseInstaMedPaymentId,
  WAYSTAR: parseWaystarSiteId,
};

export interface IdOption {
  name: string;
  idLabel: string;
}

/** `true` when the ID may be saved, otherwise the message for the admin. */
export function checkClearinghouseId(
  clearinghouse: Clearinghouse | '',
  typed: string,
  onlinePaymentsEnabled: boolean,
  option: IdOption | undefined,
): true | string {
  if (!clearinghouse) return true; // the clearinghouse choice reports its own problem
  const id = typed.trim();
  if (!id) {
    if (!onlinePaymentsEnabled) return true;
    const what = option ? `${option.name} ${option.idLabel}` : 'clearinghouse ID';
    return `Enter the practice’s ${what} to turn on online payments.`;
  }
  const parsed = parsers[clearinghouse](id);
  return parsed.ok ? true : parsed.message;
}
