import { decodeTime, isValid } from 'ulid';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { describe, expect, it } from 'vitest';
import { gameDay } from '../../../local/generate/game-day.ts';
import { SAMPLE_TEXT } from '../helpers/events.ts';

const OPTIONS = { seed: 42, orders: 400, date: '2025-08-15' };

type Event = {
  _id: string;
  e: string;
  p: {
    uuid: string;
    state: string;
    created_at: string;
    total: number;
    tax: number;
    tip: number;
    discount: string;
    state_history: { state: string; time: string }[];
    line_items: {
      uuid: string;
      price: number;
      removed_at: string | null;
      refunded_at: string | null;
      promotions: { discount_amount_in_cents: number }[];
    }[];
  };
};

function feed(options = OPTIONS) {
  return [...gameDay(options).records()].map((bytes) => bytes.toString('utf8'));
}

function parsed(records: readonly string[]): Event[] {
  return records.flatMap((text) => {
    try {
      return [JSON.parse(text) as Event];
    } catch {
      return [];
    }
  });
}

/** The document's rule: digits are cents, a decimal is dollars. */
function discountCents(text: string): number {
  return text.includes('.') ? Math.round(Number(text) * 100) : Number(text);
}

describe('Function: gameDay', () => {
  it('writes the same bytes for the same seed, and others for another seed', () => {
    const first = feed();

    expect(feed()).toEqual(first);
    expect(feed({ ...OPTIONS, seed: 43 })).not.toEqual(first);
  });

  it("carries the document's sample event byte for byte, once", () => {
    const records = feed();

    expect(records.filter((text) => text === SAMPLE_TEXT)).toHaveLength(1);
  });

  it('counts what it wrote', () => {
    const day = gameDay(OPTIONS);
    const records = [...day.records()].map((bytes) => bytes.toString('utf8'));
    const events = parsed(records);

    expect(day.counts.records).toBe(records.length);
    expect(new Set(records).size).toBe(records.length - day.counts.redeliveries);
    expect(events.filter((event) => event.e !== 'order.state.change')).toHaveLength(
      day.counts.nonOrderEvents,
    );
    expect(day.counts.malformed).toBe(4);
  });

  it('keeps every order consistent: total = active items - discount + tax + tip', () => {
    // The one record broken on purpose with a fractional total is not an order to check.
    const orders = parsed(feed()).filter(
      (event) => event.e === 'order.state.change' && Number.isInteger(event.p.total),
    );

    for (const { p } of orders) {
      const active = p.line_items.filter((item) => item.removed_at === null);
      const items = active.reduce((sum, item) => sum + item.price, 0);
      expect(p.total).toBe(items - discountCents(p.discount) + p.tax + p.tip);
    }
    expect(orders.length).toBeGreaterThan(1000);
  });

  it('gives real ULIDs whose time is at or after the state change, and v4 UUIDs', () => {
    const orders = parsed(feed()).filter((event) => event.e === 'order.state.change');

    for (const { _id, p } of orders) {
      const changedAt = Date.parse(p.state_history.at(-1)?.time ?? '');
      expect(isValid(_id.toUpperCase())).toBe(true);
      expect(decodeTime(_id.toUpperCase())).toBeGreaterThanOrEqual(changedAt);
      expect(isUuid(p.uuid) && uuidVersion(p.uuid)).toBe(4);
    }
  });

  it('straddles midnight UTC: an evening game in Chicago', () => {
    const dates = new Set(
      parsed(feed())
        .filter((event) => event.e === 'order.state.change')
        .map((event) => event.p.created_at.slice(0, 10)),
    );

    expect([...dates].sort()).toEqual(['2020-08-26', '2025-08-15', '2025-08-16']);
  });

  it('has the mess of a real feed', () => {
    const records = feed();
    const orders = parsed(records).filter((event) => event.e === 'order.state.change');
    const items = orders.flatMap((event) => event.p.line_items);
    const states = new Set(orders.map((event) => event.p.state));
    const latest = new Map<string, number>();
    let outOfOrder = 0;
    for (const event of orders) {
      const changedAt = Date.parse(event.p.state_history.at(-1)?.time ?? '');
      if (changedAt < (latest.get(event.p.uuid) ?? 0)) outOfOrder++;
      latest.set(event.p.uuid, Math.max(changedAt, latest.get(event.p.uuid) ?? 0));
    }

    expect([...states].sort()).toEqual([
      'cancelled',
      'completed',
      'completion_pending',
      'processing',
      'refunded',
      'tabbed',
    ]);
    expect(outOfOrder).toBeGreaterThan(0);
    expect(items.some((item) => item.refunded_at !== null)).toBe(true);
    expect(items.some((item) => item.removed_at !== null)).toBe(true);
    expect(items.some((item) => item.promotions.some((p) => p.discount_amount_in_cents > 0))).toBe(
      true,
    );
    expect(orders.some((event) => event.p.tip > 0)).toBe(true);
    expect(orders.some((event) => /^\d+\.\d{2}$/.test(event.p.discount))).toBe(true);
    expect(orders.some((event) => /^[1-9]\d*$/.test(event.p.discount))).toBe(true);
    expect(records.filter((text) => text.includes('\uFFFD'))).toHaveLength(1);
    expect(records.some((text) => text.includes('502 Bad Gateway'))).toBe(true);
    expect(records.some((text) => /"total":\d+\.5/.test(text))).toBe(true);
  });
});
