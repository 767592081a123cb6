/**
 * Kinesis Data Streams PutRecords limits, from the PutRecords API reference:
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html
 */

/** Records one PutRecords request may carry. */
export const MAX_RECORDS_PER_REQUEST = 500;

/** Bytes of data plus partition keys in one PutRecords request (5 MiB). */
export const MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;

/** Bytes of one record: its data blob plus its partition key (1 MiB). */
export const MAX_BYTES_PER_RECORD = 1024 * 1024;

/** Unicode characters of a partition key. */
export const MAX_PARTITION_KEY_LENGTH = 256;
