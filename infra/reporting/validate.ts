/**
 * Validation of the props the reporting constructs share, once, at construction.
 */
import { ReportingConfigError } from './errors.ts';

/** EventBridge Scheduler's cron form: six fields, minutes first, year last. */
const SCHEDULER_CRON = /^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/;

/** Throws unless `timeZone` is an IANA zone name Node knows (and so Scheduler does). */
export function validateTimeZone(prop: string, timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch (cause) {
    const fix = 'is not an IANA time zone; use a name such as America/Chicago';
    throw new ReportingConfigError(prop, timeZone, fix, { cause });
  }
  if (!timeZone.includes('/') && timeZone !== 'UTC') {
    const fix = 'is an abbreviation; use the IANA name of the venue zone, e.g. America/Chicago';
    throw new ReportingConfigError(prop, timeZone, fix);
  }
}

/** Throws unless `expression` has the shape of a Scheduler cron expression. */
export function validateCron(prop: string, expression: string): void {
  if (SCHEDULER_CRON.test(expression)) return;
  const fix = 'is not a Scheduler cron expression; write e.g. cron(0 6 * * ? *) for 06:00 daily';
  throw new ReportingConfigError(prop, expression, fix);
}
