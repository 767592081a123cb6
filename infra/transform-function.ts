/**
 * The transform Lambda of one table's delivery stream: `transform/handler.ts` with its
 * `TABLE_NAME` set, sized for the batches Firehose sends it.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TableName } from '../transform/tables/index.ts';
import { bundledFunctionProps } from './bundling.ts';

export interface TransformFunctionProps {
  readonly tableName: TableName;
  /** Most concurrent invocations; Firehose retries throttled batches, then fails them. */
  readonly reservedConcurrency: number;
  readonly logRetentionDays: number;
  readonly removalPolicy: 'retain' | 'destroy';
}

export class TransformFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: TransformFunctionProps) {
    super(scope, id);
    const defaults = bundledFunctionProps('transform/handler.ts');

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy:
        props.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      ...defaults,
      description: `orderfeed transform: Firehose records to ${props.tableName} rows`,
      environment: {
        ...defaults.environment,
        TABLE_NAME: props.tableName,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      // A batch is at most 3 MB in (the processor buffer) and 6 MB out (the response limit):
      // parsing and flattening it takes well under a second, and 1 GB of memory keeps both
      // copies and the JSON work comfortable; it also buys proportionally more CPU.
      memorySize: 1024,
      // Firehose waits up to 5 minutes for a transform; one minute leaves room for a cold
      // start and fails a stuck batch soon enough for Firehose to retry it.
      timeout: Duration.minutes(1),
      reservedConcurrentExecutions: props.reservedConcurrency,
      logGroup: this.logGroup,
    });
  }
}
