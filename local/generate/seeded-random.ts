/**
 * Every random choice of the generator, drawn from one seeded generator (pure-rand's
 * xoroshiro128+), so a seed always gives the same feed, byte for byte.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { ulid } from 'ulid';
import { v4 as uuidV4 } from 'uuid';

export class SeededRandom {
  private readonly generator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** A number in [0, 1), as Math.random gives. */
  fraction(): number {
    return this.int(0, 2 ** 30 - 1) / 2 ** 30;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.fraction() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A version 4 UUID from seeded bytes. */
  uuid(): string {
    const bytes = new Uint8Array(16).map(() => this.int(0, 255));
    return uuidV4({ random: bytes });
  }

  /** A ULID for `timeMs`, lower case as VenueNext sends them. */
  ulid(timeMs: number): string {
    return ulid(timeMs, () => this.fraction()).toLowerCase();
  }
}
