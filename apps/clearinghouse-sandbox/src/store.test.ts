import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaymentRejected, PaymentStore, type NewSale } from './store.ts';

const sale: NewSale = {
  clearinghouse: 'INSTAMED',
  practiceClearinghouseId: 'DemoGP.Test',
  accountNumber: '100101',
  amountCents: 4010,
  cardType: 'VISA',
  last4: '1111',
  payerName: 'Sofia Rivera',
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('PaymentStore', () => {
  it('round-trips sales and refunds through the JSON file', () => {
    const store = PaymentStore.open(path.join(dir, 'nested'));
    expect(store.list()).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'nested'))).toBe(false); // nothing written before the first change
    const first = store.recordSale(sale);
    const second = store.recordSale({ ...sale, amountCents: 99 });
    const refund = store.recordRefund({ refundOf: first.transactionId, amountCents: 10 });
    expect(first.practiceClearinghouseId).toBe('demogp.test');
    expect(refund).toMatchObject({ type: 'REFUND', refundOf: first.transactionId, accountNumber: '100101', amountCents: 10 });

    const reopened = PaymentStore.open(path.join(dir, 'nested'));
    expect(reopened.list()).toEqual([refund, second, first]);
    expect(reopened.get(first.transactionId)).toEqual(first);
    expect(fs.readdirSync(path.join(dir, 'nested'))).toEqual(['payments.json']); // no temp file left behind

    reopened.clear();
    expect(PaymentStore.open(path.join(dir, 'nested')).list()).toEqual([]);
  });

  it('keeps the order recorded when payments share a millisecond', () => {
    const at = new Date('2026-11-26T12:00:00.000Z');
    const store = new PaymentStore({ now: () => at });
    const ids = [1, 2, 3].map((n) => store.recordSale({ ...sale, amountCents: n }).transactionId);
    expect(store.list().map((p) => p.transactionId)).toEqual(ids.reverse());
  });

  it('filters by clearinghouse and practice, InstaMed IDs case-insensitively', () => {
    const store = new PaymentStore();
    store.recordSale(sale);
    store.recordSale({ ...sale, clearinghouse: 'WAYSTAR', practiceClearinghouseId: 'Site-1' });
    expect(store.list({ practiceClearinghouseId: 'DEMOGP.TEST' })).toHaveLength(1);
    expect(store.list({ practiceClearinghouseId: 'Site-1' })).toHaveLength(1);
    expect(store.list({ practiceClearinghouseId: 'site-1' })).toHaveLength(0);
    expect(store.list({ clearinghouse: 'WAYSTAR' })).toHaveLength(1);
    expect(store.list({ practiceClearinghouseId: 'not valid!' })).toHaveLength(0);
  });

  it('hands out copies: callers cannot change stored payments', () => {
    const store = new PaymentStore();
    const recorded = store.recordSale(sale);
    recorded.amountCents = 1;
    store.list()[0]!.amountCents = 2;
    expect(store.get(recorded.transactionId)!.amountCents).toBe(4010);
  });

  it.each([
    ['zero cents', { amountCents: 0 }],
    ['fractional cents', { amountCents: 1.5 }],
    ['too much', { amountCents: 10_000_001 }],
    ['a bad practice ID', { practiceClearinghouseId: 'a..b' }],
    ['a bad account number', { accountNumber: '' }],
    ['a bad card type', { cardType: 'AMEX' }],
    ['a full card number as last4', { last4: '4111111111111111' }],
    ['an unknown clearinghouse', { clearinghouse: 'ACME' }],
  ])('rejects a sale with %s', (_case, change) => {
    const store = PaymentStore.open(dir);
    expect(() => store.recordSale({ ...sale, ...change } as NewSale)).toThrow(PaymentRejected);
    expect(store.size).toBe(0);
    expect(fs.existsSync(path.join(dir, 'payments.json'))).toBe(false);
  });

  it('rejects refunds of unknown payments, of refunds, and beyond the sale', () => {
    const store = new PaymentStore();
    const original = store.recordSale(sale);
    expect(() => store.recordRefund({ refundOf: 'nope', amountCents: 1 })).toThrow(PaymentRejected);
    store.recordRefund({ refundOf: original.transactionId, amountCents: 4000 });
    expect(() => store.recordRefund({ refundOf: original.transactionId, amountCents: 11 })).toThrow(/10 cents are left/);
    const last = store.recordRefund({ refundOf: original.transactionId, amountCents: 10 });
    expect(() => store.recordRefund({ refundOf: last.transactionId, amountCents: 1 })).toThrow(PaymentRejected);
    expect(store.size).toBe(3);
  });

  it('refuses to start on a damaged file instead of overwriting it', () => {
    const file = path.join(dir, 'payments.json');
    fs.writeFileSync(file, '{"version":1,"payments":[');
    expect(() => PaymentStore.open(dir)).toThrow(/not valid JSON/);
    fs.writeFileSync(file, '{"version":1,"payments":[{"amountCents":"12"}]}');
    expect(() => PaymentStore.open(dir)).toThrow(/not a version 1 sandbox payments file/);
    fs.writeFileSync(file, 'null');
    expect(() => PaymentStore.open(dir)).toThrow(/not a version 1/);
    expect(fs.readFileSync(file, 'utf8')).toBe('null');
  });
});

