import { describe, expect, it } from 'vitest';
import { formatResult } from '../../../cli/output/output-format.ts';

const result = {
  columns: ['business_date', 'revenue_center_name', 'orders', 'state_history'],
  rows: [
    {
      business_date: '2020-08-25',
      revenue_center_name: 'Suite 101, "VIP"',
      orders: 1,
      state_history: [{ state: 'tabbed' }],
    },
    { business_date: '2020-08-26', revenue_center_name: null, orders: 12, state_history: [] },
  ],
};

describe('formatResult', () => {
  it('writes CSV with a header, CRLF line ends, quotes only where needed, nulls empty', () => {
    expect(formatResult(result, 'csv')).toBe(
      'business_date,revenue_center_name,orders,state_history\r\n' +
        '2020-08-25,"Suite 101, ""VIP""",1,"[{""state"":""tabbed""}]"\r\n' +
        '2020-08-26,,12,[]\r\n',
    );
  });

  it('writes JSON as an array of objects with plain numbers, keys in column order', () => {
    const text = formatResult(result, 'json');

    expect(JSON.parse(text)).toEqual([
      {
        business_date: '2020-08-25',
        revenue_center_name: 'Suite 101, "VIP"',
        orders: 1,
        state_history: [{ state: 'tabbed' }],
      },
      { business_date: '2020-08-26', revenue_center_name: null, orders: 12, state_history: [] },
    ]);
    expect(Object.keys(JSON.parse(text)[0])).toEqual(result.columns);
  });

  it('writes an empty JSON array for no rows', () => {
    expect(formatResult({ columns: ['a'], rows: [] }, 'json')).toBe('[]\n');
  });

  it('draws a table with every cell, numbers aligned right, and counts the rows', () => {
    const lines = formatResult(result, 'table').split('\n');

    expect(lines.find((line) => line.includes('2020-08-26'))).toMatch(/│\s+│\s+12 │ \[\]\s+│$/);
    expect(lines.at(-2)).toBe('2 rows');
  });

  it('says so under an empty table', () => {
    expect(formatResult({ columns: ['a'], rows: [] }, 'table')).toMatch(/\n0 rows\n$/);
  });
});
