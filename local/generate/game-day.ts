/**
 * A seeded game day at the ballpark as VenueNext would stream it: every order's events in
 * arrival order, with the mess real feeds carry. An evening game in America/Chicago, so
 * the day's orders straddle midnight UTC.
 */
import { readFileSync } from 'node:fs';
import { MALFORMED_KINDS, malformedRecord, menuUpdateEvent } from './feed-noise.ts';
import { localTimeToUtcMs } from './local-time.ts';
import { type OrderPlan, planOrder } from './order-plan.ts';
import { SeededRandom } from './seeded-random.ts';
import { snapshotEvent } from './snapshot-event.ts';
import { REVENUE_CENTERS, type RevenueCenter, VENUE } from './stadium.ts';

/**
 * The document's sample event, byte for byte: every generated feed carries it. It is read
 * from this folder, the one copy the project keeps (the tests read it too).
 */
export const SAMPLE_EVENT_TEXT = readFileSync(
  new URL('./document-sample.json', import.meta.url),
  'utf8',
).replace(/\n$/, '');

export interface GameDayOptions {
  readonly seed: number;
  /** Orders placed during the game. */
  readonly orders: number;
  /** Local date of the game at the venue, YYYY-MM-DD. */
  readonly date: string;
}

export interface GameDay {
  /** Every record in arrival order, each a complete JSON document or a broken one. */
  readonly records: () => Generator<Buffer>;
  readonly counts: {
    readonly records: number;
    /** Distinct order.state.change events, the document's sample included. */
    readonly orderEvents: number;
    /** Order events sent a second time, byte for byte. */
    readonly redeliveries: number;
    readonly nonOrderEvents: number;
    readonly malformed: number;
  };
}

interface Arrival {
  readonly arrivalMs: number;
  readonly render: () => Buffer;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Gates open at 16:40 local; the last orders come in five hours later, after 21:40. */
const GATES_OPEN_MINUTES = 16 * 60 + 40;
const SELLING_MS = 5 * 60 * MINUTE;

export function gameDay(options: GameDayOptions): GameDay {
  const random = new SeededRandom(options.seed);
  const gatesOpen = localTimeToUtcMs(options.date, GATES_OPEN_MINUTES, VENUE.timeZone);
  const arrivals: Arrival[] = [];
  let orderEvents = 0;
  let redeliveries = 0;

  for (let index = 0; index < options.orders; index++) {
    const createdAt = gatesOpen + random.int(0, SELLING_MS / SECOND) * SECOND;
    const plan = planOrder(random, pickCenter(random), createdAt);
    for (const [stateIndex, state] of plan.states.entries()) {
      const eventMs = state.timeMs + random.int(100, 1500);
      const render = eventRenderer(plan, stateIndex, random.ulid(eventMs));
      const arrivalMs = eventMs + latency(random);
      arrivals.push({ arrivalMs, render });
      orderEvents++;
      if (random.chance(0.03)) {
        // At-least-once delivery: the same bytes again, later.
        arrivals.push({ arrivalMs: arrivalMs + random.int(1, 600) * SECOND, render });
        redeliveries++;
      }
    }
  }

  const nonOrderEvents = Math.max(1, Math.round(options.orders / 150));
  for (let index = 0; index < nonOrderEvents; index++) {
    const eventMs = gatesOpen + random.int(0, SELLING_MS);
    const text = menuUpdateEvent(random, random.ulid(eventMs), random.uuid());
    arrivals.push({ arrivalMs: eventMs + latency(random), render: () => Buffer.from(text) });
  }

  // Every kind of breakage at least once, however small the feed.
  const malformed = MALFORMED_KINDS.length + Math.floor(options.orders / 500);
  for (let index = 0; index < malformed; index++) {
    const kind = MALFORMED_KINDS[index % MALFORMED_KINDS.length] ?? 'garbage';
    const plan = planOrder(random, pickCenter(random), gatesOpen + random.int(0, SELLING_MS));
    const eventMs = (plan.states[0]?.timeMs ?? gatesOpen) + 500;
    const json = eventRenderer(plan, 0, random.ulid(eventMs))().toString();
    const bytes = malformedRecord(kind, json);
    arrivals.push({ arrivalMs: eventMs + latency(random), render: () => bytes });
  }

  const sampleArrival = gatesOpen + random.int(0, SELLING_MS);
  arrivals.push({ arrivalMs: sampleArrival, render: () => Buffer.from(SAMPLE_EVENT_TEXT) });

  // A stable sort: records arriving in the same millisecond keep their generation order.
  arrivals.sort((left, right) => left.arrivalMs - right.arrivalMs);
  return {
    records: function* () {
      for (const arrival of arrivals) yield arrival.render();
    },
    counts: {
      records: arrivals.length,
      orderEvents: orderEvents + 1,
      redeliveries,
      nonOrderEvents,
      malformed,
    },
  };
}

function eventRenderer(plan: OrderPlan, stateIndex: number, eventId: string) {
  return () => Buffer.from(JSON.stringify(snapshotEvent(plan, stateIndex, eventId)));
}

/** Stands sell the most orders, then mobile ordering, then the suites. */
function pickCenter(random: SeededRandom): RevenueCenter {
  const kind = random.pick(['stand', 'stand', 'stand', 'mobile', 'mobile', 'suite'] as const);
  return random.pick(REVENUE_CENTERS.filter((center) => center.kind === kind));
}

/** Usually a second or two from publish to arrival; now and then minutes, out of order. */
function latency(random: SeededRandom): number {
  return random.chance(0.05) ? random.int(30, 900) * SECOND : random.int(50, 2000);
}
