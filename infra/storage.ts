/**
 * The three buckets: the data bucket (the warehouse: Parquet tables, the raw backup and the
 * Firehose error records), the Athena results bucket, and the bucket that receives the other
 * two buckets' server access logs.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface StorageProps {
  /** Days an Athena query result is kept before it expires. */
  readonly resultsExpirationDays: number;
  /** `destroy` empties and deletes the buckets with the stack; `retain` keeps them. */
  readonly removalPolicy: 'retain' | 'destroy';
}

export class Storage extends Construct {
  /** Where Firehose writes the tables, the raw backup and the error records. */
  readonly dataBucket: s3.Bucket;

  /** Where the Athena workgroup writes query results. */
  readonly resultsBucket: s3.Bucket;

  /** Server access logs of the data and results buckets. */
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    // Let the S3 logging service write access logs through a bucket policy rather than the
    // legacy LogDeliveryWrite ACL, so the log bucket can disable ACLs altogether.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const destroy = props.removalPolicy === 'destroy';
    const lifecycle = {
      removalPolicy: destroy ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
      autoDeleteObjects: destroy,
    };

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      ...secureDefaults(),
      ...lifecycle,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { expiration: Duration.days(365), abortIncompleteMultipartUploadAfter: WEEK },
      ],
    });

    this.dataBucket = new s3.Bucket(this, 'Data', {
      ...secureDefaults(),
      ...lifecycle,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'data/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: WEEK },
        // The raw backup is the replayable history: it is never expired, only moved to cheaper
        // storage once it is rarely read.
        {
          prefix: 'raw/',
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
            {
              storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(180),
            },
          ],
        },
      ],
    });

    this.resultsBucket = new s3.Bucket(this, 'AthenaResults', {
      ...secureDefaults(),
      ...lifecycle,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'athena-results/',
      lifecycleRules: [
        {
          expiration: Duration.days(props.resultsExpirationDays),
          abortIncompleteMultipartUploadAfter: WEEK,
        },
      ],
    });
  }
}

const WEEK = Duration.days(7);

function secureDefaults() {
  return {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
  } satisfies s3.BucketProps;
}
