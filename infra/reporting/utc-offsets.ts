/**
 * The UTC offsets an IANA time zone goes through over a span of years, read from Node's
 * ICU time zone data at synth time.
 *
 * Step Functions' JSONata formats dates with a fixed `±HHMM` offset only; it has no time zone
 * database. The report state machine therefore carries this table to find the venue's offset
 * at the schedule's time, so daylight saving changes land on the right local day.
 */

/** From `from` (UTC epoch milliseconds) on, local time is UTC plus `offset` (`±HHMM`). */
export interface UtcOffsetPeriod {
  readonly from: number;
  readonly offset: string;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Returns the offset periods of `timeZone` from 1 January of `fromYear` (UTC) to the end of
 * `toYear`, the first starting on 1 January.
 *
 * Note: the zone is sampled once a day, so two changes within the same 24 hours (which no
 * zone has scheduled) would show as one.
 */
export function utcOffsetPeriods(
  timeZone: string,
  fromYear: number,
  toYear: number,
): UtcOffsetPeriod[] {
  const offsetAt = offsetReader(timeZone);
  const end = Date.UTC(toYear + 1, 0, 1);
  let day = Date.UTC(fromYear, 0, 1);
  const periods: UtcOffsetPeriod[] = [{ from: day, offset: offsetAt(day) }];

  for (; day + DAY_MS <= end; day += DAY_MS) {
    const current = periods[periods.length - 1]?.offset;
    const next = offsetAt(day + DAY_MS);
    if (next === current) continue;
    periods.push({ from: firstMinuteWith(offsetAt, next, day, day + DAY_MS), offset: next });
  }
  return periods;
}

/** Returns the `±HHMM` offset of `timeZone` at an instant, e.g. `-0500`. */
export function offsetReader(timeZone: string): (epochMs: number) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });

  return (epochMs) => {
    const name = format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName');
    // ICU writes "GMT" for a zero offset and "GMT-05:00" otherwise.
    const offset = name?.value.replace('GMT', '') || '+00:00';
    return offset.replace(':', '');
  };
}

/** Binary search, to the minute, for the first instant in (low, high] showing `offset`. */
function firstMinuteWith(
  offsetAt: (epochMs: number) => string,
  offset: string,
  low: number,
  high: number,
): number {
  let before = low;
  let after = high;
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(middle) === offset) after = middle;
    else before = middle;
  }
  return after;
}
