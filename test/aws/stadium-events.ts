/**
 * Stadium events for the aws tests, built from the sample event in the VenueNext feed
 * document (local/generate/document-sample.json).
 */
import { readFileSync } from 'node:fs';

const SAMPLE_TEXT = readFileSync(
  new URL('../../local/generate/document-sample.json', import.meta.url),
  'utf8',
);

/** The sample event's order uuid, `p.uuid`. */
export const SAMPLE_ORDER_UUID = 'b120fdbf-9b4e-44a8-99fd-4e21e3709c1f';
/** The sample event's envelope id, `_id`. */
export const SAMPLE_EVENT_ID = '01egndytjh3xmmt154hxa6dz4m';

/** A fresh copy of the sample event, as parsed JSON. */
export function sampleEvent(): Record<string, unknown> & { p: Record<string, unknown> } {
  return JSON.parse(SAMPLE_TEXT);
}

/** The sample event with another order uuid and envelope id, as one NDJSON line. */
export function eventLine(orderUuid: string, eventId: string): string {
  const event = sampleEvent();
  event._id = eventId;
  event.p.uuid = orderUuid;
  return JSON.stringify(event);
}
