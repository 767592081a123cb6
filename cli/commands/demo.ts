/**
 * `orderfeed demo` (what `npm start` runs): the whole local job on a realistic feed. It
 * generates a seeded game day, ingests it into a fresh warehouse through the very transform
 * the Firehose Lambda runs, prints three saved reports, and says how to query further.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Command, InvalidArgumentError } from 'commander';
import { LocalWarehouse } from '../../local/duckdb/local-warehouse.ts';
import { type GameDay, gameDay } from '../../local/generate/game-day.ts';
import { VENUE } from '../../local/generate/stadium.ts';
import { ingest } from '../../local/ingest.ts';
import { findSavedQuery } from '../../queries/catalog.ts';
import { ingestSummaryTable } from '../output/ingest-report.ts';
import { formatResult } from '../output/output-format.ts';
import { counted } from '../output/plural.ts';
import type { ResultRows } from '../output/result-rows.ts';
import { DEFAULT_GAME_DATE, feedCounts } from './generate.ts';

interface DemoFlags {
  warehouse?: string;
  seed: number;
  orders: number;
}

interface Report {
  readonly title: string;
  readonly query: string;
  readonly params: Record<string, string>;
}

export function demoCommand(): Command {
  const command = new Command('demo')
    .description('Generate a game day, ingest it into a fresh local warehouse, print reports.')
    .option('--warehouse <dir>', 'new or empty folder for the warehouse (default: a temp folder)')
    .option('--seed <n>', 'seed of the generated game day', wholeNumber, 1)
    .option('--orders <n>', 'orders placed during the game', wholeNumber, 500);

  return command.action(async (flags: DemoFlags) => {
    const print = (text: string) => command.configureOutput().writeOut?.(text);
    const warehouse = freshWarehouse(command, flags.warehouse);
    const date = DEFAULT_GAME_DATE;
    const day = gameDay({ seed: flags.seed, orders: flags.orders, date });

    try {
      print(`Game day ${date} in ${VENUE.timeZone}: seed ${flags.seed}, ${flags.orders} orders.\n`);
      print(`Generated ${feedCounts(day)}.\n`);
      const summary = await ingest({ inputs: ['-'], stdin: feedStream(day), warehouse });
      print(`\nIngested ${counted(summary.records, 'record')} into ${warehouse}:\n`);
      print(`${ingestSummaryTable(summary)}\n`);

      for (const report of reports(date)) {
        print(`\n${report.title} (${report.query})\n`);
        print(formatResult(await runReport(warehouse, report), 'table'));
      }
      print(nextSteps(warehouse, date));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      command.error(`orderfeed demo: ${reason}`, { exitCode: 1 });
    }
  });
}

/** The reports the demo prints: the day's revenue, where it was made, and the feed's mess. */
function reports(date: string): Report[] {
  const day = { start_date: date, end_date: date, timezone: VENUE.timeZone };
  // Evening orders in Chicago land in the next UTC partition; failed records are filed under
  // the date they arrived, which is today.
  const today = new Date().toISOString().slice(0, 10);
  const lastDt = [nextDay(date), today].sort().at(-1) ?? today;
  return [
    { title: 'Daily revenue', query: 'daily_revenue', params: day },
    { title: 'Revenue by revenue center', query: 'revenue_by_revenue_center', params: day },
    {
      title:
        'Data quality by UTC partition date; failed records are filed under today, their arrival',
      query: 'data_quality',
      params: { start_dt: date, end_dt: lastDt },
    },
  ];
}

async function runReport(folder: string, report: Report): Promise<ResultRows> {
  const warehouse = await LocalWarehouse.open(folder);
  try {
    return await warehouse.runSavedQuery(findSavedQuery(report.query), report.params);
  } finally {
    warehouse.close();
  }
}

/** A warehouse folder that holds nothing yet, so the reports show this run alone. */
function freshWarehouse(command: Command, given: string | undefined): string {
  if (!given) return join(mkdtempSync(join(tmpdir(), 'orderfeed-demo-')), 'warehouse');
  const folder = resolve(given);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    command.error(`orderfeed demo: ${folder} is not empty; give a new folder`, { exitCode: 1 });
  }
  return folder;
}

/** The generated records as NDJSON, streamed into the ingest as its standard input. */
function feedStream(day: GameDay): Readable {
  return Readable.from(
    (function* () {
      for (const record of day.records()) yield Buffer.concat([record, Buffer.from('\n')]);
    })(),
  );
}

function nextSteps(warehouse: string, date: string): string {
  const params = `--param start_date=${date} --param end_date=${date}`;
  return [
    '',
    `The warehouse is in ${warehouse} (Parquet by table and dt, as Firehose lays out S3).`,
    'Query it with the saved queries:',
    `  npx orderfeed query --list`,
    `  npx orderfeed query revenue_by_menu_item --warehouse ${warehouse} \\`,
    `    ${params} --param timezone=${VENUE.timeZone}`,
    '',
  ].join('\n');
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function wholeNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError('expected a whole number, e.g. 42');
  }
  return value;
}
