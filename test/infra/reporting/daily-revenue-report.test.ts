import { Match, Template } from 'aws-cdk-lib/assertions';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { DailyRevenueReport } from '../../../infra/reporting/daily-revenue-report.ts';
import { findSavedQuery } from '../../../queries/catalog.ts';
import {
  ACCOUNT,
  jsonataOf,
  REGION,
  refOf,
  reportingTestStack,
  stateMachineDefinition,
} from './reporting-stack.ts';

function synth(props: { timeZone?: string; schedule?: string } = {}) {
  const { stack, warehouse, alarmTopic } = reportingTestStack();
  const report = new DailyRevenueReport(stack, 'DailyRevenueReport', {
    warehouse,
    alarmTopic,
    timeZone: props.timeZone ?? 'America/Chicago',
    schedule: props.schedule,
  });
  return { stack, warehouse, alarmTopic, report, template: Template.fromStack(stack) };
}

/** One synth with the default props, read by every test that needs no other props. */
const defaults = synth();

describe('DailyRevenueReport: schedule', () => {
  it('runs every day at 06:00 in the venue time zone by default', () => {
    const { template, stack, report } = defaults;

    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'America/Chicago',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: stack.resolve(report.stateMachine.stateMachineArn),
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
      }),
    });
  });

  it('takes the cron and time zone from props', () => {
    const { template } = synth({ schedule: 'cron(30 4 ? * MON-FRI *)', timeZone: 'Europe/London' });

    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 4 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/London',
    });
  });

  it('deletes its schedule group with the stack, so a later deploy can create it again', () => {
    defaults.template.hasResource('AWS::Scheduler::ScheduleGroup', { DeletionPolicy: 'Delete' });
  });

  it('lets the schedule start this state machine and nothing else', () => {
    const { template, stack, report } = defaults;

    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'states:StartExecution',
            Resource: stack.resolve(report.stateMachine.stateMachineArn),
          },
        ],
      },
    });
  });

  it('rejects a time zone abbreviation, naming the prop and the fix', () => {
    expect(() => synth({ timeZone: 'CST' })).toThrow(
      'timeZone: "CST" is an abbreviation; ' +
        'use the IANA name of the venue zone, e.g. America/Chicago',
    );
  });

  it('rejects an unknown time zone', () => {
    expect(() => synth({ timeZone: 'Mars/Olympus' })).toThrow(
      'timeZone: "Mars/Olympus" is not an IANA time zone',
    );
  });

  it('rejects a five-field cron, naming the prop and the fix', () => {
    expect(() => synth({ schedule: '0 6 * * *' })).toThrow(
      'schedule: "0 6 * * *" is not a Scheduler cron expression; write e.g. cron(0 6 * * ? *)',
    );
  });
});

describe('DailyRevenueReport: state machine', () => {
  it('resolves the date, runs the query, copies the CSV, then announces it', () => {
    const definition = stateMachineDefinition(defaults.template);

    expect(definition.QueryLanguage).toBe('JSONata');
    expect(definition.StartAt).toBe('Resolve report date');
    expect(definition.States['Resolve report date']?.Next).toBe('Run daily_revenue');
    expect(definition.States['Run daily_revenue']?.Next).toBe('Copy CSV to reports');
    expect(definition.States['Copy CSV to reports']?.Next).toBe('Announce report');
    expect(definition.States['Announce report']?.End).toBe(true);
    expect(definition.TimeoutSeconds).toBe(3600);
  });

  it('runs the saved daily_revenue SQL in the workgroup and waits for it', () => {
    const runQuery = stateMachineDefinition(defaults.template).States['Run daily_revenue'];

    expect(runQuery?.Resource).toBe('arn:aws:states:::athena:startQueryExecution.sync');
    expect(runQuery?.Arguments).toEqual({
      QueryString: findSavedQuery('daily_revenue').sql,
      QueryExecutionContext: { Catalog: 'AwsDataCatalog', Database: 'orderfeed' },
      WorkGroup: 'orderfeed',
      ExecutionParameters: [
        `{% "'" & $reportDate & "'" %}`,
        `{% "'" & $reportDate & "'" %}`,
        "'America/Chicago'",
      ],
    });
  });

  it('passes the report date to start_date and end_date as quoted SQL literals', async () => {
    const runQuery = stateMachineDefinition(defaults.template).States['Run daily_revenue'];
    const parameters = runQuery?.Arguments?.ExecutionParameters as string[];

    const values = await Promise.all(
      parameters
        .slice(0, 2)
        .map((p) => jsonata(jsonataOf(p)).evaluate({}, { reportDate: '2024-08-25' })),
    );

    expect(values).toEqual(["'2024-08-25'", "'2024-08-25'"]);
  });

  it('copies the result CSV to reports/daily_revenue/date=YYYY-MM-DD.csv', async () => {
    const { template, stack, warehouse } = defaults;
    const copy = stateMachineDefinition(template).States['Copy CSV to reports'];
    const variables = {
      reportDate: '2024-08-25',
      resultLocation: 's3://orderfeed-results/athena/5f0c1c2e-0e53-4b5b-a0f4-4a0b2b1d7f6e.csv',
    };

    const key = await jsonata(jsonataOf(copy?.Arguments?.Key)).evaluate({}, variables);
    const source = await jsonata(jsonataOf(copy?.Arguments?.CopySource)).evaluate({}, variables);

    expect(copy?.Resource).toBe('arn:aws:states:::aws-sdk:s3:copyObject');
    expect(copy?.Arguments?.Bucket).toBe(refOf(stack, warehouse.dataBucket.bucketName));
    expect(key).toBe('reports/daily_revenue/date=2024-08-25.csv');
    expect(source).toBe('orderfeed-results/athena/5f0c1c2e-0e53-4b5b-a0f4-4a0b2b1d7f6e.csv');
  });

  it('writes the same key when the same day runs twice', async () => {
    const copy = stateMachineDefinition(defaults.template).States['Copy CSV to reports'];
    const key = jsonata(jsonataOf(copy?.Arguments?.Key));

    const first = await key.evaluate(
      {},
      { reportDate: '2024-08-25', resultLocation: 's3://r/a.csv' },
    );
    const second = await key.evaluate(
      {},
      { reportDate: '2024-08-25', resultLocation: 's3://r/b.csv' },
    );

    expect(second).toBe(first);
  });

  it('announces the report location on the report topic', async () => {
    const { template, stack, report, warehouse } = defaults;
    const announce = stateMachineDefinition(template).States['Announce report'];
    const variables = { reportDate: '2024-08-25', queryExecutionId: 'q-1', dataScannedBytes: 2048 };

    const bucket = refOf(stack, warehouse.dataBucket.bucketName);

    const message = await jsonata(jsonataOf(announce?.Arguments?.Message)).evaluate({}, variables);

    expect(announce?.Resource).toBe('arn:aws:states:::sns:publish');
    expect(announce?.Arguments?.TopicArn).toBe(refOf(stack, report.reportTopic.topicArn));
    expect(JSON.parse(message)).toEqual({
      report: 'daily_revenue',
      report_date: '2024-08-25',
      location: `s3://${bucket}/reports/daily_revenue/date=2024-08-25.csv`,
      query_execution_id: 'q-1',
      data_scanned_bytes: 2048,
    });
  });

  it('logs every run and traces it', () => {
    defaults.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
      TracingConfiguration: { Enabled: true },
    });
  });
});

