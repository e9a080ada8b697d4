import { describe, expect, it } from 'vitest';
import { asNewYorkWallClock, compactWallTime, isValidWallTime, readIsoDateTime, wallTimeToIso } from './time.ts';

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
    ['2026-11-25T09:30:15+18:00', '2026-11-24T15:30:15.000Z'],
    ['2026-11-25T09:30:15-0959', '2026-11-25T19:29:15.000Z'],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['2999-12-31T23:59:59Z', '2999-12-31T23:59:59.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('%s -> %s', (text, iso) => {
    expect(readIsoDateTime(text)).toBe(iso);
  });

  it.each([
    '2026-02-30T10:00:00',
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-11-31T10:00:00+01:00',
    '2026-11-25T24:00:00',
    '2026-11-25T24:00:00+01:00',
    '2026-11-25T10:60:00Z',
    '2026-11-25T10:00:60Z',
    '2026-00-10T10:00:00Z',
    '2026-13-10T10:00:00Z',
    '2026-11-00T10:00:00Z',
    '1899-12-31T23:59:59Z',
    '3000-01-01T00:00:00Z',
    '2026-11-25',
    '11/25/2026 10:00',
    '2026-11-25T10:00:00+25:00',
    '2026-11-25T10:00:00+19:00',
    '2026-11-25T10:00:00+05:60',
    'x2026-11-25T09:30:15',
    '2026-11-25T09:30:15 EST',
    '',
  ])('%j is not a time', (text) => {
    expect(readIsoDateTime(text)).toBeNull();
  });

  it('writes back what it reads, except in the repeated hour', () => {
    const ms = Date.parse('2026-11-25T14:30:15Z');
    expect(compactWallTime(ms)).toBe('20261125093015');
    expect(wallTimeToIso({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 })).toBe('2026-11-01T05:30:00.000Z');
    expect(compactWallTime(Date.parse('2026-11-01T06:30:00Z'))).toBe('20261101013000');
  });

  it('a wall-clock time in any zone: the earlier instant of a repeated hour, the offset before a gap (east of UTC too)', () => {
    const at = (hour: number, minute: number, month: number, day: number) => ({ year: 2026, month, day, hour, minute, second: 0 });
    // Berlin repeats 02:00-02:59 on 25 October 2026 (CEST, UTC+2, then CET, UTC+1).
    expect(wallTimeToIso(at(2, 30, 10, 25), 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    // Berlin skips 02:00-02:59 on 29 March 2026: read with CET.
    expect(wallTimeToIso(at(2, 30, 3, 29), 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeToIso(at(12, 0, 7, 1), 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(wallTimeToIso(at(12, 0, 7, 1), 'UTC')).toBe('2026-07-01T12:00:00.000Z');
  });

  it('isValidWallTime: a real date and time of day, 1900 to 2999', () => {
    const ok = { year: 2026, month: 11, day: 25, hour: 9, minute: 30, second: 15 };
    expect(isValidWallTime(ok)).toBe(true);
    for (const bad of [
      { hour: -1 },
      { minute: -1 },
      { second: -1 },
      { hour: 24 },
      { day: 0 },
      { month: 0 },
      { month: 13 },
      { year: 1899 },
      { year: 3000 },
      { month: 4, day: 31 },
    ]) {
      expect(isValidWallTime({ ...ok, ...bad }), JSON.stringify(bad)).toBe(false);
    }
  });

  it('asNewYorkWallClock moves only the second pass of the repeated hour, and drops fractions of a second', () => {
    expect(asNewYorkWallClock('2026-11-01T06:30:00.000Z')).toBe('2026-11-01T05:30:00.000Z');
    expect(asNewYorkWallClock('2026-11-01T05:30:00.000Z')).toBe('2026-11-01T05:30:00.000Z');
    expect(asNewYorkWallClock('2026-11-01T07:00:00.000Z')).toBe('2026-11-01T07:00:00.000Z');
    expect(asNewYorkWallClock('2026-03-08T07:30:00.250Z')).toBe('2026-03-08T07:30:00.000Z');
  });
});
