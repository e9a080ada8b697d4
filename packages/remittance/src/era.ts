// Insurance remittances (ERAs: payer -> provider 835s) told apart from InstaMed's patient-payment
// 835 (dpa835) by a loose scan that needs no well-formed envelope, so a multi-interchange or
// envelope-less ERA still gets the ERA reason rather than an envelope error.
//
// A transaction set is an ERA when it shows any of (our reading; README "Insurance ERAs"):
//   - CLP06 (claim filing indicator) present and not 09 (self-pay, which the dpa835 writer uses);
//   - SVC, CAS, MIA or MOA segments (service lines and adjustments: claims paid by a payer);
//   - N1*PR whose N103 is not XV (InstaMed's page publishes XV with the Patient Account Number);
//   - TRN03 other than 1999999999 together with BPR01 other than H.

interface SetState {
  era: boolean;
  bpr01: string | null;
  trn03: string | null;
  payerName: string | null;
  payerId: string | null;
  ref2u: string | null;
}

const ERA_SEGMENTS = new Set(['SVC', 'CAS', 'MIA', 'MOA']);
/** The segments the scan looks at; the others are skipped without splitting them. */
const SCANNED = new Set(['ST', 'SE', 'CLP', 'BPR', 'TRN', 'REF', 'N1', ...ERA_SEGMENTS]);
const INSTAMED_ORIGINATOR = '1999999999';

/** The element separator and segment terminator, read loosely (the ISA need not be fixed-width). */
function looseDelimiters(text: string): { element: string; terminator: string } | null {
  if (text.startsWith('ISA')) {
    const element = text[3];
    if (element === undefined || /[A-Za-z0-9\s]/.test(element)) return null;
    let count = 0;
    for (let i = 3; i < Math.min(text.length, 400); i++) {
      if (text[i] === element && ++count === 16) {
        const terminator = text[i + 2];
        return terminator === undefined ? null : { element, terminator: terminator === '\r' ? '\n' : terminator };
      }
    }
    return null;
  }
  if (text.startsWith('ST')) {
    const element = text[2];
    if (element === undefined || /[A-Za-z0-9\s]/.test(element)) return null;
    for (let i = 3; i < Math.min(text.length, 200); i++) {
      const c = text[i]!;
      if (c !== element && !/[A-Za-z0-9 ]/.test(c)) return { element, terminator: c === '\r' ? '\n' : c };
    }
  }
  return null;
}

/**
 * The payer of the first transaction set that looks like an insurance ERA, as "NAME (ID)", or null when
 * none does (or the text is not X12 enough to tell).
 */
export function findInsurancePayer(text: string): string | null {
  const delimiters = looseDelimiters(text);
  if (delimiters === null) return null;
  const { element, terminator } = delimiters;
  // As parse835 reads it: unless a line break ends segments, line breaks are formatting, even inside a
  // segment (a file wrapped at a fixed width).
  const segments = terminator === '\n' ? text.split(/\r\n|\r|\n/) : text.replace(/[\r\n]/g, '').split(terminator);
  // A file cut off mid-segment: its last piece is not a segment to judge by.
  if (terminator !== '\n' && !text.trimEnd().endsWith(terminator)) segments.pop();

  let set: SetState | null = null;
  const verdict = (s: SetState | null): string | null => {
    if (s === null) return null;
    if (!s.era && s.trn03 !== null && s.trn03 !== INSTAMED_ORIGINATOR && s.bpr01 !== null && s.bpr01 !== 'H') s.era = true;
    if (!s.era) return null;
    const id = s.payerId ?? s.ref2u;
    const name = s.payerName ?? 'an unnamed payer';
    return id ? `${name} (${id})` : name;
  };

  for (const raw of segments) {
    const segment = raw.trim();
    const tag = segment.split(element, 1)[0]!;
    // Stryker disable next-line ConditionalExpression: equivalent, only spares splitting segments the branches below ignore
    if (!SCANNED.has(tag)) continue;
    const elements = segment.split(element);
    const el = (n: number) => (elements[n] ?? '').trim();
    if (tag === 'ST') {
      const found = verdict(set);
      if (found) return found;
      set = { era: false, bpr01: null, trn03: null, payerName: null, payerId: null, ref2u: null };
      continue;
    }
    if (set === null) continue;
    if (tag === 'SE') {
      const found = verdict(set);
      if (found) return found;
      set = null;
      continue;
    }
    if (ERA_SEGMENTS.has(tag)) set.era = true;
    else if (tag === 'CLP' && el(6) !== '' && el(6) !== '09') set.era = true;
    // A transaction set has one BPR, one TRN and one N1*PR.
    else if (tag === 'BPR') set.bpr01 = el(1);
    else if (tag === 'TRN') set.trn03 = el(3);
    else if (tag === 'REF' && el(1) === '2U' && set.ref2u === null) set.ref2u = el(2) || null;
    else if (tag === 'N1' && el(1) === 'PR') {
      set.payerName = el(2) || null;
      set.payerId = el(4) || null;
      if (el(3) !== 'XV') set.era = true;
    }
  }
  return verdict(set);
}
