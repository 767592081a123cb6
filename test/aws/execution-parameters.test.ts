import { describe, expect, it } from 'vitest';
import { executionParameters } from '../../aws/execution-parameters.ts';

describe('Function: executionParameters', () => {
  it('sends each value as a SQL string literal', () => {
    expect(executionParameters(['2026-09-01', 'America/Chicago'])).toEqual([
      "'2026-09-01'",
      "'America/Chicago'",
    ]);
  });

  it("doubles a quote so a value can never end its literal: O'Hare stays one string", () => {
    expect(executionParameters(["O'Hare'; DROP TABLE order_events; --"])).toEqual([
      "'O''Hare''; DROP TABLE order_events; --'",
    ]);
  });
});