describe('DailyRevenueReport: permissions', () => {
  it('grants Athena only on the workgroup and Glue reads only on its database', () => {
    const athena = `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/orderfeed`;
    const glue = `arn:aws:glue:${REGION}:${ACCOUNT}`;

    defaults.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'RunQueriesInTheWorkgroup',
            Effect: 'Allow',
            Action: [
              'athena:StartQueryExecution',
              'athena:GetQueryExecution',
              'athena:StopQueryExecution',
            ],
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, athena.slice(7)]] },
          },
          {
            Sid: 'ReadTheCatalog',
            Effect: 'Allow',
            Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartitions'],
            Resource: [
              `${glue}:catalog`,
              `${glue}:database/orderfeed`,
              `${glue}:table/orderfeed/*`,
            ].map((arn) => ({
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, arn.slice(7)]],
            })),
          },
        ]),
      },
    });
  });

  it('reads only the table prefixes and writes only the report prefix of the data bucket', () => {
    const { template, stack, warehouse } = defaults;
    const objects = (pattern: string) => ({
      'Fn::Join': ['', [stack.resolve(warehouse.dataBucket.bucketArn), `/${pattern}`]],
    });

    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Effect: 'Allow', Action: 's3:PutObject', Resource: objects('reports/daily_revenue/*') },
          {
            Sid: 'ReadTheTables',
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: [objects('order_events/*'), objects('order_line_items/*')],
          },
        ]),
      },
    });
  });

  it('writes query results only under the results prefix', () => {
    const { template, stack, warehouse } = defaults;

    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'WriteTheResultObjects',
            Effect: 'Allow',
            Action: [
              's3:GetObject',
              's3:PutObject',
              's3:AbortMultipartUpload',
              's3:ListMultipartUploadParts',
            ],
            Resource: {
              'Fn::Join': ['', [stack.resolve(warehouse.resultsBucket.bucketArn), '/athena/*']],
            },
          },
        ]),
      },
    });
  });

  it('grants no action on every resource except the log delivery and tracing AWS requires', () => {
    const policies = Object.values(defaults.template.findResources('AWS::IAM::Policy'));
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);

    const onEverything = statements
      .filter((statement) => statement.Resource === '*')
      .flatMap((statement) => statement.Action);

    expect(onEverything.every((action: string) => /^(logs|xray):/.test(action))).toBe(true);
    expect(statements.flatMap((s) => s.Action).filter((a: string) => a.endsWith('*'))).toEqual([]);
  });
});

describe('DailyRevenueReport: alarms', () => {
  it('alarms to the given topic when a run fails or times out', () => {
    const { template, stack, alarmTopic, report } = defaults;
    const arn = stack.resolve(report.stateMachine.stateMachineArn);

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [stack.resolve(alarmTopic.topicArn)],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'failed + timedOut' }),
        metricQuery('failed', 'ExecutionsFailed', arn),
        metricQuery('timedOut', 'ExecutionsTimedOut', arn),
      ]),
    });
  });

  it('alarms to the given topic when the schedule drops a run', () => {
    const { template, stack, alarmTopic } = defaults;

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [stack.resolve(alarmTopic.topicArn)],
      Namespace: 'AWS/Scheduler',
      MetricName: 'InvocationDroppedCount',
      Threshold: 1,
    });
  });
});

function metricQuery(id: string, metricName: string, stateMachineArn: unknown) {
  return Match.objectLike({
    Id: id,
    MetricStat: Match.objectLike({
      Metric: {
        Namespace: 'AWS/States',
        MetricName: metricName,
        Dimensions: [{ Name: 'StateMachineArn', Value: stateMachineArn }],
      },
      Stat: 'Sum',
    }),
  });
}
