/**
 * Runs the CDK app entry point the way `npx cdk synth` does (the CLI runs cdk.json's `app`
 * command with CDK_OUTDIR and CDK_CONTEXT_JSON set): real esbuild bundling, the cdk-nag
 * plugin failing the synth on any finding, and the bundled transform really answering a
 * Firehose event.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { FirehoseTransformationEvent, FirehoseTransformationResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/bundling.ts';

const run = promisify(execFile);

interface Synth {
  readonly stdout: string;
  readonly stderr: string;
}

async function synthApp(outdir: string, context: Record<string, unknown>): Promise<Synth> {
  return run(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
  });
}

interface Resource {
  readonly Type: string;
  readonly Properties: {
    readonly Environment?: { readonly Variables?: Record<string, string> };
    readonly Code?: { readonly S3Key?: string };
  };
}

interface Template {
  readonly Resources: Record<string, Resource>;
}

/** The folder esbuild wrote the function's bundle to, from the stack's asset manifest. */
function bundleOf(outdir: string, template: Template, tableName: string): string {
  const fn = Object.values(template.Resources).find(
    (r) =>
      r.Type === 'AWS::Lambda::Function' &&
      r.Properties.Environment?.Variables?.TABLE_NAME === tableName,
  );
  const hash = String(fn?.Properties.Code?.S3Key).replace(/\.zip$/, '');
  const assets = JSON.parse(readFileSync(join(outdir, 'orderfeed.assets.json'), 'utf8'));
  return join(outdir, assets.files[hash].source.path);
}

function firehoseEvent(data: Buffer): FirehoseTransformationEvent {
  return {
    invocationId: 'invocation-1',
    deliveryStreamArn:
      'arn:aws:firehose:us-east-1:123456789012:deliverystream/orderfeed-order_events',
    region: 'us-east-1',
    records: [
      {
        recordId: 'record-1',
        approximateArrivalTimestamp: Date.UTC(2020, 7, 26, 13, 5, 19),
        data: data.toString('base64'),
      },
    ],
  };
}

describe('App: infra/app.ts', () => {
  let outdir: string;
  let template: Template;

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'orderfeed-synth-'));
    await synthApp(outdir, {});
    template = JSON.parse(readFileSync(join(outdir, 'orderfeed.template.json'), 'utf8'));
  }, 180_000);

  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
  });

  it('synthesizes the orderfeed stack offline, cdk-nag included', () => {
    const types = Object.values(template.Resources).map((resource) => resource.Type);

    expect(types.filter((type) => type === 'AWS::KinesisFirehose::DeliveryStream')).toHaveLength(2);
    expect(types).toContain('Custom::OrderfeedViews');
  });

  it('bundles a transform that turns the sample event into its order_events row', async () => {
    const bundle = bundleOf(outdir, template, 'order_events');
    const sample = readFileSync(join(PROJECT_ROOT, 'local/generate/document-sample.json'));
    process.env.TABLE_NAME = 'order_events';

    const { handler } = (await import(pathToFileURL(join(bundle, 'index.mjs')).href)) as {
      handler: (event: FirehoseTransformationEvent) => Promise<FirehoseTransformationResult>;
    };
    const result = await handler(firehoseEvent(sample));

    const [answer] = result.records;
    expect(answer?.result).toBe('Ok');
    expect(answer?.metadata?.partitionKeys).toEqual({ dt: '2020-08-26' });
    const rows = Buffer.from(answer?.data ?? '', 'base64')
      .toString('utf8')
      .trimEnd()
      .split('\n');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0] ?? '{}')).toMatchObject({
      event_id: '01egndytjh3xmmt154hxa6dz4m',
      event_time: '2020-08-26T13:05:18.929Z',
      state: 'completion_pending',
      previous_state: 'processing',
      total_cents: 7500,
      tax_cents: 250,
      tip_cents: 1250,
      items_subtotal_cents: 6000,
    });
  });

  it('stops with the key, value and fix when the context is invalid', async () => {
    const failed = synthApp(join(outdir, 'invalid'), { shardCount: 'lots' });

    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr:
        'orderfeed: invalid CDK context\n' +
        'context shardCount="lots" is invalid: give a whole number of shards from 1 to 500, ' +
        'or leave it out for on-demand capacity\n',
    });
  }, 120_000);
});
