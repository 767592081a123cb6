/**
 * Money in the feed: integer cents, never rounded.
 *
 * Note: the source document calls totals 16-bit, but real totals pass 65,535 cents, so cents
 * are kept as 64-bit columns and only JavaScript's safe integer range (2^53 - 1) is enforced.
 */
import { isLosslessNumber } from 'lossless-json';

/** Why `value` is not a whole number of cents, or undefined when it is. */
export function centsProblem(value: unknown): string | undefined {
  if (isLosslessNumber(value))
    return 'number cannot be held exactly (too many digits or out of range)';
  if (typeof value !== 'number') return 'expected a number of cents';
  if (!Number.isFinite(value)) return 'number is out of range';
  if (!Number.isInteger(value)) return 'money must be whole cents, got a fraction';
  if (!Number.isSafeInteger(value)) return 'number is outside the safe integer range';
  return undefined;
}

const CENTS = /^\d+$/;
const DOLLARS = /^(\d+)\.(\d{1,2})$/;

/**
 * The `discount` string in cents: digits only are cents ("150" is 150), a decimal is dollars
 * ("1.50" is 150). Returns null for anything else, and for amounts past the safe range,
 * so the raw text is kept and the row still written. Parsed as text, never as a float.
 */
export function discountCents(discount: string | number | null): number | null {
  if (discount === null) return null;
  if (typeof discount === 'number') return Number.isSafeInteger(discount) ? discount : null;

  if (CENTS.test(discount)) return safe(Number(discount));

  const dollars = DOLLARS.exec(discount);
  if (!dollars) return null;
  const [, whole = '', fraction = ''] = dollars;
  return safe(Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
}

function safe(cents: number): number | null {
  return Number.isSafeInteger(cents) ? cents : null;
}
