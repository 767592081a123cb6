/**
 * The transition hash: the source document's "marker" for a state change. SHA-256 of a copy
 * of the state history sorted by time (then state), with times normalized to UTC, so the
 * same history in another order or notation hashes the same, and any changed state or time
 * hashes differently.
 */
import { hash } from 'node:crypto';
import type { StateAtTime } from '../event/schema.ts';
import { compareTimestamps } from '../event/timestamp.ts';

/** The state history in time order, ties broken by state name. */
export function sortStateHistory(history: readonly StateAtTime[]): StateAtTime[] {
  return [...history].sort(
    (a, b) => compareTimestamps(a.time, b.time) || compareText(a.state, b.state),
  );
}

export function transitionHash(sortedHistory: readonly StateAtTime[]): string {
  const entries = sortedHistory.map((entry) => [entry.time.iso, entry.state]);
  return hash('sha256', JSON.stringify(entries));
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
