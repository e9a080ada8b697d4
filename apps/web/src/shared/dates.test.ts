import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './dates.ts';

describe('formatCalendarDate', () => {
  it('formats a calendar date without shifting it across time zones', () => {
    expect(formatCalendarDate('2019-03-04')).toBe('Mar 4, 2019');
    expect(formatCalendarDate('2020-01-01')).toBe('Jan 1, 2020');
    expect(formatCalendarDate('2018-12-31')).toBe('Dec 31, 2018');
  });

  it('leaves anything else as it is', () => {
    expect(formatCalendarDate('soon')).toBe('soon');
  });
});
