/**
 * cdk-nag findings the reporting constructs accept, acknowledged through CDK's Validations
 * (how cdk-nag 3 suppresses) with the reason for each.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges AwsSolutions-IAM5 for a resource ARN that ends in a wildcard, on `scope` and
 * the policies beneath it. cdk-nag names the finding after the ARN as the template spells
 * it, references flattened to `<LogicalId>` / `<LogicalId.Attribute>`; so does this.
 */
export function acknowledgeWildcardResource(scope: IConstruct, arn: string, reason: string): void {
  const resource = flattenReference(Stack.of(scope).resolve(arn));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
}

/** Acknowledges one cdk-nag finding by its full id, on `scope` and everything beneath it. */
export function acknowledgeFinding(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

function flattenReference(node: unknown): string {
  if (typeof node === 'string') return node;
  const value = node as Record<string, unknown>;
  const join = value['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(flattenReference).join(join[0]);
  const getAtt = value['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt) return `<${getAtt[0]}.${getAtt[1]}>`;
  if (typeof value.Ref === 'string') return `<${value.Ref}>`;
  return JSON.stringify(node);
}
