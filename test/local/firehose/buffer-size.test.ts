import { describe, expect, it } from 'vitest';
import { parseBufferSize } from '../../../local/firehose/buffer-size.ts';

describe('Function: parseBufferSize', () => {
  it('reads bytes, KB and MB (binary), in any case', () => {
    expect(parseBufferSize('262144')).toBe(262_144);
    expect(parseBufferSize('256KB')).toBe(262_144);
    expect(parseBufferSize('1mb')).toBe(1_048_576);
    expect(parseBufferSize('1.5MB')).toBe(1_572_864);
  });

  it('returns undefined for anything else', () => {
    expect(parseBufferSize('1GB')).toBeUndefined();
    expect(parseBufferSize('lots')).toBeUndefined();
    expect(parseBufferSize('0.5')).toBeUndefined();
    expect(parseBufferSize('')).toBeUndefined();
  });
});
