import type { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DailyRevenueReport } from '../../../infra/reporting/daily-revenue-report.ts';
import { awsSolutionsFindings } from './nag.ts';
import { reportingTestStack } from './reporting-stack.ts';

describe('DailyRevenueReport: cdk-nag', () => {
  it('has no unacknowledged AwsSolutions finding', () => {
    const { stack, warehouse, alarmTopic } = reportingTestStack();
    new DailyRevenueReport(stack, 'DailyRevenueReport', {
      warehouse,
      alarmTopic,
      timeZone: 'America/Chicago',
    });

    const findings = awsSolutionsFindings(stack.node.root as App);

    expect(findings).toBe('');
  });
});
