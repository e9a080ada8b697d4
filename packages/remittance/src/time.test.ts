import { describe, expect, it } from 'vitest';
import { asNewYorkWallClock, compactWallTime, readIsoDateTime, wallTimeToIso } from './time.ts';

describe('New York wall-clock times', () => {
  it.each([
    ['2026-01-15T12:00:00', '2026-01-15T17:00:00.000Z'],
    ['2026-07-15T12:00:00', '2026-07-15T16:00:00.000Z'],
    ['2026-03-08T01:59:59', '2026-03-08T06:59:59.000Z'],
    ['2026-03-08T03:00:00', '2026-03-08T07:00:00.000Z'],
    ['2026-11-01T00:59:59', '2026-11-01T04:59:59.000Z'],
    ['2026-11-01T02:00:00', '2026-11-01T07:00:00.000Z'],
    ['2026-11-25T09:30:15Z', '2026-11-25T09:30:15.000Z'],
    ['2026-11-25T09:30:15-05:00', '2026-11-25T14:30:15.000Z'],
    ['2026-11-25T09:30:15+0130', '2026-11-25T08:00:15.000Z'],
    ['2026-11-25T09:30:15.999Z', '2026-11-25T09:30:15.000Z'],
    ['2026-11-25 09:30', '2026-11-25T14:30:00.000Z'],
  ])('%s -> %s', (text, iso) => {
    expect(readIsoDateTime(text)).toBe(iso);
  });

  it.each(['2026-02-30T10:00:00', '2026-11-25T24:00:00', '2026-11-25', '11/25/2026 10:00', '2026-11-25T10:00:00+25:00', ''])('%j is not a time', (text) => {
    expect(readIsoDateTime(text)).toBeNull();
  });

  it('writes back what it reads, except in the repeated hour', () => {
    const ms = Date.parse('2026-11-25T14:30:15Z');
    expect(compactWallTime(ms)).toBe('20261125093015');
    expect(wallTimeToIso({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 })).toBe('2026-11-01T05:30:00.000Z');
    expect(compactWallTime(Date.parse('2026-11-01T06:30:00Z'))).toBe('20261101013000');
  });

  it('asNewYorkWallClock moves only the second pass of the repeated hour, and drops fractions of a second', () => {
    expect(asNewYorkWallClock('2026-11-01T06:30:00.000Z')).toBe('2026-11-01T05:30:00.000Z');
    expect(asNewYorkWallClock('2026-11-01T05:30:00.000Z')).toBe('2026-11-01T05:30:00.000Z');
    expect(asNewYorkWallClock('2026-11-01T07:00:00.000Z')).toBe('2026-11-01T07:00:00.000Z');
    expect(asNewYorkWallClock('2026-03-08T07:30:00.250Z')).toBe('2026-03-08T07:30:00.000Z');
  });
});
