import { describe, expect, it } from 'vitest';
import { counted } from '../../../cli/output/plural.ts';

describe('Function: counted', () => {
  it('says one record, and records for any other count', () => {
    expect([0, 1, 2].map((count) => counted(count, 'record'))).toEqual([
      '0 records',
      '1 record',
      '2 records',
    ]);
  });

  it('takes the plural a noun needs', () => {
    expect(counted(1, 'Firehose batch', 'Firehose batches')).toBe('1 Firehose batch');
    expect(counted(3, 'Firehose batch', 'Firehose batches')).toBe('3 Firehose batches');
  });
});
