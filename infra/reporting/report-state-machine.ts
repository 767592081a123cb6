/**
 * The state machine behind the morning report: work out the business date, run the saved
 * query in Athena and wait for it, copy the result CSV to its fixed key in the data bucket,
 * announce it. Service integrations only: nothing here needs a Lambda.
 */
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { SavedQuery } from '../../queries/catalog.ts';
import { acknowledgeWildcardResource } from './nag-acknowledgements.ts';
import { grantQueryRun } from './query-permissions.ts';
import { reportDateExpression } from './report-date.ts';
import { reportExecutionParameters } from './report-query.ts';
import type { ReportingWarehouse } from './warehouse.ts';

/** Where reports land in the data bucket: `<prefix>date=YYYY-MM-DD.csv`. */
export const REPORT_PREFIX = 'reports/daily_revenue/';

export interface ReportStateMachineProps {
  readonly warehouse: ReportingWarehouse;
  /** IANA zone of the venue: the business day is a local day there. */
  readonly timeZone: string;
  readonly query: SavedQuery;
  /** Where a finished report is announced. */
  readonly reportTopic: sns.ITopic;
  /**
   * How long a run may take before it times out (and alarms).
   *
   * @default one hour
   */
  readonly timeout?: Duration;
  /**
   * How long the run logs are kept.
   *
   * @default one month
   */
  readonly logRetention?: logs.RetentionDays;
}

export class ReportStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ReportStateMachineProps) {
    super(scope, id);
    const dataBucket = props.warehouse.dataBucket;

    const resolveDate = sfn.Pass.jsonata(this, 'Resolve report date', {
      comment: 'The previous local day at the scheduled time, or the reportDate given.',
      assign: { reportDate: `{% ${reportDateExpression(props.timeZone)} %}` },
    });
    const runQuery = this.runQuery(props);
    const copyCsv = tasks.CallAwsService.jsonata(this, 'Copy CSV to reports', {
      comment: 'Same date, same key: a second run for a day replaces the first.',
      service: 's3',
      action: 'copyObject',
      parameters: {
        Bucket: dataBucket.bucketName,
        Key: `{% '${REPORT_PREFIX}date=' & $reportDate & '.csv' %}`,
        CopySource: "{% $substringAfter($resultLocation, 's3://') %}",
        ContentType: 'text/csv',
        MetadataDirective: 'REPLACE',
      },
      iamAction: 's3:PutObject',
      iamResources: [dataBucket.arnForObjects(`${REPORT_PREFIX}*`)],
    });
    const announce = tasks.SnsPublish.jsonata(this, 'Announce report', {
      topic: props.reportTopic,
      subject: "{% 'orderfeed daily revenue for ' & $reportDate %}",
      message: sfn.TaskInput.fromText(announcement(dataBucket.bucketName)),
    });

    this.stateMachine = new sfn.StateMachine(this, 'Resource', {
      comment: 'orderfeed morning revenue report',
      queryLanguage: sfn.QueryLanguage.JSONATA,
      definitionBody: sfn.DefinitionBody.fromChainable(
        resolveDate.next(runQuery).next(copyCsv).next(announce),
      ),
      timeout: props.timeout ?? Duration.hours(1),
      tracingEnabled: true,
      logs: { destination: this.logGroup(props), level: sfn.LogLevel.ALL },
    });
    grantQueryRun(this, this.stateMachine, props.warehouse);
    dataBucket.encryptionKey?.grantEncrypt(this.stateMachine);
    this.acknowledgeFindings(dataBucket);
  }

  /**
   * The Athena task is a custom state: the `.sync` integration as Step Functions defines it,
   * with permissions from {@link grantQueryRun} instead of the CDK task's wide defaults.
   */
  private runQuery(props: ReportStateMachineProps): sfn.CustomState {
    const warehouse = props.warehouse;
    const resultLocation = '$states.result.QueryExecution.ResultConfiguration.OutputLocation';

    const state = new sfn.CustomState(this, `Run ${props.query.name}`, {
      stateJson: {
        Type: 'Task',
        Comment: 'Runs the saved query and waits for it to finish.',
        Resource: `arn:${Aws.PARTITION}:states:::athena:startQueryExecution.sync`,
        Arguments: {
          QueryString: props.query.sql,
          QueryExecutionContext: {
            Catalog: 'AwsDataCatalog',
            Database: warehouse.glueDatabaseName,
          },
          WorkGroup: warehouse.workGroupName,
          ExecutionParameters: reportExecutionParameters(props.query, props.timeZone),
        },
        Assign: {
          resultLocation: `{% ${resultLocation} %}`,
          queryExecutionId: '{% $states.result.QueryExecution.QueryExecutionId %}',
          dataScannedBytes: '{% $states.result.QueryExecution.Statistics.DataScannedInBytes %}',
        },
      },
    });
    return state.addRetry({
      errors: ['Athena.TooManyRequestsException'],
      interval: Duration.seconds(30),
      maxAttempts: 4,
      backoffRate: 2,
    });
  }

  private acknowledgeFindings(dataBucket: s3.IBucket): void {
    acknowledgeWildcardResource(
      this,
      dataBucket.arnForObjects(`${REPORT_PREFIX}*`),
      'One report object per business day, date=YYYY-MM-DD.csv, under the report prefix only.',
    );
    acknowledgeWildcardResource(
      this,
      '*',
      'Step Functions log delivery and X-Ray trace writes take no resource ARN; AWS ' +
        'documents both with Resource *.',
    );
  }

  private logGroup(props: ReportStateMachineProps): logs.LogGroup {
    return new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      // Run logs are diagnostics, not data: they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}

/** The SNS message: a JSON object with stable snake_case keys. */
function announcement(bucketName: string): string {
  const location = `'s3://${bucketName}/${REPORT_PREFIX}date=' & $reportDate & '.csv'`;
  return [
    '{% $string({',
    "  'report': 'daily_revenue',",
    "  'report_date': $reportDate,",
    `  'location': ${location},`,
    "  'query_execution_id': $queryExecutionId,",
    "  'data_scanned_bytes': $dataScannedBytes",
    '}) %}',
  ].join('\n');
}
