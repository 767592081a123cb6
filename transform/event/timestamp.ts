/**
 * Parses the feed's ISO-8601 timestamps and normalizes them to UTC.
 *
 * Note: Firehose's OpenX JSON SerDe rejects offsets such as `-05:00`, so every timestamp in
 * a row is written in UTC with a `Z`. Impossible dates (2021-02-30) fail instead of rolling
 * over to the next month as `Date` would.
 */

export interface UtcTimestamp {
  /** `YYYY-MM-DDTHH:MM:SS.fffZ`, with 9 fraction digits when the input had sub-millisecond ones. */
  readonly iso: string;
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** Nanoseconds past `epochMs` (0-999,999), so sub-millisecond order is kept. */
  readonly subMsNanos: number;
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parsed timestamps by their text. One event repeats the same few times (every line item of
 * an order shares its created_at) and the snapshots of one order repeat its history, so most
 * look-ups hit. Cleared when full, which keeps memory bounded on any feed.
 */
const parsed = new Map<string, UtcTimestamp | undefined>();
const PARSED_LIMIT = 4096;

/** Returns the timestamp in UTC, or undefined when the text is not a possible ISO-8601 time. */
export function parseTimestamp(text: string): UtcTimestamp | undefined {
  const known = parsed.get(text);
  if (known !== undefined || parsed.has(text)) return known;

  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  const timestamp = parseUncached(text);
  parsed.set(text, timestamp);
  return timestamp;
}

function parseUncached(text: string): UtcTimestamp | undefined {
  const match = ISO_8601.exec(text);
  if (!match) return undefined;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (!isPossibleDate(year, month, day)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;

  const offsetMinutes = offsetOf(match[8], match[9], match[10], match[11]);
  if (offsetMinutes === undefined) return undefined;

  const fraction = (match[7] ?? '').padEnd(9, '0');
  const millis = Number(fraction.slice(0, 3));
  const epochMs =
    utcMillis(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  const subMsNanos = Number(fraction.slice(3));
  return { epochMs, subMsNanos, iso: formatUtc(epochMs, subMsNanos) };
}

/** Date.UTC reads years 0-99 as 1900-1999, so those take the explicit (slower) route. */
function utcMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime();
}

/** Formats epoch milliseconds (and optional sub-millisecond nanoseconds) as UTC ISO-8601. */
export function formatUtc(epochMs: number, subMsNanos = 0): string {
  const iso = new Date(epochMs).toISOString();
  if (subMsNanos === 0) return iso;
  return `${iso.slice(0, -1)}${String(subMsNanos).padStart(6, '0')}Z`;
}

/** Orders two timestamps in time, to the nanosecond. */
export function compareTimestamps(a: UtcTimestamp, b: UtcTimestamp): number {
  return a.epochMs - b.epochMs || a.subMsNanos - b.subMsNanos;
}

function isPossibleDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

function offsetOf(
  zulu: string | undefined,
  sign: string | undefined,
  hours: string | undefined,
  minutes: string | undefined,
): number | undefined {
  if (zulu) return 0;
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 23 || m > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}
