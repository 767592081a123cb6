/**
 * Exponential backoff with full jitter: the delay before retry `attempt` (1 for the first
 * retry) is uniformly random between 0 and min(maxMs, baseMs * 2^(attempt - 1)), so that
 * clients retrying together spread out instead of colliding again.
 */

export interface BackoffOptions {
  /** The ceiling of the first retry's delay. @default 100 */
  readonly baseMs?: number;
  /** The largest ceiling any retry waits under. @default 5000 */
  readonly maxMs?: number;
  /** A source of uniform numbers in [0, 1). @default Math.random */
  readonly random?: () => number;
}

export function backoffDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 100, maxMs = 5000, random = Math.random } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
