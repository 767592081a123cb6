/**
 * Creates the saved views of queries/ in a DuckDB session, in the order infra creates them
 * in Athena: DuckDB checks a view's query when the view is created, so a view that reads
 * another must come after it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { orderViews } from '../../infra/views/view-order.ts';
import type { SavedQuery } from '../../queries/catalog.ts';

export class SavedViewError extends Error {
  constructor(view: SavedQuery, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${view.file}: view ${view.name} cannot be created: ${reason}`, { cause });
    this.name = 'SavedViewError';
  }
}

/** Creates every view after the views it reads; throws a {@link SavedViewError} naming it. */
export async function createSavedViews(
  connection: DuckDBConnection,
  views: readonly SavedQuery[],
): Promise<void> {
  for (const view of orderViews(views)) {
    try {
      await connection.run(view.sql);
    } catch (error) {
      throw new SavedViewError(view, error);
    }
  }
}
