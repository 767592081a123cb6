/**
 * The 6 MB Lambda response limit: a batch whose flattened rows would pass it is answered in
 * full, with the records past the budget failed (and replayable), never a too-big response.
 */
import { describe, expect, it } from 'vitest';
import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../transform/firehose/response-budget.ts';
import { BUDGET_EXCEEDED } from '../../transform/firehose/transform-batch.ts';
import { type EventJson, sampleWith } from './helpers/firehose-event.ts';
import { transformPayloads } from './helpers/transform.ts';

/** An order with `items` line items, distinct per `index` so none is a duplicate. */
function bigOrder(index: number, items: number): EventJson {
  return sampleWith((event) => {
    const template = event.p.line_items[0];
    event.p.uuid = `b120fdbf-9b4e-44a8-99fd-${String(index).padStart(12, '0')}`;
    event.p.line_items = Array.from({ length: items }, (_, item) => ({
      ...template,
      uuid: `6d268953-85c8-4db4-${String(index).padStart(4, '0')}-${String(item).padStart(12, '0')}`,
    }));
  });
}

describe('Handler: the 6 MB response limit', () => {
  it('fails the records past the budget and keeps the response under 6 MB', async () => {
    // Each order: 300 line items, about 230 KB of rows once base64-encoded; 40 of them would
    // need about 9 MB of response.
    const payloads = Array.from({ length: 40 }, (_, index) => bigOrder(index, 300));

    const { answers, failures } = await transformPayloads(payloads, 'order_line_items');

    expect(answers.map((answer) => answer.recordId)).toEqual(payloads.map((_, i) => `r${i}`));
    const ok = answers.filter((answer) => answer.result === 'Ok');
    const failed = answers.filter((answer) => answer.result === 'ProcessingFailed');
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.length + failed.length).toBe(40);
    expect(answers.slice(0, ok.length).every((answer) => answer.result === 'Ok')).toBe(true);
    expect(failures.every((failure) => failure.reason === BUDGET_EXCEEDED)).toBe(true);

    const responseBytes = Buffer.byteLength(JSON.stringify({ records: answers }));
    expect(responseBytes).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT_BYTES);
    // One more Ok answer in place of a failed one would not have fitted.
    const okBytes = Buffer.byteLength(JSON.stringify(ok[0]));
    const failedBytes = Buffer.byteLength(JSON.stringify(failed[0]));
    expect(responseBytes + okBytes - failedBytes).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT_BYTES);
  });

  it('answers a failed-for-budget record with its original bytes, so it can be replayed', async () => {
    const payloads = Array.from({ length: 40 }, (_, index) => bigOrder(index, 300));

    const { answers } = await transformPayloads(payloads, 'order_line_items');

    const lastIndex = answers.length - 1;
    expect(answers[lastIndex]?.result).toBe('ProcessingFailed');
    const original = JSON.parse(Buffer.from(answers[lastIndex]?.data ?? '', 'base64').toString());
    expect(original).toEqual(payloads[lastIndex]);
  });
});
