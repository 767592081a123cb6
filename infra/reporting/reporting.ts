/**
 * The reporting side of orderfeed in one construct, for the main stack: the morning revenue
 * report always, and QuickSight only when a principal is named.
 *
 * @example
 * new Reporting(stack, 'Reporting', {
 *   warehouse: { dataBucket, resultsBucket, glueDatabaseName, workGroupName },
 *   timeZone: config.reportTimezone,
 *   schedule: config.reportSchedule,
 *   alarmTopic,
 *   quicksightPrincipalArn: config.quicksightPrincipalArn,
 * });
 */
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DailyRevenueReport } from './daily-revenue-report.ts';
import { RevenueDashboard } from './quicksight/revenue-dashboard.ts';
import type { ReportingWarehouse } from './warehouse.ts';

export interface ReportingProps {
  readonly warehouse: ReportingWarehouse;
  /** IANA time zone of the venue, e.g. America/Chicago. */
  readonly timeZone: string;
  /**
   * When the morning report runs, as a Scheduler cron expression read in `timeZone`.
   *
   * @default every day at 06:00
   */
  readonly schedule?: string;
  /** The topic failed or dropped report runs alarm to. */
  readonly alarmTopic: sns.ITopic;
  /**
   * The QuickSight user or group that gets the data source, datasets and revenue dashboard.
   *
   * @default no QuickSight resources at all
   */
  readonly quicksightPrincipalArn?: string;
}

export class Reporting extends Construct {
  readonly dailyRevenueReport: DailyRevenueReport;
  /** Present only with `quicksightPrincipalArn`. */
  readonly revenueDashboard?: RevenueDashboard;

  constructor(scope: Construct, id: string, props: ReportingProps) {
    super(scope, id);
    this.dailyRevenueReport = new DailyRevenueReport(this, 'DailyRevenueReport', props);

    if (props.quicksightPrincipalArn) {
      this.revenueDashboard = new RevenueDashboard(this, 'RevenueDashboard', {
        warehouse: props.warehouse,
        principalArn: props.quicksightPrincipalArn,
        timeZone: props.timeZone,
      });
    }
  }
}
