import type { ClearinghouseAdapter, ClearinghouseCode } from './adapter.ts';
import { createInstaMedAdapter, INSTAMED_DEFAULT_BASE_URL } from './instamed.ts';
import { createWaystarAdapter } from './waystar.ts';

export type { ClearinghouseAdapter, ClearinghouseCode, ParsedId } from './adapter.ts';
export { parseInstaMedPaymentId, INSTAMED_DEFAULT_BASE_URL } from './instamed.ts';
export { parseWaystarSiteId, checkWaystarUrlTemplate } from './waystar.ts';

export interface ClearinghouseConfig {
  /** InstaMed's hosted-page origin; the sandbox's in demos and tests. */
  instamedBaseUrl?: string;
  /** Waystar hosted page with `{id}`; Waystar cannot be chosen without it. */
  waystarPaymentUrlTemplate?: string;
  /** The local clearinghouse sandbox's origin, when one runs: links to it are marked as sandbox. */
  sandboxUrl?: string;
}

export type Clearinghouses = Record<ClearinghouseCode, ClearinghouseAdapter>;

export const CLEARINGHOUSE_CODES: readonly ClearinghouseCode[] = ['INSTAMED', 'WAYSTAR'];

export function createClearinghouses(config: ClearinghouseConfig): Clearinghouses {
  const instamedBaseUrl = config.instamedBaseUrl ?? INSTAMED_DEFAULT_BASE_URL;
  const isSandbox = (url: string | undefined) =>
    Boolean(url && config.sandboxUrl && new URL(url.replace('{id}', 'x')).origin === new URL(config.sandboxUrl).origin);
  return {
    INSTAMED: createInstaMedAdapter({ baseUrl: instamedBaseUrl, sandbox: isSandbox(instamedBaseUrl) }),
    WAYSTAR: createWaystarAdapter({
      urlTemplate: config.waystarPaymentUrlTemplate,
      sandbox: isSandbox(config.waystarPaymentUrlTemplate),
    }),
  };
}
