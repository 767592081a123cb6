/**
 * The cdk-nag AwsSolutions findings orderfeed accepts, each with the reason it is accepted.
 * Everything else must pass: the tests fail on any finding not acknowledged here.
 */
import { type CfnElement, type Stack, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { RESULTS_FOLDER } from './athena-workgroup.ts';

interface Acknowledgement {
  /** Where the finding is, as a construct path below the stack; `*` matches one level. */
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** The resources whose findings name them by logical id. */
export interface NagSubjects {
  readonly dataBucket: s3.IBucket;
  readonly resultsBucket: s3.IBucket;
  readonly viewsFunction: lambda.IFunction;
  /** The data bucket folders each delivery stream writes to, by delivery construct id. */
  readonly deliveryFolders: Readonly<Record<string, readonly string[]>>;
}

const BASIC_EXECUTION_ROLE =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/' +
  'AWSLambdaBasicExecutionRole]';

function acknowledgements(stack: Stack, subjects: NagSubjects): Acknowledgement[] {
  const arn = (resource: IConstruct) =>
    `<${stack.getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;
  const objects = (bucket: s3.IBucket, folder: string) =>
    `AwsSolutions-IAM5[Resource::${arn(bucket)}/${folder}*]`;

  return [
    {
      path: 'OrderStream/Stream',
      id: 'AwsSolutions-KDS3',
      reason:
        "The stream uses the client's own key so the writer role's KMS grant names that " +
        'key and the client can audit or revoke it; Kinesis caches data keys, so the extra ' +
        "KMS cost is small at a venue's event volume.",
    },
    ...Object.entries(subjects.deliveryFolders).flatMap(([id, folders]) => [
      {
        path: id,
        id: 'AwsSolutions-KDF1',
        reason:
          'Firehose server-side encryption cannot be set on a delivery stream whose source ' +
          'is a Kinesis stream; records are encrypted in the stream (KMS) and in S3.',
      },
      ...folders.map((folder) => ({
        path: `${id}/Role`,
        id: objects(subjects.dataBucket, folder),
        reason:
          `Firehose writes objects with generated keys under ${folder} and nowhere else; ` +
          'the wildcard is the folder, not the bucket.',
      })),
    ]),
    {
      path: 'Views/Function/ServiceRole',
      id: objects(subjects.resultsBucket, RESULTS_FOLDER),
      reason: 'Athena writes each DDL result under a generated key in the results folder.',
    },
    ...['*/Function/ServiceRole', 'Views/Provider/framework-onEvent/ServiceRole'].map((path) => ({
      path,
      id: BASIC_EXECUTION_ROLE,
      reason: 'AWSLambdaBasicExecutionRole only lets the function write its own logs.',
    })),
    {
      path: 'Views/Provider/framework-onEvent/ServiceRole',
      id: `AwsSolutions-IAM5[Resource::${arn(subjects.viewsFunction)}:*]`,
      reason:
        'The CDK Provider framework invokes any version of the views function it fronts; ' +
        'the grant is that one function.',
    },
  ];
}

export function suppressAcceptedFindings(stack: Stack, subjects: NagSubjects): void {
  for (const acknowledgement of acknowledgements(stack, subjects)) {
    const found = findConstructs(stack, acknowledgement.path);
    if (found.length === 0) {
      throw new Error(`nag acknowledgement for ${acknowledgement.path} matches no construct`);
    }
    for (const construct of found) {
      Validations.of(construct).acknowledge({
        id: acknowledgement.id,
        reason: acknowledgement.reason,
      });
    }
  }
}

function findConstructs(stack: Stack, path: string): IConstruct[] {
  const pattern = new RegExp(
    `^${path
      .split('/')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('/')}$`,
  );
  const prefix = `${stack.node.path}/`;
  return stack.node
    .findAll()
    .filter((construct) => pattern.test(construct.node.path.slice(prefix.length)));
}
