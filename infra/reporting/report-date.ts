/**
 * The JSONata expression that gives a report run its business date: the day before the local
 * date of the schedule's time in the venue's time zone, or the `reportDate` a person passed
 * when starting the state machine by hand (a re-run or a backfill).
 *
 * Why JSONata and a table of offsets, not a Lambda or an Athena query: EventBridge Scheduler
 * hands the target only the scheduled time, in UTC. Step Functions' JSONata can shift and
 * format that instant, but only with a fixed `±HHMM` offset, so the offsets the venue's zone
 * goes through are worked out at synth time (see `utc-offsets.ts`) and embedded. That keeps
 * the run free of a function to deploy, patch and pay for, and free of a second query.
 */
import { utcOffsetPeriods } from './utc-offsets.ts';

/** The business dates the embedded offsets cover, by default. */
export const OFFSET_YEARS = { from: 2024, to: 2050 } as const;

/** The input the schedule sends: `scheduledTime` is `<aws.scheduler.scheduled-time>`. */
export interface ReportRunInput {
  readonly scheduledTime?: string;
  readonly reportDate?: string;
}

/**
 * Builds the expression (without the `{% %}` markers) evaluated against `$states.input`.
 * It fails the run, naming the field, on a malformed `reportDate` or a scheduled time outside
 * the years covered: a report for a wrong day would be worse than no report.
 */
export function reportDateExpression(
  timeZone: string,
  years: { readonly from: number; readonly to: number } = OFFSET_YEARS,
): string {
  const periods = utcOffsetPeriods(timeZone, years.from, years.to);
  const until = Date.UTC(years.to + 1, 0, 1);

  return [
    '(',
    `  $periods := ${JSON.stringify(periods)};`,
    '  $given := $states.input.reportDate;',
    '  $scheduled := $states.input.scheduledTime;',
    '  $exists($given) ? (',
    '    $contains($given, /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/) ? $given :',
    "    $error('reportDate must be YYYY-MM-DD, got ' & $string($given))",
    '  ) : $exists($scheduled) ? (',
    '    $at := $toMillis($scheduled);',
    `    ($at < ${periods[0]?.from} or $at >= ${until}) ? $error(`,
    `      'scheduledTime ' & $scheduled & ' is outside ${years.from}-${years.to}, the years ` +
      `whose ${timeZone} offsets this state machine carries; redeploy to extend them'`,
    '    ) : (',
    '      $offset := $periods[from <= $at][-1].offset;',
    "      $fromMillis($at - 86400000, '[Y0001]-[M01]-[D01]', $offset)",
    '    )',
    "  ) : $error('the input has neither reportDate nor scheduledTime')",
    ')',
  ].join('\n');
}
