/**
 * The Kinesis stream VenueNext publishes into, encrypted with a key of the client's own, so
 * the key policy (not an AWS-managed key) decides who may write and read.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface OrderStreamProps {
  /** The stream's name, which VenueNext is given at hand-off. */
  readonly streamName: string;
  /** A fixed shard count; when left out the stream uses on-demand capacity. */
  readonly shardCount?: number;
  /** How long records stay readable, for replay after an outage. */
  readonly retentionHours: number;
  readonly removalPolicy: 'retain' | 'destroy';
}

export class OrderStream extends Construct {
  readonly stream: kinesis.Stream;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: OrderStreamProps) {
    super(scope, id);
    const removalPolicy =
      props.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${props.streamName} Kinesis stream`,
      enableKeyRotation: true,
      removalPolicy,
    });

    const onDemand = props.shardCount === undefined;
    this.stream = new kinesis.Stream(this, 'Stream', {
      streamName: props.streamName,
      streamMode: onDemand ? kinesis.StreamMode.ON_DEMAND : kinesis.StreamMode.PROVISIONED,
      shardCount: props.shardCount,
      retentionPeriod: Duration.hours(props.retentionHours),
      encryption: kinesis.StreamEncryption.KMS,
      encryptionKey: this.key,
      removalPolicy,
    });
  }
}
