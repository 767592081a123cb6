import { describe, expect, it } from 'vitest';
import { handoffMessage } from '../../aws/handoff-message.ts';

const DETAILS = {
  writerRoleArn: 'arn:aws:iam::111122223333:role/orderfeed-writer',
  streamName: 'orderfeed-orders',
  region: 'us-east-2',
};

describe('Function: handoffMessage', () => {
  it('gives VenueNext the writer role ARN, region and stream name for phase 1', () => {
    const message = handoffMessage(DETAILS);

    expect(message).toContain(
      '  Writer role ARN: arn:aws:iam::111122223333:role/orderfeed-writer\n' +
        '  Region:          us-east-2\n' +
        '  Stream name:     orderfeed-orders\n',
    );
    expect(message).not.toContain('External ID (pass it');
  });

  it('asks VenueNext to key each record by the order uuid, keeping an order on one shard', () => {
    const message = handoffMessage(DETAILS);

    expect(message).toContain(
      "Use the order's uuid (p.uuid) as each record's partition key, so that every event of\n" +
        'one order lands on the same shard, in order.\n',
    );
  });

  it('gives the complete phase 2 command, with the context of the deployed stack', () => {
    const deployContext = '-c prefix=orderfeed -c ecosystemEnv=mars-dev';

    const message = handoffMessage({ ...DETAILS, deployContext });

    expect(message).toContain(
      'trust it (and only it) by deploying again:\n' +
        '  npx cdk deploy -c prefix=orderfeed -c ecosystemEnv=mars-dev ' +
        '-c publisherRoleArn=<VenueNext role ARN>\n' +
        '  (If you agree an external ID with VenueNext, add -c externalId=<that ID>.)\n',
    );
  });

  it("marks the first deploy's options as a blank to fill when the stack is unknown", () => {
    const message = handoffMessage(DETAILS);

    expect(message).toContain(
      '  npx cdk deploy <the -c options of your first deploy> ' +
        '-c publisherRoleArn=<VenueNext role ARN>\n' +
        '  (orderfeed handoff --stack <stack name> fills in the options of your first deploy.)\n',
    );
  });

  it('says whom the writer role trusts once phase 2 is deployed', () => {
    const publisher = 'arn:aws:iam::999988887777:role/vn-kinesis-publisher';

    const message = handoffMessage({ ...DETAILS, trustedPublisher: publisher });

    expect(message).toContain(
      `--- Phase 2 is deployed ---\nThe writer role trusts ${publisher} and nothing else.\n`,
    );
    expect(message).not.toContain('npx cdk deploy');
  });

  it('shares the external ID with VenueNext and adds it to the phase 2 deploy', () => {
    const message = handoffMessage(DETAILS, { externalId: 'cubs-7f3a' });

    expect(message).toContain(
      '  External ID (pass it as ExternalId when assuming the role): cubs-7f3a\n',
    );
    expect(message).toContain(
      '  npx cdk deploy <the -c options of your first deploy> ' +
        '-c publisherRoleArn=<VenueNext role ARN> -c externalId=cubs-7f3a\n',
    );
  });
});
