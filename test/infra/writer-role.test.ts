import { Stack } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { WriterRole } from '../../infra/writer-role.ts';

describe('Construct: WriterRole', () => {
  it('refuses an external id on the phase 1 own-account trust', () => {
    const stack = new Stack();
    const streamKey = new kms.Key(stack, 'Key');
    const stream = new kinesis.Stream(stack, 'Stream', { encryptionKey: streamKey });

    const build = () => new WriterRole(stack, 'Writer', { stream, streamKey, externalId: 'x1' });

    expect(build).toThrow(
      'WriterRole Writer: externalId is given without publisherRoleArn; the external id ' +
        "applies to VenueNext's role only, so give both or neither",
    );
  });
});
