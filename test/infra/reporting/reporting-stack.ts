/**
 * Test helpers: a minimal stack holding what the main stack would pass to the reporting
 * constructs, and the state machine definition read back out of a synthesized template.
 */
import { App, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { acknowledgeFinding } from '../../../infra/reporting/nag-acknowledgements.ts';
import type { ReportingWarehouse } from '../../../infra/reporting/warehouse.ts';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';

export interface ReportingTestStack {
  readonly stack: Stack;
  readonly warehouse: ReportingWarehouse;
  readonly alarmTopic: sns.Topic;
}

/** A fresh stack with a data bucket, a results bucket and an alarm topic. */
export function reportingTestStack(): ReportingTestStack {
  // Template validation against the CloudFormation schemas fails the synth instead of warning.
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
  const stack = new Stack(app, 'ReportingTest', {
    env: { account: ACCOUNT, region: REGION },
  });
  const warehouse: ReportingWarehouse = {
    dataBucket: fixtureBucket(stack, 'Data', 'orderfeed-data'),
    resultsBucket: fixtureBucket(stack, 'Results', 'orderfeed-results'),
    resultsPrefix: 'athena',
    glueDatabaseName: 'orderfeed',
    workGroupName: 'orderfeed',
  };
  const alarmTopic = new sns.Topic(stack, 'Alarms', { enforceSSL: true });
  acknowledgeFinding(
    alarmTopic,
    'AwsSolutions-SNS2',
    'Test fixture: the main stack owns the topic.',
  );
  return { stack, warehouse, alarmTopic };
}

/** A bucket standing in for the main stack's, which logs its access there. */
function fixtureBucket(stack: Stack, id: string, bucketName: string): s3.Bucket {
  const bucket = new s3.Bucket(stack, id, { bucketName, enforceSSL: true });
  acknowledgeFinding(bucket, 'AwsSolutions-S1', 'Test fixture: the main stack owns the bucket.');
  return bucket;
}

/** A state in an Amazon States Language definition, as far as the tests read it. */
export interface StateJson {
  readonly Type: string;
  readonly Resource?: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Arguments?: Record<string, unknown>;
  readonly Assign?: Record<string, string>;
  readonly Retry?: readonly Record<string, unknown>[];
}

export interface StateMachineDefinition {
  readonly StartAt: string;
  readonly QueryLanguage?: string;
  readonly TimeoutSeconds?: number;
  readonly States: Record<string, StateJson>;
}

/**
 * Parses the one state machine's definition, with `{ Ref: X }` written as `${X}` and the
 * partition as `aws`, so string values can be compared whole.
 */
export function stateMachineDefinition(template: Template): StateMachineDefinition {
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  if (machines.length !== 1) throw new Error(`expected 1 state machine, got ${machines.length}`);
  const body = machines[0]?.Properties.DefinitionString;
  const parts: unknown[] = typeof body === 'string' ? [body] : body['Fn::Join'][1];
  return JSON.parse(parts.map(resolvePart).join(''));
}

function resolvePart(part: unknown): string {
  if (typeof part === 'string') return part;
  const ref = (part as { Ref?: string }).Ref;
  if (ref === 'AWS::Partition') return 'aws';
  if (ref) return `\${${ref}}`;
  throw new Error(`unexpected token in the definition: ${JSON.stringify(part)}`);
}

/** Strips the `{% %}` markers of a JSONata expression in a definition. */
export function jsonataOf(value: unknown): string {
  const match = /^\{%([\s\S]*)%\}$/.exec(String(value));
  if (!match?.[1]) throw new Error(`not a JSONata expression: ${String(value)}`);
  return match[1];
}

/** How a definition parsed by {@link stateMachineDefinition} shows a token such as a name. */
export function refOf(stack: Stack, token: string): string {
  const resolved = stack.resolve(token) as { Ref?: string };
  if (!resolved.Ref) throw new Error(`not a Ref: ${JSON.stringify(resolved)}`);
  return `\${${resolved.Ref}}`;
}
