import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redriveLocal } from '../../../aws/redrive/local-redrive.ts';
import { LocalWarehouse } from '../../../local/duckdb/local-warehouse.ts';
import {
  badEventLine,
  errorFiles,
  GOOD_ORDER,
  REDRIVE,
  warehouseWithFailures,
} from './failed-warehouse.ts';

async function orderUuids(warehouse: string): Promise<unknown[]> {
  const local = await LocalWarehouse.open(warehouse);
  try {
    const result = await local.query('SELECT order_uuid FROM order_events ORDER BY order_uuid');
    return result.rows.map((row) => row.order_uuid);
  } finally {
    local.close();
  }
}

describe('Function: redriveLocal', () => {
  it('ingests a record that now passes and removes it from its error file', async () => {
    const { warehouse, earlierFailures } = await warehouseWithFailures();
    expect(await orderUuids(warehouse)).toEqual([]);

    const summary = await redriveLocal({ warehouse, clock: () => REDRIVE });

    expect(await orderUuids(warehouse)).toEqual([GOOD_ORDER]);
    expect(readFileSync(earlierFailures, 'utf8')).toBe('not json at all\n');
    expect(summary).toMatchObject({ records: 2, recovered: 1, stillFailing: 1 });
    expect(summary.unreadable).toEqual([`${earlierFailures}: not a JSON document`]);
  });

  it('leaves a record that still fails where it was, with no second copy', async () => {
    const { warehouse } = await warehouseWithFailures();
    const before = errorFiles(warehouse);
    const stillFailingFile = before.find((name) => !name.endsWith('earlier-transform.json'));
    const stillFailingText = readFileSync(
      join(warehouse, 'errors', 'processing-failed', stillFailingFile ?? ''),
      'utf8',
    );

    await redriveLocal({ warehouse, clock: () => REDRIVE });

    expect(errorFiles(warehouse)).toEqual(before);
    expect(
      readFileSync(join(warehouse, 'errors', 'processing-failed', stillFailingFile ?? ''), 'utf8'),
    ).toBe(stillFailingText);
    const stillFailing = JSON.parse(stillFailingText.trim());
    expect(Buffer.from(stillFailing.rawData, 'base64').toString('utf8')).toBe(badEventLine());
  });

  it('finds nothing to do in a warehouse without errors', async () => {
    const warehouse = mkdtempSync(join(tmpdir(), 'redrive-empty-'));

    const summary = await redriveLocal({ warehouse });

    expect(summary).toEqual({
      records: 0,
      recovered: 0,
      stillFailing: 0,
      unreadable: [],
      filesRewritten: [],
      filesDeleted: [],
    });
  });
});
