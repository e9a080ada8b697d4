import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ReportFormatError, parseReport } from './index.ts';
import type { ReportFormat, ReportTransaction } from './index.ts';

/** A fixture from packages/remittance/fixtures, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
}

/** Runs fn and returns the error it throws (fails the test if it does not throw). */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected an error, but none was thrown');
}

/** The message parseReport refuses `content` with; fails the test unless it is a ReportFormatError. */
export function rejection(content: string, format?: ReportFormat): string {
  const error = errorOf(() => parseReport(content, format === undefined ? {} : { format }));
  expect(error).toBeInstanceOf(ReportFormatError);
  return error.message;
}

/**
 * A $40.00 card sale by Sofia Rivera for account 100234, at 9:30:15 in New York on 25 November 2026
 * (EST, UTC-5): the transaction the format tests write and read; each overrides what it is about.
 */
export function saleBySofia(overrides: Partial<ReportTransaction> = {}): ReportTransaction {
  return {
    transactionId: '7f3a9c2e4b1d4e8f9a0b1c2d3e4f5a6b',
    kind: 'SALE',
    amountCents: 4000,
    accountNumber: '100234',
    payerName: 'Sofia Rivera',
    method: 'CARD',
    cardType: null,
    authorizationNumber: '083421',
    occurredAt: '2026-11-25T14:30:15.000Z',
    originalTransactionId: null,
    location: 'x',
    ...overrides,
  };
}
