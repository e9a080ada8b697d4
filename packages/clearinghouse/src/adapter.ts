// One adapter per clearinghouse, behind one interface. Pay Now links are only ever built here,
// on the server, from the practice's validated ID: never from a URL someone typed.

export type ClearinghouseCode = 'INSTAMED' | 'WAYSTAR';

export type ParsedId = { ok: true; id: string } | { ok: false; message: string };

export interface ClearinghouseAdapter {
  code: ClearinghouseCode;
  /** Display name, e.g. "InstaMed". */
  name: string;
  /** What the clearinghouse calls the practice's ID. */
  idLabel: string;
  /** Where to find the ID and what it looks like, in the admin's words. */
  idHelp: string;
  idExample: string;
  /** False when this deployment has no hosted page address for this clearinghouse. */
  available: boolean;
  /** True when the hosted page is the local sandbox (no real money moves). */
  sandbox: boolean;
  /** Trims, normalizes and checks an ID as typed; the message is for the admin. */
  parseId(input: string): ParsedId;
  /** The hosted payment page of the practice with this (already parsed) ID. */
  payNowUrl(id: string): string;
}

/** Describes the first character that is not allowed, e.g. `a space`, `"/"`. */
export function describeCharacter(ch: string): string {
  if (ch === ' ') return 'a space';
  if (/\s/.test(ch)) return 'a tab or line break';
  return `"${ch}"`;
}
