/**
 * The "Kinesis writer" role of the VenueNext hand-off, in two phases.
 *
 * Phase 1 (no `publisherRoleArn`): the role exists so its ARN can be handed to VenueNext, and
 * only principals of this account that are allowed to by their own IAM policy can assume it
 * (that is how the client tests it with `orderfeed publish`). Phase 2: the trust policy names
 * VenueNext's Lambda role alone; an `externalId` adds an `sts:ExternalId` condition. An external
 * id belongs to the VenueNext trust alone: on the phase 1 own-account trust it would make the
 * client's own `orderfeed publish --role-arn` test fail, so it is refused there.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface WriterRoleProps {
  readonly stream: kinesis.IStream;
  readonly streamKey: kms.IKey;
  /** VenueNext's publisher role; when left out the role trusts this account only (phase 1). */
  readonly publisherRoleArn?: string;
  /**
   * When given, every AssumeRole must pass this external id; only with `publisherRoleArn`.
   * @default no sts:ExternalId condition
   */
  readonly externalId?: string;
}

export class WriterRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: WriterRoleProps) {
    super(scope, id);
    if (props.externalId && !props.publisherRoleArn) {
      throw new Error(
        `WriterRole ${id}: externalId is given without publisherRoleArn; the external id ` +
          "applies to VenueNext's role only, so give both or neither",
      );
    }

    this.role = new iam.Role(this, 'Role', {
      assumedBy: trustedPrincipal(props),
      description: props.publisherRoleArn
        ? 'Lets the VenueNext publisher put order events on the stream'
        : 'Writer role for VenueNext, awaiting their publisher role ARN (phase 1)',
    });

    // Written out rather than stream.grantWrite(): that grant adds kms:Encrypt and
    // kms:ReEncrypt*, which a Kinesis producer never calls.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'PutOrderEvents',
        actions: [
          'kinesis:PutRecord',
          'kinesis:PutRecords',
          'kinesis:DescribeStreamSummary',
          'kinesis:ListShards',
        ],
        resources: [props.stream.streamArn],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'EncryptOrderEvents',
        actions: ['kms:GenerateDataKey'],
        resources: [props.streamKey.keyArn],
      }),
    );
  }
}

function trustedPrincipal(props: WriterRoleProps): iam.IPrincipal {
  const principal = props.publisherRoleArn
    ? new iam.ArnPrincipal(props.publisherRoleArn)
    : new iam.AccountRootPrincipal();
  if (!props.externalId) return principal;
  return principal.withConditions({ StringEquals: { 'sts:ExternalId': props.externalId } });
}
