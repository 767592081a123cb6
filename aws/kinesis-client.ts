/**
 * Builds the Kinesis client of the CLI commands.
 */
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { RoleCredentials } from './assume-role.ts';

export interface KinesisClientOptions {
  /** @default the region of the AWS profile or environment */
  readonly region?: string;
  /**
   * A Kinesis endpoint other than AWS's, e.g. a local kinesalite. The SDK talks HTTP/2 to
   * Kinesis, which local emulators do not speak, so such an endpoint is reached over
   * HTTP/1.1. @default AWS's endpoint for the region
   */
  readonly endpoint?: string;
  /** @default the AWS SDK's credential chain */
  readonly credentials?: RoleCredentials;
}

export function kinesisClient(options: KinesisClientOptions): KinesisClient {
  const { region, endpoint, credentials } = options;
  return new KinesisClient({
    ...(region ? { region } : {}),
    ...(credentials ? { credentials } : {}),
    ...(endpoint ? { endpoint, requestHandler: new NodeHttpHandler() } : {}),
  });
}
