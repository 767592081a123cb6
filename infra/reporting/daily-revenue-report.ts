/**
 * The morning revenue report: a schedule in the venue's time zone starts the report state
 * machine, which writes `reports/daily_revenue/date=YYYY-MM-DD.csv` in the data bucket for
 * the previous local day and announces it; a failed, timed-out or dropped run alarms.
 *
 * @example
 * new DailyRevenueReport(stack, 'DailyRevenueReport', {
 *   warehouse: { dataBucket, glueDatabaseName, workGroupName, resultsBucket },
 *   timeZone: 'America/Chicago',
 *   alarmTopic,
 * });
 */
import { Duration, RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { SavedQuery } from '../../queries/catalog.ts';
import { dailyRevenueQuery } from './report-query.ts';
import { ReportStateMachine } from './report-state-machine.ts';
import { validateCron, validateTimeZone } from './validate.ts';
import type { ReportingWarehouse } from './warehouse.ts';

/** Every day at 06:00, read in the schedule's time zone. */
export const DEFAULT_REPORT_SCHEDULE = 'cron(0 6 * * ? *)';

export interface DailyRevenueReportProps {
  readonly warehouse: ReportingWarehouse;

  /** IANA time zone of the venue, e.g. America/Chicago: the schedule's zone and the day's. */
  readonly timeZone: string;

  /**
   * When the report runs, as a Scheduler cron expression read in `timeZone`.
   *
   * @default 'cron(0 6 * * ? *)', every day at 06:00
   */
  readonly schedule?: string;

  /** The topic failed, timed-out and dropped runs alarm to. */
  readonly alarmTopic: sns.ITopic;

  /**
   * The topic a finished report is announced on.
   *
   * @default a new topic, encrypted with the AWS managed SNS key, SSL only
   */
  readonly reportTopic?: sns.ITopic;

  /**
   * The saved query to run; its parameters must be start_date, end_date and timezone.
   *
   * @default `daily_revenue` from `queries/`
   */
  readonly query?: SavedQuery;
}

export class DailyRevenueReport extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly reportTopic: sns.ITopic;
  readonly schedule: scheduler.Schedule;
  /** Alarms when a run fails or times out. */
  readonly failedRunAlarm: cloudwatch.Alarm;
  /** Alarms when the schedule gives up starting a run. */
  readonly droppedRunAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DailyRevenueReportProps) {
    super(scope, id);
    const cron = props.schedule ?? DEFAULT_REPORT_SCHEDULE;
    validateTimeZone('timeZone', props.timeZone);
    validateCron('schedule', cron);

    this.reportTopic = props.reportTopic ?? this.newReportTopic();
    this.stateMachine = new ReportStateMachine(this, 'StateMachine', {
      warehouse: props.warehouse,
      timeZone: props.timeZone,
      query: props.query ?? dailyRevenueQuery(),
      reportTopic: this.reportTopic,
    }).stateMachine;

    // A group of its own so the dropped-run alarm counts this schedule only. It holds no data:
    // retained, its fixed name would block deploying the stack again after a delete.
    const group = new scheduler.ScheduleGroup(this, 'ScheduleGroup', {
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: `orderfeed daily revenue report, ${cron} in ${props.timeZone}`,
      schedule: scheduler.ScheduleExpression.expression(cron, TimeZone.of(props.timeZone)),
      scheduleGroup: group,
      target: new targets.StepFunctionsStartExecution(this.stateMachine, {
        input: scheduler.ScheduleTargetInput.fromObject({
          scheduledTime: scheduler.ContextAttribute.scheduledTime,
        }),
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });

    const alarmAction = new actions.SnsAction(props.alarmTopic);
    this.failedRunAlarm = this.newFailedRunAlarm();
    this.failedRunAlarm.addAlarmAction(alarmAction);
    this.droppedRunAlarm = group
      .metricDropped({ period: Duration.hours(1) })
      .createAlarm(this, 'DroppedRunAlarm', {
        alarmDescription: 'The report schedule gave up starting the report state machine.',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    this.droppedRunAlarm.addAlarmAction(alarmAction);
  }

  private newReportTopic(): sns.Topic {
    return new sns.Topic(this, 'ReportTopic', {
      displayName: 'orderfeed daily revenue report',
      enforceSSL: true,
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
  }

  private newFailedRunAlarm(): cloudwatch.Alarm {
    const period = Duration.minutes(5);
    const failures = new cloudwatch.MathExpression({
      label: 'Report runs failed or timed out',
      expression: 'failed + timedOut',
      usingMetrics: {
        failed: this.stateMachine.metricFailed({ period, statistic: 'Sum' }),
        timedOut: this.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
      },
      period,
    });

    return failures.createAlarm(this, 'FailedRunAlarm', {
      alarmDescription: 'A daily revenue report run failed or timed out: no report for the day.',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
