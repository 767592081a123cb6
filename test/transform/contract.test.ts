/**
 * The event contract rule by rule: what fails a record (naming the field), what is tolerated,
 * and that a bad record never takes its neighbours with it.
 */
import { describe, expect, it } from 'vitest';
import {
  type EventJson,
  rowsOf,
  SAMPLE_BYTES,
  sampleEvent,
  sampleWith,
} from './helpers/firehose-event.ts';
import { transformPayloads } from './helpers/transform.ts';

describe('Event contract: records that fail', () => {
  it.each([
    ['a money field with a fraction', (e: EventJson) => (e.p.total = 7500.5), 'p.total'],
    ['a money field as a string', (e: EventJson) => (e.p.tax = '250'), 'p.tax'],
    ['a missing total', (e: EventJson) => delete e.p.total, 'p.total'],
    [
      'a line item price with a fraction',
      (e: EventJson) => (e.p.line_items[2].price = 10.01),
      'p.line_items[2].price',
    ],
    ['a malformed order uuid', (e: EventJson) => (e.p.uuid = 'not-a-uuid'), 'p.uuid'],
    [
      'a malformed line item uuid',
      (e: EventJson) => (e.p.line_items[4].uuid = 42),
      'p.line_items[4].uuid',
    ],
    [
      'an impossible date',
      (e: EventJson) => (e.p.created_at = '2021-02-29T10:00:00Z'),
      'p.created_at',
    ],
    [
      'a time without zone',
      (e: EventJson) => (e.p.state_history[1].time = '2020-08-26T02:28:12'),
      'p.state_history[1].time',
    ],
    ['state_history not an array', (e: EventJson) => (e.p.state_history = {}), 'p.state_history'],
    ['line_items missing', (e: EventJson) => delete e.p.line_items, 'p.line_items'],
    [
      'promotions not an array',
      (e: EventJson) => (e.p.line_items[0].promotions = 'none'),
      'p.line_items[0].promotions',
    ],
    [
      'a promotion amount with a fraction',
      (e: EventJson) => (e.p.line_items[0].promotions[0].discount_amount_in_cents = 0.5),
      'p.line_items[0].promotions[0].discount_amount_in_cents',
    ],
    ['an empty state', (e: EventJson) => (e.p.state = ''), 'p.state'],
    ['a malformed _id', (e: EventJson) => (e._id = 'abc'), '_id'],
  ])('fails %s and names %s', async (_title, change, path) => {
    const bad = sampleWith(change);

    const { answers, failures } = await transformPayloads([SAMPLE_BYTES, bad]);

    expect(answers.map((answer) => answer.result)).toEqual(['Ok', 'ProcessingFailed']);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ recordId: 'r1', path });
  });

  it('names the event id in the failure once the envelope is readable', async () => {
    const bad = sampleWith((event) => {
      event.p.total = 1.5;
    });

    const { failures } = await transformPayloads([bad]);

    expect(failures[0]).toEqual({
      recordId: 'r0',
      eventId: '01egndytjh3xmmt154hxa6dz4m',
      path: 'p.total',
      reason: 'money must be whole cents, got a fraction',
    });
  });

  it('returns the original bytes of a failed record untouched', async () => {
    const raw = Buffer.from('{"_id": "01egndytjh3xmmt154hxa6dz4m", "e": "order.state.change"}');

    const { answers } = await transformPayloads([raw]);

    expect(answers[0]?.result).toBe('ProcessingFailed');
    expect(Buffer.from(answers[0]?.data ?? '', 'base64').equals(raw)).toBe(true);
  });

  it('fails a number past the safe integer range instead of rounding it', async () => {
    const text = SAMPLE_BYTES.toString('utf8').replace(
      '"total": 7500',
      '"total": 9007199254740993',
    );

    const { answers, failures } = await transformPayloads([text]);

    expect(answers[0]?.result).toBe('ProcessingFailed');
    expect(failures[0]?.path).toBe('p.total');
  });

  it('fails a fraction too small for JSON.parse to notice', async () => {
    // JSON.parse reads 1000.0000000000001 as 1000.0000000000001 but 1.0000000000000001 as 1.
    const text = SAMPLE_BYTES.toString('utf8').replace('"tax": 250', '"tax": 1.0000000000000001');

    const { failures } = await transformPayloads([text]);

    expect(failures[0]?.path).toBe('p.tax');
  });

  it('fails invalid UTF-8 rather than storing replacement characters', async () => {
    const text = SAMPLE_BYTES.toString('utf8');
    const at = text.indexOf('Suite 101') + 5;
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(text.slice(at)),
    ]);

    const { failures } = await transformPayloads([bytes]);

    expect(failures[0]).toMatchObject({ path: '$', reason: 'record is not valid UTF-8' });
  });

  it('fails a record that is not JSON, and one that is JSON but not an object', async () => {
    const { answers, failures } = await transformPayloads(['{"_id": ', '[1, 2]', SAMPLE_BYTES]);

    expect(answers.map((answer) => answer.result)).toEqual([
      'ProcessingFailed',
      'ProcessingFailed',
      'Ok',
    ]);
    expect(failures.map((failure) => failure.path)).toEqual(['$', '$']);
  });
});

