/**
 * What both tables derive from one decoded order event: the time-sorted state history,
 * its transition hash, the partition date and the order-level totals.
 */
import type { DecodedOrderEvent } from '../event/decode-event.ts';
import type { StateAtTime } from '../event/schema.ts';
import { formatUtc } from '../event/timestamp.ts';
import { sortStateHistory, transitionHash } from '../hashing/transition-hash.ts';
import { partitionDate } from './partition-date.ts';

export interface OrderSnapshot {
  readonly decoded: DecodedOrderEvent;
  readonly eventTime: string;
  readonly dt: string;
  readonly sortedHistory: readonly StateAtTime[];
  readonly transitionHash: string;
}

export function orderSnapshot(decoded: DecodedOrderEvent): OrderSnapshot {
  const sortedHistory = sortStateHistory(decoded.event.p.state_history);
  return {
    decoded,
    eventTime: formatUtc(decoded.eventTimeMs),
    dt: partitionDate(decoded.event.p.created_at.epochMs, decoded.eventTimeMs),
    sortedHistory,
    transitionHash: transitionHash(sortedHistory),
  };
}
