/**
 * Property tests over arbitrary bytes and mutated events: whatever arrives, the handler
 * answers every record exactly once, in order, never throws, stays under the response
 * limit, and every row it writes matches its table definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../transform/firehose/response-budget.ts';
import { findTable, TABLE_NAMES, type TableName } from '../../transform/tables/index.ts';
import { rowProblems } from '../../transform/tables/validate-row.ts';
import { type EventJson, rowsOf, SAMPLE_BYTES, sampleEvent } from './helpers/firehose-event.ts';
import { transformPayloads } from './helpers/transform.ts';

type Path = ReadonlyArray<string | number>;

/** Every path into the sample event, so mutations can reach any field at any depth. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  const children = keys.flatMap((key) =>
    pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
  );
  return prefix.length === 0 ? children : [prefix, ...children];
}

const SAMPLE_PATHS = pathsOf(sampleEvent());

const tricky = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    null,
    '',
    '2020-02-30T00:00:00Z',
    '2020-08-26T01:02:46.123456789-05:00',
    2 ** 53 + 2,
    -1,
    1.5,
    1e308,
    '1.50',
    '19.99',
    'B120FDBF-9B4E-44A8-99FD-4E21E3709C1F',
    [],
    {},
  ),
);

interface Mutation {
  readonly path: Path;
  readonly action: 'set' | 'delete' | 'add';
  readonly value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...SAMPLE_PATHS),
  action: fc.constantFrom('set' as const, 'delete' as const, 'add' as const),
  value: tricky,
});

function mutate(event: EventJson, { path, action, value }: Mutation): EventJson {
  let parent: unknown = event;
  for (const key of path.slice(0, -1)) {
    // An earlier mutation may have replaced or removed this branch: nothing left to change.
    if (typeof parent !== 'object' || parent === null) return event;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return event;
  const target = parent as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (action === 'delete') delete target[last];
  else if (action === 'add') target[`extra_${String(last)}`] = value;
  else target[last] = value;
  return event;
}

const mutatedEvent = fc
  .array(mutation, { minLength: 1, maxLength: 4 })
  .map((changes) => changes.reduce(mutate, sampleEvent()));

const recordBytes = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constant(SAMPLE_BYTES) },
  { weight: 4, arbitrary: mutatedEvent.map((event) => Buffer.from(JSON.stringify(event))) },
);

async function checkBatch(payloads: Buffer[], tableName: TableName): Promise<void> {
  const { answers, failures } = await transformPayloads(payloads, tableName);
  const table = findTable(tableName);
  if (!table) throw new Error(`no table ${tableName}`);

  expect(answers.map((answer) => answer.recordId)).toEqual(payloads.map((_, i) => `r${i}`));
  const failed = answers.filter((answer) => answer.result === 'ProcessingFailed');
  expect(failures.map((failure) => failure.recordId)).toEqual(failed.map((a) => a.recordId));
  expect(Buffer.byteLength(JSON.stringify({ records: answers }))).toBeLessThanOrEqual(
    LAMBDA_RESPONSE_LIMIT_BYTES,
  );

  for (const [index, answer] of answers.entries()) {
    expect(['Ok', 'Dropped', 'ProcessingFailed']).toContain(answer.result);
    if (answer.result === 'ProcessingFailed') {
      expect(Buffer.from(answer.data ?? '', 'base64').equals(payloads[index] as Buffer)).toBe(true);
    }
    if (answer.result !== 'Ok') continue;
    expect(answer.metadata?.partitionKeys?.dt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const row of rowsOf(answer)) expect(rowProblems(table, row)).toEqual([]);
  }
}

describe('Handler: properties', () => {
  for (const tableName of TABLE_NAMES) {
    it(`answers every record once with valid ${tableName} rows, whatever the bytes`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(recordBytes, { minLength: 1, maxLength: 12 }), (payloads) =>
          checkBatch(payloads, tableName),
        ),
        { numRuns: 300 },
      );
    });
  }

  it('never lets a failing record change the answer of its neighbour', async () => {
    await fc.assert(
      fc.asyncProperty(recordBytes, async (bad) => {
        const alone = await transformPayloads([SAMPLE_BYTES]);
        const together = await transformPayloads([bad, SAMPLE_BYTES]);
        const neighbour = together.answers[1];
        if (neighbour?.result === 'Dropped') return; // `bad` was the same event: a duplicate.
        expect(neighbour?.data).toBe(alone.answers[0]?.data);
      }),
      { numRuns: 200 },
    );
  });
});
