/**
 * Reads a processor buffer size as people write it: `1MB`, `512KB`, `1048576`. KB and MB are
 * binary (KiB, MiB), as in Firehose's BufferSizeInMBs.
 */
export { DEFAULT_BUFFER_BYTES, MAX_BUFFER_BYTES } from './firehose-batches.ts';

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** Returns the size in bytes, or undefined when `text` is not a size. */
export function parseBufferSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const multiplier = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || multiplier === undefined) return undefined;

  const bytes = Number(match[1]) * multiplier;
  return Number.isInteger(bytes) ? bytes : undefined;
}
