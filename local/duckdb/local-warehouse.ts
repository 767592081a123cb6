/**
 * The local warehouse, opened for queries: an in-memory DuckDB session that speaks Athena's
 * SQL, with one view per table over the Parquet files of a warehouse folder, a view over the
 * failed records, and the saved views of queries/.
 *
 * @example
 * const warehouse = await LocalWarehouse.open('./warehouse');
 * const { rows } = await warehouse.runSavedQuery(findSavedQuery('daily_revenue'), {
 *   start_date: '2020-08-25', end_date: '2020-08-25', timezone: 'America/Chicago',
 * });
 * warehouse.close(); // rows: [{ business_date: '2020-08-25', orders: 1, ... }]
 *
 * Note: the views see the files that exist when the warehouse is opened; open it again after
 * an ingest to see what it wrote.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { loadSavedQueries, QUERIES_DIR, type SavedQuery } from '../../queries/catalog.ts';
import { parameterValues } from '../../queries/parameters.ts';
import { TABLES } from '../../transform/tables/index.ts';
import { ATHENA_DIALECT } from './athena-dialect.ts';
import { processingFailedViewSql } from './processing-failed-view.ts';
import { type ResultTable, toResultTable } from './result-table.ts';
import { createSavedViews } from './saved-views.ts';
import { tableViewSql } from './table-view.ts';

export interface OpenWarehouseOptions {
  /** Folder of saved queries and views. Defaults to the project's queries/ folder. */
  readonly queriesDir?: string;
}

export class LocalWarehouse {
  private constructor(
    /** The warehouse folder the views read. */
    readonly folder: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly queriesDir: string,
  ) {}

  /**
   * Opens `folder` for queries. A folder with no files yet (or none at all) opens too, with
   * empty views, so a report on a fresh warehouse is an empty result.
   */
  static async open(folder: string, options: OpenWarehouseOptions = {}): Promise<LocalWarehouse> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await DuckDBConnection.create(instance);
    const queriesDir = options.queriesDir ?? QUERIES_DIR;
    const warehouse = new LocalWarehouse(folder, instance, connection, queriesDir);

    try {
      await warehouse.setUp();
    } catch (error) {
      warehouse.close();
      throw error;
    }
    return warehouse;
  }

  /** Runs SQL (in Athena's dialect) with positional `?` values. */
  async query(sql: string, values: readonly string[] = []): Promise<ResultTable> {
    const reader = await this.connection.runAndReadAll(sql, [...values]);
    return toResultTable(reader);
  }

  /** Runs a saved query with named parameters, checked against its header first. */
  async runSavedQuery(
    saved: SavedQuery,
    parameters: Readonly<Record<string, string>> = {},
  ): Promise<ResultTable> {
    return this.query(saved.sql, parameterValues(saved, parameters));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async setUp(): Promise<void> {
    for (const statement of ATHENA_DIALECT) await this.connection.run(statement);
    for (const table of TABLES) await this.connection.run(tableViewSql(table, this.folder));
    await this.connection.run(processingFailedViewSql(this.folder));

    const views = loadSavedQueries(this.queriesDir).filter((saved) => saved.kind === 'view');
    await createSavedViews(this.connection, views);
  }
}
