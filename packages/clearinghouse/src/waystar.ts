import { describeCharacter, type ClearinghouseAdapter, type ParsedId } from './adapter.ts';

const MAX_LENGTH = 40;

/**
 * Waystar publishes no public address for its hosted patient payment page: each deployment
 * configures the page's URL template, with `{id}` where the practice's Waystar site ID goes.
 * The site ID is letters, digits and hyphens.
 */
export function parseWaystarSiteId(input: string): ParsedId {
  const id = input.trim();
  if (!id) return { ok: false, message: 'Enter the practice’s Waystar site ID, for example 12345.' };
  const bad = /[^A-Za-z0-9-]/.exec(id);
  if (bad) {
    return {
      ok: false,
      message: `A Waystar site ID has only letters, digits and hyphens; this one has ${describeCharacter(bad[0])}.`,
    };
  }
  if (id.length < 2 || id.length > MAX_LENGTH) {
    return { ok: false, message: `A Waystar site ID is 2 to ${MAX_LENGTH} characters long; this one has ${id.length}.` };
  }
  return { ok: true, id };
}

/** Checks a URL template at start-up so a bad one fails then, not when a parent clicks. */
export function checkWaystarUrlTemplate(template: string): string {
  if (!template.includes('{id}')) throw new Error('WAYSTAR_PAYMENT_URL_TEMPLATE must contain {id}');
  const url = new URL(template.replace('{id}', 'x'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('WAYSTAR_PAYMENT_URL_TEMPLATE must be an http(s) URL');
  }
  return template;
}

export function createWaystarAdapter({ urlTemplate, sandbox }: { urlTemplate: string | undefined; sandbox: boolean }): ClearinghouseAdapter {
  if (urlTemplate) checkWaystarUrlTemplate(urlTemplate);
  return {
    code: 'WAYSTAR',
    name: 'Waystar',
    idLabel: 'Site ID',
    idHelp: 'Your Waystar site ID, from your Waystar patient payments setup: letters, digits and hyphens.',
    idExample: '12345',
    available: Boolean(urlTemplate),
    sandbox,
    parseId: parseWaystarSiteId,
    payNowUrl(id) {
      if (!urlTemplate) throw new Error('Waystar is not available: WAYSTAR_PAYMENT_URL_TEMPLATE is not set');
      return urlTemplate.replace('{id}', encodeURIComponent(id));
    },
  };
}
