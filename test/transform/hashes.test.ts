/**
 * Transition and event hashes, and the exact-duplicate rule they drive.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rowsOf, SAMPLE_BYTES, sampleWith } from './helpers/firehose-event.ts';
import { transformPayloads } from './helpers/transform.ts';

async function orderRow(payload: Buffer | string | object) {
  const { answers } = await transformPayloads([payload as Buffer]);
  return rowsOf(answers[0])[0];
}

describe('Transition hash', () => {
  it('is the SHA-256 of the time-sorted [time, state] pairs in UTC', async () => {
    const expected = createHash('sha256')
      .update(
        '[["2020-08-26T01:02:46.000Z","tabbed"],' +
          '["2020-08-26T02:28:12.000Z","processing"],' +
          '["2020-08-26T02:28:13.000Z","completion_pending"]]',
      )
      .digest('hex');

    expect((await orderRow(SAMPLE_BYTES)).transition_hash).toBe(expected);
  });

  it('is the same for the history in another order and notation', async () => {
    const reordered = sampleWith((e) => {
      e.p.state_history = [
        { time: '2020-08-25T21:28:13-05:00', state: 'completion_pending' },
        { state: 'tabbed', time: '2020-08-26T01:02:46.000Z' },
        { state: 'processing', time: '2020-08-26T02:28:12+00:00' },
      ];
    });

    const original = await orderRow(SAMPLE_BYTES);
    const other = await orderRow(reordered);

    expect(other.transition_hash).toBe(original.transition_hash);
    expect(other.previous_state).toBe('processing');
    expect(other.state_changed_at).toBe('2020-08-26T02:28:13.000Z');
  });

  it('changes when a state or a time changes', async () => {
    const original = await orderRow(SAMPLE_BYTES);
    const laterTime = await orderRow(
      sampleWith((e) => {
        e.p.state_history[2].time = '2020-08-26T02:28:14Z';
      }),
    );
    const otherState = await orderRow(
      sampleWith((e) => {
        e.p.state_history[1].state = 'ready';
      }),
    );

    expect(new Set([original, laterTime, otherState].map((row) => row.transition_hash)).size).toBe(
      3,
    );
  });

  it('ignores everything outside the state history', async () => {
    const refunded = sampleWith((e) => {
      e.p.line_items[0].refunded_at = '2020-08-27T00:00:00Z';
    });

    const original = await orderRow(SAMPLE_BYTES);
    const other = await orderRow(refunded);

    expect(other.transition_hash).toBe(original.transition_hash);
    expect(other.event_hash).not.toBe(original.event_hash);
  });
});

describe('Event hash and duplicates', () => {
  it('does not depend on key order or whitespace', async () => {
    const compact = JSON.stringify(JSON.parse(SAMPLE_BYTES.toString('utf8')));
    const reversed = JSON.parse(SAMPLE_BYTES.toString('utf8'));
    reversed.p = Object.fromEntries(Object.entries(reversed.p).reverse());

    const hashes = await Promise.all([SAMPLE_BYTES, compact, reversed].map(orderRow));

    expect(new Set(hashes.map((row) => row.event_hash)).size).toBe(1);
  });

  it('keeps the first of exact duplicates in a batch and drops the rest', async () => {
    const reformatted = JSON.stringify(JSON.parse(SAMPLE_BYTES.toString('utf8')), null, 4);
    const changed = sampleWith((e) => {
      e.p.state = 'completed';
    });

    const { answers } = await transformPayloads([SAMPLE_BYTES, reformatted, changed, SAMPLE_BYTES]);

    expect(answers.map((answer) => [answer.recordId, answer.result])).toEqual([
      ['r0', 'Ok'],
      ['r1', 'Dropped'],
      ['r2', 'Ok'],
      ['r3', 'Dropped'],
    ]);
  });

  it('treats a re-delivery with a new envelope id as a duplicate of the same payload', async () => {
    const redelivered = sampleWith((e) => {
      e._id = '01egndytjh3xmmt154hxa6dz4n';
    });

    const { answers } = await transformPayloads([SAMPLE_BYTES, redelivered]);

    expect(answers.map((answer) => answer.result)).toEqual(['Ok', 'Dropped']);
  });

  it('drops duplicates on the line item table too', async () => {
    const { answers } = await transformPayloads([SAMPLE_BYTES, SAMPLE_BYTES], 'order_line_items');

    expect(answers.map((answer) => answer.result)).toEqual(['Ok', 'Dropped']);
  });
});

describe('Partition date', () => {
  it('uses the event time when it is earlier than created_at (a clock running ahead)', async () => {
    const row = await transformPayloads([
      sampleWith((e) => {
        e.p.created_at = '2020-08-27T01:00:00Z';
      }),
    ]);

    // The ULID says 2020-08-26T13:05:18.929Z, earlier than the created_at on the 27th.
    expect(row.answers[0]?.metadata?.partitionKeys).toEqual({ dt: '2020-08-26' });
  });

  it("uses the order's created_at for a late refund, so it updates the order's own day", async () => {
    const refund = sampleWith((e) => {
      e._id = '01eh0000000000000000000000';
      e.p.created_at = '2020-08-25T23:59:59-05:00';
    });

    const { answers } = await transformPayloads([refund]);

    // 2020-08-25T23:59:59-05:00 is 2020-08-26T04:59:59Z; the ULID time is later (2020-08-30).
    expect(answers[0]?.metadata?.partitionKeys).toEqual({ dt: '2020-08-26' });
  });
});
