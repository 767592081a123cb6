/**
 * Local wall-clock time at the venue to UTC, with the zone's real offset on that date
 * (daylight saving included), from the platform's time zone data (Intl).
 */

/** Epoch milliseconds of `date` (YYYY-MM-DD) at `minutes` past local midnight in `timeZone`. */
export function localTimeToUtcMs(date: string, minutes: number, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const asIfUtc = Date.UTC(year, month - 1, day, 0, minutes);
  // The offset at the guessed instant is the offset at the local time, except within an hour
  // of a daylight-saving switch, which a game day never straddles.
  return asIfUtc - offsetMinutes(asIfUtc, timeZone) * 60_000;
}

/** The zone's offset from UTC at `epochMs`, in minutes (e.g. -300 for Chicago in summer). */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(epochMs)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
