// Writer -> reader: what each writer writes, in each format and version, reads back to the same
// transactions (Waystar: the same but for the ID it derives, which is stable and unique).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMDPA_VERSIONS, asNewYorkWallClock, detectFormat, parseReport, write835, writeImdpa, writeInstaMedNotice, writeWaystarCsv } from './index.ts';
import type { PaymentMethod, ReportTransaction, TransactionKind } from './index.ts';

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

/**
 * Whole seconds, 2000-2099, not in the second pass of the hour New York repeats when daylight saving time
 * ends (no wall-clock format can say which; time.test.ts pins asNewYorkWallClock with examples).
 */
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 })
  .map((s) => new Date(s * 1000).toISOString())
  .filter((iso) => asNewYorkWallClock(iso) === iso);
const word = fc.stringMatching(/^[A-Z][a-z'-]{0,9}$/);
const name = (extra: fc.Arbitrary<string> = word) => nullable(fc.array(fc.oneof(word, extra), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')));
const account = nullable(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/).filter((a) => a !== '9999'));
const auth = nullable(fc.stringMatching(/^[0-9A-Z]{1,8}$/));

interface Shape {
  kinds: TransactionKind[];
  methods: PaymentMethod[];
  cardTypes: (method: PaymentMethod) => fc.Arbitrary<string | null>;
  /** What originalTransactionId a kind may carry: null, its own ID, or another's. */
  originals: (kind: TransactionKind) => Array<'null' | 'own' | 'other'>;
  names?: fc.Arbitrary<string | null>;
  /** Whole-second instants the format can carry. */
  instants?: fc.Arbitrary<string>;
}

/** Transactions with unique IDs (an index suffix), and originals from another namespace or their own. */
function transactions(shape: Shape, maxLength = 12): fc.Arbitrary<ReportTransaction[]> {
  const one = fc
    .record({
      kind: fc.constantFrom(...shape.kinds),
      method: fc.constantFrom(...shape.methods),
      seed: fc.integer({ min: 0, max: 1000 }),
      amountCents: fc.oneof(fc.integer({ min: 1, max: 100_000_000 }), fc.constantFrom(1, 99, 100, 100_000_000)),
      accountNumber: account,
      payerName: shape.names ?? name(),
      authorizationNumber: auth,
      occurredAt: shape.instants ?? instant,
      id: hex(24),
      other: hex(20),
      pick: fc.nat(),
    })
    .chain((d) => shape.cardTypes(d.method).map((cardType) => ({ ...d, cardType })));
  return fc.array(one, { maxLength }).map((list) =>
    list.map(({ kind, method, amountCents, accountNumber, payerName, authorizationNumber, occurredAt, id, other, pick, cardType }, index) => {
      const transactionId = `${id}${String(index).padStart(4, '0')}`;
      const choices = shape.originals(kind);
      const choice = choices[pick % choices.length]!;
      const originalTransactionId = choice === 'null' ? null : choice === 'own' ? transactionId : `f${other}${index}`;
      return {
        transactionId,
        kind,
        amountCents,
        accountNumber,
        payerName,
        method,
        cardType,
        authorizationNumber,
        occurredAt,
        originalTransactionId,
        location: '',
      };
    }),
  );
}

const at = <T extends ReportTransaction>(txs: T[], location: (i: number) => string) => txs.map((t, i) => ({ ...t, location: location(i) }));

describe('round trip: parseReport(write(transactions)) gives the same transactions', () => {
  it('X12 835 dpa835, refunds written negative or positive, production or test', () => {
    const shape: Shape = {
      kinds: ['SALE', 'REFUND', 'REVERSAL'],
      methods: ['CARD', 'ACH', 'CASH', 'CHECK'],
      cardTypes: () => fc.constant(null),
      originals: (k) => (k === 'SALE' ? ['null'] : k === 'REFUND' ? ['null', 'other'] : ['own', 'other']),
      names: name().filter((n) => n === null || (n.toLowerCase() !== 'patient' && n.length <= 60)),
      instants: fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => new Date(s * 1000).toISOString()),
    };
    fc.assert(
      fc.property(
        transactions(shape),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.constantFrom('negative' as const, 'positive' as const),
        fc.constantFrom('P' as const, 'T' as const),
        (txs, controlNumber, refundAmounts, usage) => {
          const written = write835(txs, {
            payeeName: 'MAPLE GROVE PEDIATRICS',
            npi: '1467589012',
            controlNumber,
            date: new Date('2026-11-25T23:15:00Z'),
            refundAmounts,
            usage,
          });
          expect(detectFormat(written)?.format).toBe('X12_835');
          const report = parseReport(written);
          // ISA, GS, then 9 segments per transaction set: its CLP is the 8th.
          expect(report.transactions).toEqual(at(txs, (i) => `transaction set ${String(i + 1).padStart(4, '0')} (segment ${10 + 9 * i})`));
          expect(report.test).toBe(usage === 'T');
          expect(report.payee).toEqual({
            npis: txs.length ? ['1467589012'] : [],
            merchantIds: [],
            accountNames: [],
            names: txs.length ? ['MAPLE GROVE PEDIATRICS'] : [],
          });
        },
      ),
    );
  });

  for (const version of IMDPA_VERSIONS) {
    it(`InstaMed EOD Posting File ${version}`, () => {
      const returns12 = !['IMDPA10', 'IMDPA11'].includes(version);
      const shape: Shape = {
        kinds: ['SALE', 'REFUND', 'RETURN', 'VOID', 'CHARGEBACK'],
        methods: ['CARD', 'ACH', 'CASH'],
        cardTypes: (m) => (m === 'CARD' ? nullable(fc.constantFrom('VISA', 'MC', 'AMEX', 'DISCOVER', 'OTHER')) : fc.constant(null)),
        originals: (k) => (k === 'SALE' || k === 'REFUND' ? ['null'] : k === 'RETURN' ? (returns12 ? ['null', 'own'] : ['own']) : ['own']),
      };
      fc.assert(
        fc.property(transactions(shape), (txs) => {
          const hd = version === 'IMDPA12_HD';
          const written = writeImdpa(txs, {
            version,
            merchantId: 'MGPEDS01',
            ...(hd ? { lockboxNumber: '42', captureDate: '20261125' } : {}),
          });
          if (txs.length > 0 || hd) expect(detectFormat(written)?.format).toBe('IMDPA');
          const report = parseReport(written, { format: 'IMDPA' });
          expect(report.transactions).toEqual(at(txs, (i) => `line ${i + 1 + (hd ? 1 : 0)}`));
          expect(report.payee.merchantIds).toEqual(txs.length ? ['MGPEDS01'] : []);
        }),
      );
    });
  }

  it('Waystar Daily Transaction Report: the same but the derived ID, which is stable and unique', () => {
    const shape: Shape = {
      kinds: ['SALE', 'REFUND'],
      methods: ['CARD', 'ACH'],
      cardTypes: (m) => (m === 'CARD' ? nullable(fc.constantFrom('Visa', 'Mastercard', 'American Express', 'Discover')) : fc.constant(null)),
      originals: () => ['null'],
      // Commas and double quotes: the CSV must quote them.
      names: name(fc.stringMatching(/^[A-Z][a-z]{0,5}(,|"[a-z]{1,3}")$/)),
    };
    fc.assert(
      fc.property(transactions(shape), fc.boolean(), (txs, duplicate) => {
        // Sometimes the same payment twice in one file: it must still get two IDs.
        const input = duplicate && txs.length > 0 ? [...txs, txs[0]!] : txs;
        const written = writeWaystarCsv(input, { accountName: 'Maple Grove Pediatrics' });
        expect(detectFormat(written)?.format).toBe('WAYSTAR_CSV');
        const report = parseReport(written);
        const ids = report.transactions.map((t) => t.transactionId);
        expect(report.transactions.map((t) => ({ ...t, transactionId: '' }))).toEqual(
          at(input, (i) => `line ${i + 2}`).map((t) => ({ ...t, transactionId: '' })),
        );
        for (const id of ids) expect(id).toMatch(/^WS-[0-9a-f]{32}(-\d+)?$/);
        expect(new Set(ids).size).toBe(ids.length);
        // Stable: the report written again from what was read derives the same IDs.
        expect(parseReport(writeWaystarCsv(report.transactions, { accountName: 'Maple Grove Pediatrics' })).transactions.map((t) => t.transactionId)).toEqual(
          ids,
        );
      }),
    );
  });

  it('InstaMed notices, JSON, XML and NVP', () => {
    const shape: Shape = {
      kinds: ['SALE', 'VOID', 'REFUND', 'RETURN', 'CHARGEBACK'],
      methods: ['CARD', 'ACH', 'CASH', 'OTHER'],
      cardTypes: () => nullable(fc.constantFrom('VISA', 'MC', 'AMEX & CO', '<DISCOVER>')),
      originals: (k) => (k === 'SALE' ? ['null'] : k === 'VOID' ? ['own', 'other'] : ['null', 'other']),
      names: name(fc.stringMatching(/^[A-Z][a-z]{0,4}[&<>"'=+%]$/)),
      instants: fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => new Date(s * 1000).toISOString()),
    };
    fc.assert(
      fc.property(transactions(shape, 4), fc.constantFrom('json' as const, 'xml' as const, 'nvp' as const), (txs, encoding) => {
        for (const tx of txs) {
          const { body } = writeInstaMedNotice(tx, { encoding, merchantId: 'MGPEDS01' });
          expect(parseReport(body).transactions).toEqual([{ ...tx, location: 'the notice' }]);
        }
      }),
    );
  });
});
