const calendarDate = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * "2019-03-04" -> "Mar 4, 2019". A Date scalar is a calendar date with no time zone, so it is
 * read as UTC midnight and formatted in UTC: it never shifts a day, whatever the browser's zone.
 */
export function formatCalendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return calendarDate.format(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

const instant = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO 8601 instant in the reader's own time zone, e.g. "Mar 4, 2026, 2:05 PM". */
export function formatInstant(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : instant.format(date);
}

const instantDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** The calendar day of an ISO 8601 instant in the reader's own time zone, e.g. "Mar 4, 2026". */
export function formatInstantDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : instantDay.format(date);
}

const timeOfDay = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' });

/** The time of an ISO 8601 instant in the reader's own time zone, e.g. "2:05 PM". */
export function formatTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : timeOfDay.format(date);
}
