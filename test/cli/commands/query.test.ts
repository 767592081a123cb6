import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCommand } from '../../../cli/commands/query.ts';
import { DAILY_REVENUE_CHICAGO, reportWarehouse } from '../../queries/helpers/report-warehouse.ts';
import { runCommand } from './run-aws-command.ts';

const CHICAGO = [
  '--param',
  'start_date=2020-08-25',
  '--param',
  'end_date=2020-08-26',
  '--param',
  'timezone=America/Chicago',
];

let warehouse: string;
let empty: string;

beforeAll(async () => {
  warehouse = await reportWarehouse(1);
  empty = mkdtempSync(join(tmpdir(), 'orderfeed-empty-'));
});

afterAll(() => {
  rmSync(warehouse, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

describe('Command: query', () => {
  it('prints daily revenue as JSON with plain numbers and YYYY-MM-DD dates', async () => {
    const args = ['daily_revenue', ...CHICAGO, '--format', 'json', '--warehouse', warehouse];

    const run = await runCommand(queryCommand(), args);

    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(DAILY_REVENUE_CHICAGO);
  });

  it('prints CSV', async () => {
    const args = ['hourly_sales', ...CHICAGO, '--format', 'csv', '--warehouse', warehouse];

    const run = await runCommand(queryCommand(), args);

    expect(run.stdout).toBe(
      'business_date,local_hour,orders,gross_sales_cents,net_sales_cents,total_cents\r\n' +
        '2020-08-25,20,1,6000,6000,7500\r\n' +
        '2020-08-26,14,1,2000,1800,2000\r\n' +
        '2020-08-26,21,1,2400,1050,2750\r\n',
    );
  });

  it('reads a saved view whole', async () => {
    const args = ['orders_latest', '--format', 'json', '--warehouse', warehouse];

    const run = await runCommand(queryCommand(), args);

    expect(JSON.parse(run.stdout)).toHaveLength(4);
  });

  it('prints an empty result for a warehouse with no files yet', async () => {
    const args = ['daily_revenue', ...CHICAGO, '--format', 'json', '--warehouse', empty];

    const run = await runCommand(queryCommand(), args);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('[]\n');
  });

  it('shows no default for --param and a game-day example in --help', () => {
    const help = printedHelp(queryCommand());

    expect(help).toMatch(/--param <name=value> +a query parameter; repeat for each\n/);
    expect(help).toContain(
      'orderfeed query daily_revenue --param start_date=2025-08-15 --param end_date=2025-08-15',
    );
  });

  it('fails naming a warehouse folder that does not exist', async () => {
    const missing = join(empty, 'nope');

    const run = await runCommand(queryCommand(), ['orders_latest', '--warehouse', missing]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`orderfeed query: warehouse ${missing} does not exist\n`);
    expect(run.stdout).toBe('');
  });

  it('fails naming a warehouse path that is a file', async () => {
    const file = join(empty, 'feed.ndjson');
    writeFileSync(file, '{}\n');

    const run = await runCommand(queryCommand(), ['orders_latest', '--warehouse', file]);
    rmSync(file);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`orderfeed query: warehouse ${file} is not a folder\n`);
  });

  it('fails naming a missing parameter', async () => {
    const args = ['daily_revenue', '--param', 'start_date=2020-08-25', '--warehouse', empty];

    const run = await runCommand(queryCommand(), args);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('query daily_revenue: missing parameter end_date, timezone');
    expect(run.stdout).toBe('');
  });

  it('fails naming an unknown parameter', async () => {
    const args = ['daily_revenue', ...CHICAGO, '--param', 'venue=x', '--warehouse', empty];

    const run = await runCommand(queryCommand(), args);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('unknown parameter venue');
  });

  it('fails for a parameter that is not name=value', async () => {
    const run = await runCommand(queryCommand(), ['daily_revenue', '--param', 'timezone']);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('expected name=value, got "timezone"');
  });

  it('fails for an unknown query, naming the known ones', async () => {
    const run = await runCommand(queryCommand(), ['weekly_revenue', '--warehouse', empty]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/no saved query named weekly_revenue; known: daily_revenue, /);
  });

  it('fails when no query is named', async () => {
    const run = await runCommand(queryCommand(), []);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('name a saved query to run, or use --list');
  });

  it('lists the saved queries with their parameters', async () => {
    const run = await runCommand(queryCommand(), ['--list', '--format', 'json']);

    const listed = JSON.parse(run.stdout);
    expect(listed).toContainEqual({
      name: 'daily_revenue',
      kind: 'query',
      parameters: 'start_date (date), end_date (date), timezone (varchar)',
      description: expect.any(String),
    });
    expect(listed.map((entry: { name: string }) => entry.name)).toContain('orders_latest');
  });

  it('lists a usage line per query for people', async () => {
    const run = await runCommand(queryCommand(), ['--list']);

    expect(run.stdout).toContain(
      'orderfeed query data_quality --param start_dt=<date> --param end_dt=<date>',
    );
  });
});

/** What --help prints, the text added after the options included. */
function printedHelp(command: ReturnType<typeof queryCommand>): string {
  let text = '';
  command.configureOutput({ writeOut: (out) => (text += out) }).exitOverride();
  try {
    command.parse(['node', 'query', '--help']);
  } catch {
    // --help ends the parse by throwing under exitOverride; the text is already written.
  }
  return text;
}
