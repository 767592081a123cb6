/**
 * The partition key of a Stadium event: the order's uuid (`p.uuid`), so that every state
 * change of one order lands on the same shard, in order. An event whose `p.uuid` cannot be
 * read falls back to its envelope `_id`.
 */
import { createHash } from 'node:crypto';
import { MAX_PARTITION_KEY_LENGTH } from './kinesis-limits.ts';

/** Returns the partition key of an event's bytes, or undefined when neither field is usable. */
export function partitionKeyOf(data: Uint8Array): string | undefined {
  const event = parseObject(data);
  if (!event) return undefined;

  const payload = event.p;
  const orderUuid = isObject(payload) ? payload.uuid : undefined;
  if (isUsableKey(orderUuid)) return orderUuid;
  return isUsableKey(event._id) ? event._id : undefined;
}

/**
 * The key of a record with neither field (it is not even a JSON event): the SHA-256 of its
 * bytes in hex, so it still reaches the transform, which answers it ProcessingFailed and
 * keeps it in the error output.
 */
export function digestKey(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function parseObject(data: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(data));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUsableKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PARTITION_KEY_LENGTH;
}
