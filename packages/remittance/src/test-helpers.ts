import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ReportFormatError, parseReport } from './index.ts';
import type { ReportFormat } from './index.ts';

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
