import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommand } from '../../../cli/commands/demo.ts';
import { LocalWarehouse } from '../../../local/duckdb/local-warehouse.ts';
import { gameDay } from '../../../local/generate/game-day.ts';
import { findSavedQuery } from '../../../queries/catalog.ts';
import { type CommandRun, runCommand } from './run-aws-command.ts';

const ORDERS = 40;

let folder: string;
let warehouse: string;
let run: CommandRun;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'orderfeed-demo-test-'));
  warehouse = join(folder, 'warehouse');
  run = await runCommand(demoCommand(), ['--orders', String(ORDERS), '--warehouse', warehouse]);
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('Command: demo', () => {
  it('generates the seeded game day and ingests every one of its records', () => {
    const { records, orderEvents } = gameDay({
      seed: 1,
      orders: ORDERS,
      date: '2025-08-15',
    }).counts;

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Generated ${records} records: ${orderEvents} order events`);
    expect(run.stdout).toContain(`Ingested ${records} records into ${warehouse}:`);
  });

  it('prints the ingest summary as orderfeed ingest does, with the generated counts', () => {
    const { orderEvents, redeliveries, nonOrderEvents, malformed } = gameDay({
      seed: 1,
      orders: ORDERS,
      date: '2025-08-15',
    }).counts;
    const section = run.stdout.split(`into ${warehouse}:\n`)[1]?.split('\n\n')[0] ?? '';

    const lines = section.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(
      /^│ table\s+│ written │ rows │ duplicates │ non-order │ no rows │ failed │$/,
    );
    // Each order event is one order_events row; a re-delivery is a duplicate, a broken
    // record fails.
    expect(lines[3]).toMatch(
      new RegExp(
        `^│ order_events\\s+│\\s+${orderEvents} │\\s+${orderEvents} │\\s+${redeliveries} │` +
          `\\s+${nonOrderEvents} │\\s+0 │\\s+${malformed} │$`,
      ),
    );
  });

  it('prints daily revenue and two more reports, as the saved queries answer them', async () => {
    const opened = await LocalWarehouse.open(warehouse);
    const params = {
      start_date: '2025-08-15',
      end_date: '2025-08-15',
      timezone: 'America/Chicago',
    };
    const daily = await opened.runSavedQuery(findSavedQuery('daily_revenue'), params);
    opened.close();

    const [day] = daily.rows;
    expect(day?.business_date).toBe('2025-08-15');
    expect(run.stdout).toMatch(
      new RegExp(`│ 2025-08-15\\s+│\\s+${day?.orders} │\\s+${day?.gross_sales_cents} │`),
    );
    expect(run.stdout).toContain('Daily revenue (daily_revenue)');
    expect(run.stdout).toContain('Revenue by revenue center (revenue_by_revenue_center)');
    expect(run.stdout).toMatch(/Data quality .* \(data_quality\)/);
  });

  it('says where the warehouse is and how to query it', () => {
    expect(run.stdout).toContain(`The warehouse is in ${warehouse}`);
    expect(run.stdout).toContain(
      `npx orderfeed query revenue_by_menu_item --warehouse ${warehouse}`,
    );
  });

  it('refuses a warehouse folder that already holds files', async () => {
    const used = mkdtempSync(join(folder, 'used-'));
    writeFileSync(join(used, 'something.txt'), 'not a warehouse');

    const refused = await runCommand(demoCommand(), ['--warehouse', used]);

    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`${used} is not empty; give a new folder`);
  });
});
