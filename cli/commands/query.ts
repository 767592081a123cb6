/**
 * `orderfeed query`: runs a saved query or view from queries/ on the local warehouse and
 * prints the result as a table, CSV or JSON; `--list` shows what can be run.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { LocalWarehouse } from '../../local/duckdb/local-warehouse.ts';
import { findSavedQuery, loadSavedQueries, type SavedQuery } from '../../queries/catalog.ts';
import { formatResult, OUTPUT_FORMATS, type OutputFormat } from '../output/output-format.ts';
import type { ResultRows } from '../output/result-rows.ts';
import { warehouseProblem } from '../warehouse-folder.ts';
import { DEFAULT_GAME_DATE } from './generate.ts';
import { runOnAthena } from './query-athena.ts';

interface QueryFlags {
  /** Absent when no --param is given: commander would print a `{}` default in --help. */
  param?: Record<string, string>;
  format: OutputFormat;
  warehouse: string;
  list?: boolean;
  athena?: boolean;
  workgroup?: string;
  database?: string;
  region?: string;
}

export function queryCommand(): Command {
  const command = new Command('query')
    .description('Run a saved query or view on the local warehouse, or in Athena (--athena).')
    .argument('[name]', 'saved query or view, e.g. daily_revenue (see --list)')
    .option('--param <name=value>', 'a query parameter; repeat for each', collectParam)
    .addOption(
      new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'),
    )
    .option('--warehouse <dir>', 'local warehouse folder', './warehouse')
    .option('--list', 'list the saved queries and views with their parameters')
    .option('--athena', 'run in the deployed Athena workgroup instead of the local warehouse')
    .option('--workgroup <name>', 'with --athena: the workgroup (default: orderfeed)')
    .option('--database <name>', 'with --athena: Glue database (default: workgroup, - as _)')
    .option('--region <region>', 'with --athena: AWS region (default: from the AWS profile)')
    .addHelpText(
      'after',
      '\nExample, on the game day `orderfeed generate` writes:\n' +
        `  orderfeed query daily_revenue --param start_date=${DEFAULT_GAME_DATE} ` +
        `--param end_date=${DEFAULT_GAME_DATE} --param timezone=America/Chicago`,
    );

  return command.action(async (name: string | undefined, given: QueryFlags) => {
    const flags = { ...given, param: given.param ?? {} };
    const print = (text: string) => command.configureOutput().writeOut?.(text);
    if (!name && !flags.list) return fail(command, 'name a saved query to run, or use --list');
    const local = name && !flags.list && !flags.athena;
    const problem = local ? warehouseProblem(flags.warehouse, { mustExist: true }) : undefined;
    if (problem) return fail(command, problem);
    try {
      if (flags.list || !name) return print(listText(flags.format));

      const saved = findSavedQuery(name);
      if (flags.athena) {
        const run = await runOnAthena(saved, flags);
        print(formatResult(run.result, flags.format));
        // CSV and JSON stay machine-readable on stdout; the cost goes beside them.
        if (flags.format === 'table') print(run.costLine);
        else command.configureOutput().writeErr?.(run.costLine);
        return;
      }
      print(formatResult(await runLocally(saved, flags), flags.format));
    } catch (error) {
      fail(command, error instanceof Error ? error.message : String(error));
    }
  });
}

/** Runs a query with its parameters, or reads a view whole (views take no parameters). */
async function runLocally(
  saved: SavedQuery,
  flags: Required<Pick<QueryFlags, 'param' | 'warehouse'>>,
): Promise<ResultRows> {
  const warehouse = await LocalWarehouse.open(flags.warehouse);
  try {
    if (saved.kind === 'query') return await warehouse.runSavedQuery(saved, flags.param);
    const given = Object.keys(flags.param);
    if (given.length > 0) {
      throw new Error(`view ${saved.name} takes no parameters, got ${given.join(', ')}`);
    }
    return await warehouse.query(`SELECT * FROM ${saved.name}`);
  } finally {
    warehouse.close();
  }
}

/** The saved queries as text: one entry per query for people, rows for csv and json. */
function listText(format: OutputFormat): string {
  if (format !== 'table') return formatResult(savedQueryList(), format);
  return loadSavedQueries()
    .map((saved) => {
      const params = saved.parameters.map(
        (parameter) => `--param ${parameter.name}=<${parameter.type}>`,
      );
      const usage = [`orderfeed query ${saved.name}`, ...params].join(' ');
      const details = saved.parameters.map((p) => `    ${p.name}: ${p.description}`);
      return [`${saved.name} (${saved.kind}): ${saved.description}`, `  ${usage}`, ...details].join(
        '\n',
      );
    })
    .join('\n\n')
    .concat('\n');
}

function savedQueryList(): ResultRows {
  const rows = loadSavedQueries().map((saved) => ({
    name: saved.name,
    kind: saved.kind,
    parameters: saved.parameters
      .map((parameter) => `${parameter.name} (${parameter.type})`)
      .join(', '),
    description: saved.description,
  }));
  return { columns: ['name', 'kind', 'parameters', 'description'], rows };
}

/** Commander option parser: `--param k=v`, repeatable; each name at most once. */
function collectParam(text: string, params: Record<string, string> = {}): Record<string, string> {
  const separator = text.indexOf('=');
  if (separator <= 0) throw new InvalidArgumentError(`expected name=value, got "${text}"`);
  const name = text.slice(0, separator);
  if (params[name] !== undefined) throw new InvalidArgumentError(`${name} is given twice`);
  return { ...params, [name]: text.slice(separator + 1) };
}

function fail(command: Command, reason: string): never {
  return command.error(`orderfeed query: ${reason}`, { exitCode: 1 });
}
