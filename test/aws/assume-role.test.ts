import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AssumeRoleError, assumeRole } from '../../aws/assume-role.ts';

const sts = mockClient(STSClient);
const client = new STSClient({ region: 'us-east-1' });
const ROLE = 'arn:aws:iam::111122223333:role/orderfeed-writer';

afterEach(() => sts.reset());

describe('Function: assumeRole', () => {
  it('assumes the writer role with the external ID and returns its credentials', async () => {
    const expiration = new Date('2026-12-03T17:00:00Z');
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAEXAMPLE',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: expiration,
      },
    });

    const credentials = await assumeRole(client, { roleArn: ROLE, externalId: 'cubs-7f3a' });

    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'orderfeed-publish',
      ExternalId: 'cubs-7f3a',
    });
    expect(credentials).toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration,
    });
  });

  it('throws naming the role and the reason STS refused', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: sts:AssumeRole'), {
      name: 'AccessDenied',
    });
    sts.on(AssumeRoleCommand).rejects(denied);

    const assuming = assumeRole(client, { roleArn: ROLE });

    await expect(assuming).rejects.toThrow(AssumeRoleError);
    await expect(assuming).rejects.toThrow(
      `could not assume ${ROLE}: AccessDenied: User is not authorized to perform: sts:AssumeRole`,
    );
  });
});
