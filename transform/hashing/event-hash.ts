/**
 * The event hash: SHA-256 of the whole payload in canonical JSON (object keys sorted, no
 * whitespace), so key order and formatting never make two copies of one payload differ.
 */
import { hash } from 'node:crypto';
import { isLosslessNumber } from 'lossless-json';
import { stringify as stableStringify } from 'safe-stable-stringify';

/**
 * @param payload the parsed payload `p`
 * @param lossless whether the payload holds numbers kept exactly by the lossless parser
 */
export function eventHash(payload: unknown, lossless = false): string {
  const canonical = stableStringify(lossless ? withExactNumbers(payload) : payload) ?? 'null';
  return hash('sha256', canonical);
}

/** Replaces exactly-kept numbers with their digits, so they hash by value, not as objects. */
function withExactNumbers(value: unknown): unknown {
  if (isLosslessNumber(value)) return `#number:${value.toString()}`;
  if (Array.isArray(value)) return value.map(withExactNumbers);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withExactNumbers(item)]),
    );
  }
  return value;
}