describe('settlement batches', () => {
  it('puts every unsettled payment of the practice in one batch, and makes none when there is nothing new', () => {
    let now = new Date('2026-11-25T10:00:00.000Z');
    const store = new PaymentStore({ now: () => now });
    const first = store.recordSale(sale);
    const refund = store.recordRefund({ refundOf: first.transactionId, amountCents: 10 });
    store.recordSale({ ...sale, practiceClearinghouseId: 'other.practice' });
    store.recordSale({ ...sale, clearinghouse: 'WAYSTAR', practiceClearinghouseId: 'demogp-test' });
    now = new Date('2026-11-25T23:00:00.000Z');

    const batch = store.settle('INSTAMED', 'DEMOGP.TEST')!;
    expect(batch).toEqual({
      clearinghouse: 'INSTAMED',
      practiceClearinghouseId: 'demogp.test',
      sequence: 1,
      createdAt: '2026-11-25T23:00:00.000Z',
      payments: [first, refund],
    });
    expect(store.settle('INSTAMED', 'demogp.test')).toBeNull();
    expect(store.batchOf(refund.transactionId)).toEqual(batch);

    const later = store.recordSale({ ...sale, amountCents: 1 });
    expect(store.settle('INSTAMED', 'demogp.test')).toMatchObject({ sequence: 2, payments: [later] });
    expect(store.settle('INSTAMED', 'other.practice')).toMatchObject({ sequence: 1 });
    expect(store.batches({ practiceClearinghouseId: 'demogp.test' }).map((b) => b.sequence)).toEqual([1, 2]);
    expect(() => store.settle('INSTAMED', 'not valid!')).toThrow(PaymentRejected);
  });

  it('hands out copies: a batch cannot be changed from outside', () => {
    const store = new PaymentStore();
    store.recordSale(sale);
    const batch = store.settle('INSTAMED', 'demogp.test')!;
    batch.payments[0]!.amountCents = 1;
    store.batches()[0]!.payments.pop();
    expect(store.batches()[0]!.payments[0]!.amountCents).toBe(4010);
  });

  it('round-trips batches through the JSON file, and clear() keeps the sequence numbers', () => {
    const store = PaymentStore.open(dir);
    store.recordSale(sale);
    store.settle('INSTAMED', 'demogp.test');
    const reopened = PaymentStore.open(dir);
    expect(reopened.batches()).toEqual(store.batches());
    expect(reopened.settle('INSTAMED', 'demogp.test')).toBeNull();

    reopened.clear();
    const again = PaymentStore.open(dir);
    expect(again.batches()).toEqual([]);
    expect(again.size).toBe(0);
    again.recordSale(sale);
    expect(again.settle('INSTAMED', 'demogp.test')!.sequence).toBe(2);
  });

  it('reads a file written before batches existed', () => {
    const store = PaymentStore.open(dir);
    const recorded = store.recordSale(sale);
    const file = path.join(dir, 'payments.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, payments: [recorded] }));
    const reopened = PaymentStore.open(dir);
    expect(reopened.list()).toEqual([recorded]);
    expect(reopened.settle('INSTAMED', 'demogp.test')!.sequence).toBe(1);
  });

  it('refuses a file with a damaged batch', () => {
    const store = PaymentStore.open(dir);
    store.recordSale(sale);
    store.settle('INSTAMED', 'demogp.test');
    const file = path.join(dir, 'payments.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.batches[0].sequence = 0;
    fs.writeFileSync(file, JSON.stringify(data));
    expect(() => PaymentStore.open(dir)).toThrow(/not a version 1 sandbox payments file/);
  });
});
