import { describe, expect, it } from 'vitest';
import { detailsFromFlags, HandoffFlagsError } from '../../../cli/commands/handoff-flags.ts';

const ROLE = 'arn:aws:iam::111122223333:role/orderfeed-writer';
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:111122223333:stream/orderfeed-order-events';

describe('Function: detailsFromFlags', () => {
  it('takes the stream name and region from the stream ARN', () => {
    const details = detailsFromFlags({ writerRoleArn: ROLE, streamArn: STREAM_ARN });

    expect(details).toEqual({
      writerRoleArn: ROLE,
      streamName: 'orderfeed-order-events',
      streamArn: STREAM_ARN,
      region: 'us-east-1',
    });
  });

  it('keeps the stream ARN given with the stream name', () => {
    const details = detailsFromFlags({
      writerRoleArn: ROLE,
      streamName: 'orderfeed-order-events',
      streamArn: STREAM_ARN,
      region: 'us-east-1',
    });

    expect(details.streamArn).toBe(STREAM_ARN);
  });

  it('names the missing stream flags and the stack alternative', () => {
    const build = () => detailsFromFlags({ writerRoleArn: ROLE, region: 'us-east-1' });

    expect(build).toThrow(
      new HandoffFlagsError('give --stream-name or --stream-arn, or --stack to read the outputs'),
    );
  });

  it('names every missing flag at once', () => {
    const build = () => detailsFromFlags({ streamName: 'orders' });

    expect(build).toThrow(
      'give --writer-role-arn and --region (or --stream-arn, which holds it), ' +
        'or --stack to read the outputs',
    );
  });

  it('rejects malformed role and stream ARNs with the form expected', () => {
    const build = () =>
      detailsFromFlags({
        writerRoleArn: 'X',
        streamArn: 'arn:aws:kinesis:us-east-1:123:stream/s',
      });

    expect(build).toThrow(
      new HandoffFlagsError(
        '--writer-role-arn X is not an IAM role ARN: ' +
          'give arn:aws:iam::<12-digit account>:role/<name>\n' +
          '--stream-arn arn:aws:kinesis:us-east-1:123:stream/s is not a Kinesis stream ARN: ' +
          'give arn:aws:kinesis:<region>:<12-digit account>:stream/<name>',
      ),
    );
  });

  it('rejects a region or stream name that contradicts the stream ARN', () => {
    const build = () =>
      detailsFromFlags({
        writerRoleArn: ROLE,
        streamName: 'orders',
        streamArn: STREAM_ARN,
        region: 'eu-west-1',
      });

    expect(build).toThrow(
      '--stream-name orders differs from the name in --stream-arn (orderfeed-order-events)\n' +
        '--region eu-west-1 differs from the region in --stream-arn (us-east-1)',
    );
  });
});
