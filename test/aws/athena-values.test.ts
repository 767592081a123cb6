import { describe, expect, it } from 'vitest';
import { athenaValue } from '../../aws/athena-values.ts';

const column = (Type: string) => ({ Name: 'c', Type });

describe('Function: athenaValue', () => {
  it('reads numbers by the column type', () => {
    expect(athenaValue(column('integer'), { VarCharValue: '7500' })).toBe(7500);
    expect(athenaValue(column('double'), { VarCharValue: '12.5' })).toBe(12.5);
    expect(athenaValue(column('bigint'), { VarCharValue: '9007199254740991' })).toBe(
      9007199254740991,
    );
  });

  it('keeps a bigint beyond the safe integers as its exact text', () => {
    expect(athenaValue(column('bigint'), { VarCharValue: '9007199254740993' })).toBe(
      '9007199254740993',
    );
  });

  it('reads NULL as null and an empty varchar as an empty string', () => {
    expect(athenaValue(column('varchar'), {})).toBeNull();
    expect(athenaValue(column('integer'), undefined)).toBeNull();
    expect(athenaValue(column('varchar'), { VarCharValue: '' })).toBe('');
  });

  it('reads a decimal as a number while its digits fit one exactly', () => {
    expect(athenaValue(column('decimal'), { VarCharValue: '75.00' })).toBe(75);
    expect(athenaValue(column('decimal'), { VarCharValue: '12345678901234.567' })).toBe(
      '12345678901234.567',
    );
  });

  it('reads booleans, and keeps dates and timestamps as Athena prints them', () => {
    expect(athenaValue(column('boolean'), { VarCharValue: 'false' })).toBe(false);
    expect(athenaValue(column('date'), { VarCharValue: '2020-08-25' })).toBe('2020-08-25');
    expect(athenaValue(column('timestamp'), { VarCharValue: '2020-08-26 01:02:46.000' })).toBe(
      '2020-08-26 01:02:46.000',
    );
  });
});
