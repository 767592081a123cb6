/**
 * What happened to the records of one batch, for metrics and the local summary.
 */
export interface BatchCounts {
  records: number;
  rows: number;
  ok: number;
  duplicates: number;
  nonOrderEvents: number;
  noRows: number;
  failures: number;
}

export function emptyCounts(): BatchCounts {
  return { records: 0, rows: 0, ok: 0, duplicates: 0, nonOrderEvents: 0, noRows: 0, failures: 0 };
}
