/**
 * What Athena charges for a query's scan, from the Athena pricing page
 * (https://aws.amazon.com/athena/pricing/): $5 per TB scanned, bytes rounded up to the next
 * megabyte, with a 10 MB minimum per query.
 *
 * Note: this is an estimate for the SQL query price in most regions; a few regions charge
 * more, failed queries are not charged, and capacity reservations are billed by DPU instead.
 * A TB here is 2^40 bytes and a MB 2^20 bytes.
 */

export const USD_PER_TB_SCANNED = 5;
export const MINIMUM_BILLED_MB = 10;

const BYTES_PER_MB = 2 ** 20;
const MB_PER_TB = 2 ** 20;

export interface AthenaCost {
  /** The bytes Athena bills for: the scan rounded up to whole MB, at least 10 MB. */
  readonly billedBytes: number;
  readonly usd: number;
}

export function athenaCost(bytesScanned: number): AthenaCost {
  const billedMb = Math.max(MINIMUM_BILLED_MB, Math.ceil(bytesScanned / BYTES_PER_MB));
  return { billedBytes: billedMb * BYTES_PER_MB, usd: (billedMb / MB_PER_TB) * USD_PER_TB_SCANNED };
}
