import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportWarehouse } from '../queries/helpers/report-warehouse.ts';

const ORDERFEED = new URL('../../bin/orderfeed.mjs', import.meta.url).pathname;

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

/**
 * Runs the real `orderfeed` with its output piped to a reader that has already gone away, as
 * `orderfeed ... | head` leaves it once head has its lines: every write then fails with EPIPE.
 */
function runIntoClosedPipe(args: readonly string[]): Promise<Exit> {
  const child = spawn(process.execPath, [ORDERFEED, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

let warehouse: string;

beforeAll(async () => {
  warehouse = await reportWarehouse(1);
});

afterAll(() => {
  rmSync(warehouse, { recursive: true, force: true });
});

describe('orderfeed --version', () => {
  it("prints package.json's version alone", async () => {
    const manifest = new URL('../../package.json', import.meta.url);
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    const child = spawn(process.execPath, [ORDERFEED, '--version']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));

    const code = await new Promise((resolve) => child.on('close', resolve));

    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });
});

describe('orderfeed piped into a reader that stops early', () => {
  it.each(['json', 'csv', 'table'])('query --format %s exits 0 without a word', async (format) => {
    const args = ['query', 'orders_latest', '--format', format, '--warehouse', warehouse];

    const exit = await runIntoClosedPipe(args);

    expect(exit).toEqual({ code: 0, stderr: '' });
  });

  it('generate exits 0 without a word', async () => {
    const exit = await runIntoClosedPipe(['generate', '--orders', '5']);

    expect(exit).toEqual({ code: 0, stderr: '' });
  });
});
