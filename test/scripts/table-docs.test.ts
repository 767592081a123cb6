/**
 * docs/tables.md is generated from the table definitions; this fails when it is stale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTableDocs, TABLE_DOCS_PATH } from '../../scripts/table-docs.ts';
import { TABLES } from '../../transform/tables/index.ts';

describe('Table docs', () => {
  it('match the table definitions (run npx tsx scripts/table-docs.ts to refresh)', () => {
    expect(readFileSync(TABLE_DOCS_PATH, 'utf8')).toBe(renderTableDocs());
  });

  it('list every column of every table', () => {
    const docs = renderTableDocs();

    for (const table of TABLES) {
      for (const column of table.columns) expect(docs).toContain(`| \`${column.name}\` |`);
    }
  });

  it('spell nested types as Glue does', () => {
    expect(renderTableDocs()).toContain(
      '| `state_history` | `array<struct<state:string,time:timestamp>>` | no |',
    );
  });
});
