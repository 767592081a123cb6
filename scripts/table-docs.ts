/**
 * Renders docs/tables.md from the table definitions, so the docs cannot drift from the
 * columns. `npx tsx scripts/table-docs.ts` rewrites the file; a test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glueType } from '../infra/glue-schema.ts';
import { type Column, type ColumnType, TABLES } from '../transform/tables/index.ts';

export const TABLE_DOCS_PATH = fileURLToPath(new URL('../docs/tables.md', import.meta.url));

export function renderTableDocs(): string {
  const sections = TABLES.map((table) =>
    [
      `## ${table.name}`,
      '',
      table.description,
      '',
      `Partitioned by ${table.partitionKeys.map((key) => `\`${key.name}\``).join(', ')}: ` +
        `${table.partitionKeys.map((key) => key.description).join(' ')}`,
      '',
      '| column | type | null | description |',
      '| --- | --- | --- | --- |',
      ...table.columns.flatMap((column) => columnRows(column, '')),
    ].join('\n'),
  );
  return [
    '# Tables',
    '',
    'Generated from `transform/tables/` by `npx tsx scripts/table-docs.ts`: do not edit.',
    'Types are the Glue (Hive) types; timestamps are UTC; money is integer cents.',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}

function columnRows(column: Column, prefix: string): string[] {
  const name = `${prefix}${column.name}`;
  const cells = [
    `\`${name}\``,
    `\`${glueType(column.type).inputString}\``,
    column.nullable ? 'yes' : 'no',
  ];
  const own = `| ${[...cells, column.description].join(' | ')} |`;
  const fields = structFields(column.type);
  return [own, ...fields.flatMap((field) => columnRows(field, `${name}[].`))];
}

function structFields(type: ColumnType): readonly Column[] {
  if (type.kind === 'array' && type.element.kind === 'struct') return type.element.fields;
  return [];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TABLE_DOCS_PATH, renderTableDocs());
}
