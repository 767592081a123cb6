import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../infra/config.ts';
import { synthStack } from '../synth-stack.ts';
import { refOf, stateMachineDefinition } from './reporting-stack.ts';

const PRINCIPAL = 'arn:aws:quicksight:us-east-1:111122223333:group/default/finance';

describe('OrderfeedStack: reporting', () => {
  it('schedules the morning report at 06:00 America/Chicago and no QuickSight by default', () => {
    const { template, stack } = synthStack();

    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'America/Chicago',
    });
    const runQuery = stateMachineDefinition(template).States['Run daily_revenue'];
    expect(runQuery?.Arguments).toMatchObject({
      QueryExecutionContext: { Database: 'orderfeed' },
      WorkGroup: refOf(stack, stack.workGroup.ref),
    });
    template.resourceCountIs('AWS::QuickSight::Dashboard', 0);
    expect(stack.config.reportTimezone).toBe('America/Chicago');
  });

  it('outputs the report topic, for subscribing to the morning report', () => {
    const { template } = synthStack();
    const topics = template.findResources('AWS::SNS::Topic', {
      Properties: { DisplayName: 'orderfeed daily revenue report' },
    });

    template.hasOutput('ReportTopicArn', { Value: { Ref: Object.keys(topics)[0] } });
    expect(Object.keys(topics)).toHaveLength(1);
  });

  it('outputs the report state machine, for re-running or backfilling a day', () => {
    const { template } = synthStack();
    const machines = Object.keys(template.findResources('AWS::StepFunctions::StateMachine'));

    expect(machines).toHaveLength(1);
    template.hasOutput('ReportStateMachineArn', { Value: { Ref: machines[0] } });
  });

  it('takes the schedule, time zone and QuickSight principal from context', () => {
    const { template } = synthStack({
      reportSchedule: 'cron(15 7 * * ? *)',
      reportTimezone: 'America/New_York',
      quicksightPrincipalArn: PRINCIPAL,
    });

    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(15 7 * * ? *)',
      ScheduleExpressionTimezone: 'America/New_York',
    });
    template.resourceCountIs('AWS::QuickSight::DataSet', 2);
    template.hasResourceProperties('AWS::QuickSight::Dashboard', {
      Permissions: [Match.objectLike({ Principal: PRINCIPAL })],
    });
  });

  it('leaves no AwsSolutions finding unacknowledged in the stack with QuickSight', () => {
    const { stack } = synthStack({ quicksightPrincipalArn: PRINCIPAL });

    const report = new AwsSolutionsChecks().validateScope(stack);

    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('rejects bad reporting context, naming each key and the fix', () => {
    const context = {
      reportTimezone: 'CST',
      reportSchedule: '0 6 * * *',
      quicksightPrincipalArn: 'x',
    };

    expect(() => parseConfig(context)).toThrow(
      [
        'context reportTimezone="CST" is invalid: give the venue\'s IANA time zone, e.g. ' +
          'America/Chicago (not an abbreviation)',
        'context reportSchedule="0 6 * * *" is invalid: give a Scheduler cron expression read ' +
          'in reportTimezone, e.g. cron(0 6 * * ? *)',
        'context quicksightPrincipalArn="x" is invalid: give a QuickSight user or group ARN, ' +
          'arn:aws:quicksight:<region>:<account>:user/...',
      ].join('\n'),
    );
  });
});
