import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionKeyOf } from '../../aws/partition-key.ts';
import { SAMPLE_EVENT_ID, SAMPLE_ORDER_UUID, sampleEvent } from './stadium-events.ts';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('Function: partitionKeyOf', () => {
  it("keys the feed document's sample event by its order uuid", () => {
    expect(partitionKeyOf(bytes(sampleEvent()))).toBe(SAMPLE_ORDER_UUID);
  });

  it('falls back to the envelope _id when p.uuid is missing or not a string', () => {
    const withoutUuid = sampleEvent();
    delete withoutUuid.p.uuid;
    const numericUuid = sampleEvent();
    numericUuid.p.uuid = 42;

    expect(partitionKeyOf(bytes(withoutUuid))).toBe(SAMPLE_EVENT_ID);
    expect(partitionKeyOf(bytes(numericUuid))).toBe(SAMPLE_EVENT_ID);
  });

  it('finds no key in text that is not a JSON object, or an event with neither field', () => {
    expect(partitionKeyOf(new TextEncoder().encode('{"_id": "01eg'))).toBeUndefined();
    expect(partitionKeyOf(bytes(['b120fdbf']))).toBeUndefined();
    expect(partitionKeyOf(bytes({ _id: '', p: null }))).toBeUndefined();
  });

  it('refuses a p.uuid longer than the 256 characters Kinesis allows', () => {
    const event = { _id: SAMPLE_EVENT_ID, p: { uuid: 'x'.repeat(257) } };

    expect(partitionKeyOf(bytes(event))).toBe(SAMPLE_EVENT_ID);
  });

  it('returns any usable p.uuid unchanged', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 256 }), (uuid) => {
        expect(partitionKeyOf(bytes({ _id: 'e', p: { uuid } }))).toBe(uuid);
      }),
    );
  });
});
