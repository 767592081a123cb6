import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventEntries, type UnkeyedRecord } from '../../aws/event-entries.ts';
import { readRecords } from '../../local/read/read-records.ts';
import { eventsFile } from './fakes.ts';
import { eventLine, SAMPLE_ORDER_UUID, sampleEvent } from './stadium-events.ts';

async function read(file: string) {
  const unkeyed: UnkeyedRecord[] = [];
  const entries = [];
  for await (const entry of eventEntries(readRecords([file]), (r) => unkeyed.push(r))) {
    entries.push({ ...entry, data: Buffer.from(entry.data).toString('utf8') });
  }
  return { entries, unkeyed };
}

describe('Function: eventEntries', () => {
  it('yields each event untouched and keyed by order uuid, in file order', async () => {
    const first = JSON.stringify(sampleEvent());
    const second = eventLine('6d268953-85c8-4db4-8091-33676e890c6f', '01egndytjh3xmmt154hxa6dz4n');
    const file = eventsFile(`${first}\r\n\n  \n${second}`);

    const { entries, unkeyed } = await read(file);

    expect(entries).toEqual([
      { source: 'events.ndjson record 1', data: first, partitionKey: SAMPLE_ORDER_UUID },
      {
        source: 'events.ndjson record 2',
        data: second,
        partitionKey: '6d268953-85c8-4db4-8091-33676e890c6f',
      },
    ]);
    expect(unkeyed).toEqual([]);
  });

  it('keys a record with no p.uuid or _id by the SHA-256 of its bytes, and says so', async () => {
    const junk = '<html><body>502 Bad Gateway</body></html>';
    const file = eventsFile(`${junk}\n${JSON.stringify(sampleEvent())}\n`);
    const digest = createHash('sha256').update(junk).digest('hex');

    const { entries, unkeyed } = await read(file);

    expect(entries.map((entry) => [entry.source, entry.data, entry.partitionKey])).toEqual([
      ['events.ndjson record 1', junk, digest],
      ['events.ndjson record 2', JSON.stringify(sampleEvent()), SAMPLE_ORDER_UUID],
    ]);
    expect(unkeyed).toEqual([{ source: 'events.ndjson record 1', partitionKey: digest }]);
  });
});