describe('Event contract: what is tolerated', () => {
  it('accepts a UTF-8 byte order mark and a trailing newline', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SAMPLE_BYTES, Buffer.from('\n')]);

    const { answers } = await transformPayloads([bytes]);

    expect(answers[0]?.result).toBe('Ok');
  });

  it('writes nulls for missing or null descriptive fields', async () => {
    const event = sampleWith((e) => {
      delete e.p.revenue_center_name;
      delete e.p.menu_external_ref_id;
      e.p.service_type = null;
      e.p.employee_name = null;
      delete e.p.device_uuid;
      delete e._v;
    });

    const { answers } = await transformPayloads([event]);

    expect(rowsOf(answers[0])[0]).toMatchObject({
      revenue_center_name: null,
      menu_external_ref_id: null,
      service_type: null,
      employee_name: null,
      device_uuid: null,
      event_version: null,
    });
  });

  it('keeps a number in a text field as its text', async () => {
    const event = sampleWith((e) => {
      e.p.employee_id = 4711;
    });

    const { answers } = await transformPayloads([event]);

    expect(rowsOf(answers[0])[0].employee_id).toBe('4711');
  });

  it('does not enforce the 256-character lengths of the document', async () => {
    const event = sampleWith((e) => {
      e.p.revenue_center_name = 'x'.repeat(1000);
    });

    const { answers } = await transformPayloads([event]);

    expect(rowsOf(answers[0])[0].revenue_center_name).toHaveLength(1000);
  });

  it('keeps totals far past the 16-bit range of the document', async () => {
    // 16-bit tops out at 65,535 cents; a $12,345,678.90 suite order must survive intact.
    const event = sampleWith((e) => {
      e.p.total = 1_234_567_890;
      e.p.line_items[0].price = 1_234_561_390;
    });

    const { answers } = await transformPayloads([event]);

    const [row] = rowsOf(answers[0]);
    expect(row.total_cents).toBe(1_234_567_890);
    // 1,234,561,390 + 5 * 1000 = 1,234,566,390
    expect(row.items_subtotal_cents).toBe(1_234_566_390);
  });

  it('lower-cases ids so case never splits an order', async () => {
    const event = sampleWith((e) => {
      e._id = e._id.toUpperCase();
      e.p.uuid = e.p.uuid.toUpperCase();
    });

    const { answers } = await transformPayloads([event]);

    const [row] = rowsOf(answers[0]);
    expect(row.event_id).toBe('01egndytjh3xmmt154hxa6dz4m');
    expect(row.order_uuid).toBe('b120fdbf-9b4e-44a8-99fd-4e21e3709c1f');
  });
});

