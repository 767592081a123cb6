/**
 * Validation of the props the reporting constructs share, once, at construction. The
 * predicates are exported for the stack's config, so context is checked by the same rules.
 */
import { ReportingConfigError } from './errors.ts';

/** EventBridge Scheduler's cron form: six fields, minutes first, year last. */
const SCHEDULER_CRON = /^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/;

/** A QuickSight user or group: `arn:aws:quicksight:<region>:<account>:user/<ns>/<name>`. */
const QUICKSIGHT_PRINCIPAL_ARN =
  /^arn:aws[a-z-]*:quicksight:[a-z0-9-]+:\d{12}:(user|group)\/[\w.@+=-]+\/\S+$/;

export function isSchedulerCron(expression: string): boolean {
  return SCHEDULER_CRON.test(expression);
}

export function isQuickSightPrincipalArn(arn: string): boolean {
  return QUICKSIGHT_PRINCIPAL_ARN.test(arn);
}

/** An IANA zone name Node knows (and so Scheduler and QuickSight do), not an abbreviation. */
export function isVenueTimeZone(timeZone: string): boolean {
  return (timeZone.includes('/') || timeZone === 'UTC') && knownTimeZone(timeZone);
}

/** Throws unless `timeZone` is an IANA zone name Node knows. */
export function validateTimeZone(prop: string, timeZone: string): void {
  if (!knownTimeZone(timeZone)) {
    const fix = 'is not an IANA time zone; use a name such as America/Chicago';
    throw new ReportingConfigError(prop, timeZone, fix);
  }
  if (!isVenueTimeZone(timeZone)) {
    const fix = 'is an abbreviation; use the IANA name of the venue zone, e.g. America/Chicago';
    throw new ReportingConfigError(prop, timeZone, fix);
  }
}

/** Throws unless `expression` has the shape of a Scheduler cron expression. */
export function validateCron(prop: string, expression: string): void {
  if (isSchedulerCron(expression)) return;
  const fix = 'is not a Scheduler cron expression; write e.g. cron(0 6 * * ? *) for 06:00 daily';
  throw new ReportingConfigError(prop, expression, fix);
}

/** Throws unless `arn` is a QuickSight user or group ARN. */
export function validatePrincipalArn(prop: string, arn: string): void {
  if (isQuickSightPrincipalArn(arn)) return;
  const fix =
    'is not a QuickSight user or group ARN; give ' +
    'arn:aws:quicksight:<region>:<account>:user/<namespace>/<user name>';
  throw new ReportingConfigError(prop, arn, fix);
}

function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
