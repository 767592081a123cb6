/**
 * The SNS topic every orderfeed alarm notifies, encrypted with a key CloudWatch is allowed to
 * use (CloudWatch cannot publish to a topic under the AWS-managed SNS key).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  readonly topicName: string;
  /** Subscribed by e-mail; when left out, subscribe to the topic after the deploy. */
  readonly alarmEmail?: string;
}

export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);

    const key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${props.topicName} alarm topic`,
      enableKeyRotation: true,
    });
    key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );

    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'orderfeed alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    }
  }
}
