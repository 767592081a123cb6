/**
 * Sums amounts in cents, failing the record rather than rounding past 2^53 - 1.
 */
import { EventContractError } from '../errors.ts';

export function sumCents(amounts: readonly number[], eventId: string, path: string): number {
  const sum = amounts.reduce((total, amount) => total + amount, 0);
  if (Number.isSafeInteger(sum)) return sum;
  throw new EventContractError(path, 'sum of amounts is outside the safe integer range', {
    eventId,
  });
}
