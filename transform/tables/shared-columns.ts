/**
 * Columns that both tables carry with the same meaning, defined once so their names,
 * types and descriptions cannot drift apart.
 */
import { nullable, required, STRING, TIMESTAMP } from './column.ts';

export const EVENT_ID = required('event_id', STRING, 'Envelope `_id`: the event ULID, lower case.');

export const EVENT_TIME = required(
  'event_time',
  TIMESTAMP,
  'When the event was published, decoded from the millisecond timestamp in its ULID (UTC).',
);

export const ORDER_UUID = required('order_uuid', STRING, 'Payload `uuid`: the order, lower case.');

export const VENUE_UUID = nullable('venue_uuid', STRING, 'Payload `venue_uuid`, lower case.');

export const ORG = nullable('org', STRING, 'Envelope `o`: the client organisation, e.g. cubs.');

export const REVENUE_CENTER_UUID = nullable(
  'revenue_center_uuid',
  STRING,
  'Payload `revenue_center_uuid`, lower case.',
);

export const REVENUE_CENTER_NAME = nullable(
  'revenue_center_name',
  STRING,
  'Payload `revenue_center_name`, e.g. Suite 101.',
);

export const MENU_NAME = nullable('menu_name', STRING, 'Payload `menu_name`, e.g. Day of Event.');

export const SERVICE_TYPE = nullable('service_type', STRING, 'Payload `service_type`, e.g. POS.');

export const TRANSITION_HASH = required(
  'transition_hash',
  STRING,
  'SHA-256 (hex) of the state history sorted by time then state, times normalized to UTC: ' +
    'two events with the same transition hash carry no state change between them.',
);

export const EVENT_HASH = required(
  'event_hash',
  STRING,
  'SHA-256 (hex) of the whole payload in canonical JSON (keys sorted, no whitespace): equal ' +
    'hashes for the same order are exact duplicates, whatever the key order or whitespace.',
);

export const UNKNOWN_FIELDS = nullable(
  'unknown_fields',
  STRING,
  'Fields the event contract does not know, as a JSON object keyed by their path ' +
    '(e.g. "p.line_items[0].color"); null when there are none. Nothing is dropped.',
);
