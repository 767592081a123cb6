/**
 * Assumes the writer role the way VenueNext's Lambda does, for `orderfeed publish`.
 */
import {
  AssumeRoleCommand,
  type AssumeRoleCommandOutput,
  type STSClient,
} from '@aws-sdk/client-sts';

/** Temporary credentials, in the shape every SDK client's `credentials` takes. */
export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export interface AssumeRoleOptions {
  readonly roleArn: string;
  /** The external ID the role's trust policy requires. @default none is sent */
  readonly externalId?: string;
  /** Shows up in CloudTrail as who assumed the role. @default `orderfeed-publish` */
  readonly sessionName?: string;
}

export class AssumeRoleError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AssumeRoleError';
  }
}

/**
 * Returns the role's temporary credentials. Note: they are not refreshed; STS issues them
 * for an hour by default, far longer than publishing a file of events takes.
 */
export async function assumeRole(
  sts: STSClient,
  options: AssumeRoleOptions,
): Promise<RoleCredentials> {
  const { roleArn, externalId, sessionName = 'orderfeed-publish' } = options;
  let answer: AssumeRoleCommandOutput;
  try {
    const request = { RoleArn: roleArn, RoleSessionName: sessionName, ExternalId: externalId };
    answer = await sts.send(new AssumeRoleCommand(request));
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new AssumeRoleError(`could not assume ${roleArn}: ${reason}`, { cause: error });
  }

  const credentials = answer.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
    throw new AssumeRoleError(`STS returned no credentials for ${roleArn}`);
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}
