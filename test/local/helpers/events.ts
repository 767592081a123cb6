/**
 * Test helper: the document's sample event (local/generate/document-sample.json) and variants of
 * it, as the exact bytes a producer would send.
 */
import { readFileSync } from 'node:fs';

export const SAMPLE_TEXT = readFileSync(
  new URL('../../../local/generate/document-sample.json', import.meta.url),
  'utf8',
).trimEnd();

type Json = Record<string, unknown>;

/** The sample with its envelope and payload changed by `edit`, as one compact line. */
export function sampleVariant(edit: (event: Json & { p: Json }) => void): string {
  const event = JSON.parse(SAMPLE_TEXT) as Json & { p: Json };
  edit(event);
  return JSON.stringify(event);
}

/** Another order: a new event id and order uuid, everything else as in the sample. */
export function otherOrder(eventId: string, orderUuid: string): string {
  return sampleVariant((event) => {
    event._id = eventId;
    event.p.uuid = orderUuid;
  });
}
