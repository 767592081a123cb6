/**
 * Creates the saved views of queries/ in a DuckDB session. DuckDB checks a view's query
 * when the view is created, so a view that reads another must come after it; the files do
 * not say which reads which, so the order is found by trying.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SavedQuery } from '../../queries/catalog.ts';

export class SavedViewError extends Error {
  constructor(view: SavedQuery, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${view.file}: view ${view.name} cannot be created: ${reason}`, { cause });
    this.name = 'SavedViewError';
  }
}

/**
 * Creates every view, each after the views it reads. Throws a {@link SavedViewError} for a
 * view that still fails once every other view that could be created exists.
 */
export async function createViewsInDependencyOrder(
  connection: DuckDBConnection,
  views: readonly SavedQuery[],
): Promise<void> {
  let pending = [...views];

  while (pending.length > 0) {
    const failed: { view: SavedQuery; error: unknown }[] = [];
    for (const view of pending) {
      try {
        await connection.run(view.sql);
      } catch (error) {
        failed.push({ view, error });
      }
    }

    const first = failed[0];
    if (first && failed.length === pending.length)
      throw new SavedViewError(first.view, first.error);
    pending = failed.map(({ view }) => view);
  }
}
