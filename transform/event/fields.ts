/**
 * Field schemas for the event contract: strict where a wrong value would corrupt a report
 * (ids, money, timestamps, arrays), lenient where it would not (descriptive text).
 */
import { z } from 'zod';
import { centsProblem } from './money.ts';
import { parseTimestamp, type UtcTimestamp } from './timestamp.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-7][0-9a-hjkmnp-tv-z]{25}$/i;

/** A UUID in any case, kept lower case so joins and dedupe never split on case. */
export const uuid = z
  .string({ error: 'expected a UUID string' })
  .regex(UUID, { error: 'expected a UUID (8-4-4-4-12 hex digits)' })
  .transform((value) => value.toLowerCase());

/** An optional id: absent or null is fine, a malformed one is not. */
export const optionalUuid = uuid.nullish().transform((value) => value ?? null);

/** The envelope `_id`: a ULID, whose first 10 characters encode the publish time. */
export const ulid = z
  .string({ error: 'expected a ULID string' })
  .regex(ULID, { error: 'expected a ULID (26 Crockford base32 characters)' })
  .transform((value) => value.toLowerCase());

/** An ISO-8601 time with `Z` or an offset, normalized to UTC. */
export const timestamp = z
  .string({ error: 'expected an ISO-8601 timestamp string' })
  .transform((text, context): UtcTimestamp => {
    const parsed = parseTimestamp(text);
    if (parsed) return parsed;
    context.addIssue({
      code: 'custom',
      message: 'expected a possible ISO-8601 time with Z or ±hh:mm (e.g. 2020-08-26T01:02:46Z)',
    });
    return z.NEVER;
  });

export const optionalTimestamp = timestamp.nullish().transform((value) => value ?? null);

/** Integer cents: never rounded, never past the safe integer range. */
export const cents = z.unknown().transform((value, context): number => {
  const problem = centsProblem(value);
  if (problem === undefined) return value as number;
  context.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
});

export const optionalCents = z.unknown().transform((value, context): number | null => {
  if (value === null || value === undefined) return null;
  const problem = centsProblem(value);
  if (problem === undefined) return value as number;
  context.addIssue({ code: 'custom', message: problem });
  return z.NEVER;
});

/**
 * Descriptive text (names, external refs): null or missing is fine, and a number or boolean
 * is kept as its text, since neither would corrupt a report. Lengths are not enforced.
 */
export const descriptive = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected text' })
  .nullish()
  .transform((value) => (value === null || value === undefined ? null : String(value)));

/** A required non-empty string such as an order state. */
export const requiredText = z
  .string({ error: 'expected a string' })
  .min(1, { error: 'must not be empty' });
