/**
 * Small stand-ins for the aws tests: AWS answers in their SDK shapes, a sleep that only
 * records how long it was asked to wait, and temporary event files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DescribeStacksCommandOutput } from '@aws-sdk/client-cloudformation';
import type { GetObjectCommandOutput } from '@aws-sdk/client-s3';

/** A DescribeStacks answer for one deployed stack with these outputs. */
export function describedStack(
  stackName: string,
  outputs: Record<string, string>,
): Omit<DescribeStacksCommandOutput, '$metadata'> {
  const Outputs = Object.entries(outputs).map(([OutputKey, OutputValue]) => ({
    OutputKey,
    OutputValue,
  }));
  return {
    Stacks: [
      { StackName: stackName, CreationTime: new Date(0), StackStatus: 'UPDATE_COMPLETE', Outputs },
    ],
  };
}

/** A GetObject body holding `bytes`. */
export function objectBody(bytes: Uint8Array): GetObjectCommandOutput['Body'] {
  return { transformToByteArray: async () => bytes } as unknown as GetObjectCommandOutput['Body'];
}

/** Records every wait instead of waiting, so retries and polls run without timers. */
export function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Writes `text` to `events.ndjson` in a new temporary folder; returns its path. */
export function eventsFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'orderfeed-aws-')), 'events.ndjson');
  writeFileSync(file, text);
  return file;
}
