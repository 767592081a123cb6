/**
 * Field schemas for the event contract: strict where a wrong value would corrupt a report
 * (ids, money, timestamps), lenient where it would not (descriptive text).
 *
 * Note: each field is one zod transform over a small read function instead of a chain such as
 * `z.string().regex().nullish().transform()`: a chain is a schema per link, and with a dozen
 * fields per line item the chains cost more than the rest of the transform together.
 */
import { z } from 'zod';
import { centsProblem } from './money.ts';
import { parseTimestamp, type UtcTimestamp } from './timestamp.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-7][0-9a-hjkmnp-tv-z]{25}$/i;

/** Why a value is not a valid field; returned, not thrown, by the read functions. */
class Problem {
  constructor(readonly message: string) {}
}

type Read<T> = (value: unknown) => T | Problem;

const MISSING = new Problem('required field is missing');

/**
 * A zod schema that reads a field with `read` and reports its problem at the field's path;
 * a missing key is a problem unless `whenMissing` says otherwise. (`optional()` lets zod hand
 * a missing key to this function instead of failing it with its own generic message.)
 */
function field<T>(read: Read<T>, whenMissing: () => T | Problem = () => MISSING) {
  return z
    .unknown()
    .optional()
    .transform((value, context): T => {
      const result = value === undefined ? whenMissing() : read(value);
      if (!(result instanceof Problem)) return result;
      context.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    });
}

/** The same field, where absent or null is fine and becomes null. */
function nullableField<T>(read: Read<T>) {
  return field<T | null>(
    (value) => (value === null ? null : read(value)),
    () => null,
  );
}

const readUuid: Read<string> = (value) => {
  if (typeof value !== 'string') return new Problem('expected a UUID string');
  if (!UUID.test(value)) return new Problem('expected a UUID (8-4-4-4-12 hex digits)');
  return value.toLowerCase();
};

const readUlid: Read<string> = (value) => {
  if (typeof value !== 'string') return new Problem('expected a ULID string');
  if (!ULID.test(value)) return new Problem('expected a ULID (26 Crockford base32 characters)');
  return value.toLowerCase();
};

const readTimestamp: Read<UtcTimestamp> = (value) => {
  if (typeof value !== 'string') return new Problem('expected an ISO-8601 timestamp string');
  return (
    parseTimestamp(value) ??
    new Problem('expected a possible ISO-8601 time with Z or ±hh:mm (e.g. 2020-08-26T01:02:46Z)')
  );
};

const readCents: Read<number> = (value) => {
  const problem = centsProblem(value);
  return problem === undefined ? (value as number) : new Problem(problem);
};

/** Numbers and booleans are kept as their text: neither would corrupt a report. */
const readDescriptive: Read<string> = (value) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Problem('expected text');
};

const readText: Read<string> = (value) => {
  if (typeof value !== 'string') return new Problem('expected a string');
  return value.length > 0 ? value : new Problem('must not be empty');
};

/** A UUID in any case, kept lower case so joins and dedupe never split on case. */
export const uuid = field(readUuid);

/** An optional id: absent or null is fine, a malformed one is not. */
export const optionalUuid = nullableField(readUuid);

/** The envelope `_id`: a ULID, whose first 10 characters encode the publish time. */
export const ulid = field(readUlid);

/** An ISO-8601 time with `Z` or an offset, normalized to UTC. */
export const timestamp = field(readTimestamp);

export const optionalTimestamp = nullableField(readTimestamp);

/** Integer cents: never rounded, never past the safe integer range. */
export const cents = field(readCents);

export const optionalCents = nullableField(readCents);

/** Descriptive text (names, external refs): lengths are not enforced; null is fine. */
export const descriptive = nullableField(readDescriptive);

/** A required non-empty string such as an order state. */
export const requiredText = field(readText);
