/**
 * What real feeds carry besides clean order events: events of other types, and records
 * broken on the way (cut short, garbage, invalid UTF-8, money with a fraction).
 */
import type { SeededRandom } from './seeded-random.ts';
import { VENUE } from './stadium.ts';

/** An event on the same stream that is not about an order. */
export function menuUpdateEvent(random: SeededRandom, eventId: string, userUuid: string) {
  return JSON.stringify({
    _id: eventId,
    _v: 1,
    o: VENUE.org,
    u: userUuid,
    s: 'stadium',
    e: 'menu.item.updated',
    p: { uuid: random.uuid(), name: 'Hot Dog', price: 650, available: random.chance(0.5) },
  });
}

export const MALFORMED_KINDS = [
  'truncated',
  'garbage',
  'invalid-utf8',
  'fractional-money',
] as const;

export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/** A broken copy of a good event's JSON text. */
export function malformedRecord(kind: MalformedKind, eventJson: string): Buffer {
  switch (kind) {
    case 'truncated':
      return Buffer.from(eventJson.slice(0, Math.floor(eventJson.length / 2)));
    case 'garbage':
      return Buffer.from('<html><body>502 Bad Gateway</body></html>');
    case 'invalid-utf8': {
      const [before = '', after = ''] = eventJson.split('"confirmation_number":"');
      const bad = Buffer.from([0xff, 0xfe]);
      return Buffer.concat([
        Buffer.from(`${before}"confirmation_number":"`),
        bad,
        Buffer.from(after),
      ]);
    }
    case 'fractional-money':
      return Buffer.from(eventJson.replace(/"total":(\d+)/, '"total":$1.5'));
  }
}
