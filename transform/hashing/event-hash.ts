/**
 * The event hash: SHA-256 of the whole payload in canonical JSON (RFC 8785, via the
 * `canonicalize` package), so key order and whitespace never make two copies differ.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { isLosslessNumber } from 'lossless-json';

export function eventHash(payload: unknown): string {
  const canonical = canonicalize(withExactNumbers(payload)) ?? 'null';
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Replaces numbers kept exactly by the lossless parser with their text, so they hash by
 * their digits instead of as objects. Plain values are returned untouched.
 */
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
