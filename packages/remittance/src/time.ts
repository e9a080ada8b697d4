// Wall-clock times in the clearinghouse's zone <-> instants in UTC.
//
// No format Kinpay reads states a time zone for its dates (InstaMed's Transaction Date, Waystar's
// Transaction Date/Time, a notice's TransactionDate without an offset). Our reading: they are
// America/New_York wall-clock times (InstaMed is in Philadelphia; Waystar's report is read the same
// way), with daylight saving time handled by Intl, never by a fixed offset.

export const CLEARINGHOUSE_TIME_ZONE = 'America/New_York';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache (a new formatter gives the same parts)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in `zone` at the instant `ms` (whole seconds). */
export function wallTimeAt(ms: number, zone = CLEARINGHOUSE_TIME_ZONE): WallTime {
  const parts: Record<string, number> = {};
  // The literals ("/", ", ", ":") land under "literal" and are never read.
  for (const part of formatter(zone).formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offsets change on whole hours at most once a few months: cache them per hour of UTC. */
const offsetCache = new Map<string, number>();

/** Milliseconds to add to UTC to get the wall-clock time in `zone` at instant `ms`. */
function offsetAt(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / 3_600_000)}`;
  let offset = offsetCache.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache (computing the offset again gives the same)
  if (offset === undefined) {
    const w = wallTimeAt(ms, zone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, only bounds the cache's memory
    if (offsetCache.size > 10_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** True when the fields name a real calendar date and time of day (2026-02-30 does not). */
export function isValidWallTime(w: WallTime): boolean {
  if (w.year < 1900 || w.year > 2999 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.hour > 23 || w.minute > 59 || w.second > 59 || w.hour < 0 || w.minute < 0 || w.second < 0) return false;
  // A day past the month's end rolls over into the next month, to another day of the month.
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDate() === w.day;
}

/**
 * The instant a wall-clock time in `zone` names, as an ISO string in UTC, or null when the fields are
 * not a real date. Where the clocks go back (01:00-01:59 happens twice in New York on the first Sunday
 * of November) the earlier instant is taken; where they go forward (02:00-02:59 on the second Sunday of
 * March does not exist) the time is read with the offset in force before the change.
 */
export function wallTimeToIso(w: WallTime, zone = CLEARINGHOUSE_TIME_ZONE): string | null {
  if (!isValidWallTime(w)) return null;
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Candidate offsets: the ones in force a day either side cover any single transition.
  const candidates = new Set([offsetAt(asUtc - 86_400_000, zone), offsetAt(asUtc, zone), offsetAt(asUtc + 86_400_000, zone)]);
  const matches = [...candidates].map((offset) => asUtc - offset).filter((instant) => offsetAt(instant, zone) === asUtc - instant);
  if (matches.length > 0) return new Date(Math.min(...matches)).toISOString();
  // In the gap: use the offset before the change (the larger instant difference).
  const before = offsetAt(asUtc - 86_400_000, zone);
  return new Date(asUtc - before).toISOString();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** CCYYMMDDHHMMSS of the wall-clock time in `zone`. */
export function compactWallTime(ms: number, zone = CLEARINGHOUSE_TIME_ZONE): string {
  const w = wallTimeAt(ms, zone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/**
 * What a New York wall-clock writing of the instant reads back as: the same instant, except in the hour
 * New York repeats when daylight saving time ends, where both passes read as the first. For callers that
 * must write a file anyway (the sandbox): they report such a time as the reader will read it.
 */
export function asNewYorkWallClock(occurredAt: string): string {
  const ms = Math.floor(Date.parse(occurredAt) / 1000) * 1000;
  const w = wallTimeAt(ms);
  return wallTimeToIso(w) ?? new Date(ms).toISOString();
}

/** CCYYMMDD of the instant's day in New York (InstaMed's business day). */
export function newYorkDay(date: Date): string {
  return compactWallTime(date.getTime()).slice(0, 8);
}

/** CCYYMMDD and HHMMSS in UTC. */
export function utcParts(date: Date): { ymd: string; hms: string } {
  return {
    ymd: `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`,
    hms: `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`,
  };
}

/** CCYYMMDD[HHMM[SS]] -> fields, or null when the text is not of that shape. */
export function compactFields(ymd: string, hms = ''): WallTime | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
  const t = /^(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(hms);
  if (!d || !t) return null;
  return {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1] ?? 0),
    minute: Number(t[2] ?? 0),
    second: Number(t[3] ?? 0),
  };
}

/**
 * ISO 8601 date and time, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM` or `±HHMM`, or no zone
 * (then read as `zone`). Fractions of a second are dropped (no format carries them). Null when not
 * of that shape or not a real time.
 */
export function readIsoDateTime(text: string, zone = CLEARINGHOUSE_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))?$/.exec(text);
  if (!m) return null;
  const fields: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  if (!isValidWallTime(fields)) return null;
  const offsetText = m[7];
  if (offsetText === undefined) return wallTimeToIso(fields, zone);
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  if (offsetText === 'Z') return new Date(asUtc).toISOString();
  const hours = Number(m[9]);
  const minutes = Number(m[10]);
  if (hours > 18 || minutes > 59) return null;
  const offsetMs = (m[8] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  return new Date(asUtc - offsetMs).toISOString();
}

/** True when the ISO instant has no fraction of a second (every format carries whole seconds only). */
export function isWholeSecond(ms: number): boolean {
  return ms % 1000 === 0;
}
