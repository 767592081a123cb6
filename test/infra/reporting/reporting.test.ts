import type { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Reporting } from '../../../infra/reporting/reporting.ts';
import { awsSolutionsFindings } from './nag.ts';
import { reportingTestStack } from './reporting-stack.ts';

const PRINCIPAL = 'arn:aws:quicksight:us-east-1:111122223333:group/default/finance';

function reporting(quicksightPrincipalArn?: string) {
  const { stack, warehouse, alarmTopic } = reportingTestStack();
  new Reporting(stack, 'Reporting', {
    warehouse,
    alarmTopic,
    timeZone: 'America/Chicago',
    quicksightPrincipalArn,
  });
  return stack;
}

describe('Reporting', () => {
  it('creates nothing QuickSight without a principal', () => {
    const template = Template.fromStack(reporting());

    template.resourceCountIs('AWS::QuickSight::DataSource', 0);
    template.resourceCountIs('AWS::QuickSight::DataSet', 0);
    template.resourceCountIs('AWS::QuickSight::Dashboard', 0);
    template.resourcePropertiesCountIs(
      'AWS::IAM::Role',
      { AssumeRolePolicyDocument: Match.serializedJson(Match.stringLikeRegexp('quicksight')) },
      0,
    );
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
  });

  it('creates the data source, both datasets and the dashboard with a principal', () => {
    const template = Template.fromStack(reporting(PRINCIPAL));

    template.resourceCountIs('AWS::QuickSight::DataSource', 1);
    template.resourceCountIs('AWS::QuickSight::DataSet', 2);
    template.resourceCountIs('AWS::QuickSight::Dashboard', 1);
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
  });

  it('has no unacknowledged AwsSolutions finding with QuickSight', () => {
    const stack = reporting(PRINCIPAL);

    expect(awsSolutionsFindings(stack.node.root as App)).toBe('');
  });
});