describe('Event contract: unknown fields', () => {
  it('keeps unknown fields at every level as JSON keyed by path', async () => {
    const event = sampleWith((e) => {
      e.trace = 'abc';
      e.p.loyalty = { tier: 'gold', points: 12.5 };
      e.p.state_history[0].actor = 'kiosk';
      e.p.line_items[1].color = 'red';
      e.p.line_items[0].promotions[0].code = 'SUMMER';
    });

    const { answers } = await transformPayloads([event]);

    expect(JSON.parse(rowsOf(answers[0])[0].unknown_fields)).toEqual({
      trace: 'abc',
      'p.loyalty': { tier: 'gold', points: 12.5 },
      'p.state_history[0].actor': 'kiosk',
      'p.line_items[0].promotions[0].code': 'SUMMER',
      'p.line_items[1].color': 'red',
    });
  });

  it('gives each line item row only its own unknown fields', async () => {
    const event = sampleWith((e) => {
      e.p.line_items[1].color = 'red';
      e.p.loyalty = 'gold';
    });

    const { answers } = await transformPayloads([event], 'order_line_items');

    const rows = rowsOf(answers[0]);
    expect(rows[0].unknown_fields).toBeNull();
    expect(JSON.parse(rows[1].unknown_fields)).toEqual({ 'p.line_items[1].color': 'red' });
  });

  it('keeps an unknown number exactly, digits JSON.parse would round', async () => {
    const text = SAMPLE_BYTES.toString('utf8').replace(
      '"tip": 1250,',
      '"tip": 1250, "loyalty_id": 123456789012345678901,',
    );

    const { answers } = await transformPayloads([text]);

    expect(rowsOf(answers[0])[0].unknown_fields).toBe('{"p.loyalty_id":123456789012345678901}');
  });
});

describe('Event contract: discounts', () => {
  it.each([
    ['150', 150],
    ['0', 0],
    ['1.50', 150],
    ['19.99', 1999],
    ['1.5', 150],
    ['0.07', 7],
    ['1.505', null],
    ['-1.50', null],
    ['$1.50', null],
    [' 150', null],
    ['', null],
    ['ten', null],
    ['99999999999999999999', null],
  ])('reads discount %j as %j cents and keeps the text', async (discount, cents) => {
    const event = sampleWith((e) => {
      e.p.discount = discount;
    });

    const { answers } = await transformPayloads([event]);

    expect(answers[0]?.result).toBe('Ok');
    const [row] = rowsOf(answers[0]);
    expect(row.discount).toBe(discount);
    expect(row.discount_cents).toBe(cents);
  });

  it('writes a null discount for a missing one', async () => {
    const event = sampleWith((e) => {
      delete e.p.discount;
    });

    const [row] = rowsOf((await transformPayloads([event])).answers[0]);

    expect(row.discount).toBeNull();
    expect(row.discount_cents).toBeNull();
  });
});

describe('Event contract: line item totals', () => {
  it('leaves removed items out of the subtotal and counts refunds of active items', async () => {
    const event = sampleWith((e) => {
      e.p.line_items[0].removed_at = '2020-08-26T01:10:00Z';
      e.p.line_items[1].refunded_at = '2020-08-26T03:00:00-05:00';
      e.p.line_items[0].refunded_at = '2020-08-26T03:00:00Z';
    });

    const [row] = rowsOf((await transformPayloads([event])).answers[0]);

    // Active: items 1-5, 5 * 1000. Refunded among them: item 1 only (item 0 is removed).
    expect(row.items_subtotal_cents).toBe(5000);
    expect(row.refunded_cents).toBe(1000);
    expect(row.line_item_count).toBe(6);
  });

  it('answers Dropped on the line item table for an order with no line items', async () => {
    const event = sampleWith((e) => {
      e.p.line_items = [];
    });

    const { answers } = await transformPayloads([event], 'order_line_items');

    expect(answers[0]?.result).toBe('Dropped');
  });
});

describe('Event contract: non-order events', () => {
  it('drops an event of another type without looking at its payload', async () => {
    const other = { _id: '01egndytjh3xmmt154hxa6dz4n', e: 'menu.updated', p: { anything: 1 } };

    const { answers, failures } = await transformPayloads([other, sampleEvent()]);

    expect(answers.map((answer) => answer.result)).toEqual(['Dropped', 'Ok']);
    expect(answers[0]?.data).toBe('');
    expect(failures).toEqual([]);
  });
});
