/**
 * Keeps a batch's answers under the Lambda response limit.
 *
 * Note: a synchronous Lambda response is capped at 6 MB, and flattened rows (one line per
 * line item, each repeating order columns) can be several times larger than the input. Room
 * for every record's `ProcessingFailed` answer is reserved up front, so once the budget runs
 * out the remaining records can still be answered, as failed and replayable.
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
import type { FirehoseTransformationEventRecord } from 'aws-lambda';
import { type Answer, failedAnswer } from './answers.ts';

export const LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;

/** `{"records":[` and `]}` around the answers. */
const ENVELOPE_BYTES = '{"records":[]}'.length;

export class ResponseBudget {
  #remaining: number;
  /** Each record's reserved failure answer size, worked out once. */
  readonly #reserved = new WeakMap<FirehoseTransformationEventRecord, number>();

  constructor(
    records: readonly FirehoseTransformationEventRecord[],
    limitBytes: number = LAMBDA_RESPONSE_LIMIT_BYTES,
  ) {
    let reserved = ENVELOPE_BYTES;
    for (const record of records) {
      const bytes = answerBytes(failedAnswer(record));
      this.#reserved.set(record, bytes);
      reserved += bytes + 1;
    }
    this.#remaining = limitBytes - reserved;
  }

  /** Takes room for `answer` in place of the record's reserved failure; false if it won't fit. */
  claim(record: FirehoseTransformationEventRecord, answer: Answer): boolean {
    const failedBytes = this.#reserved.get(record) ?? answerBytes(failedAnswer(record));
    const extra = answerBytes(answer) - failedBytes;
    if (extra > this.#remaining) return false;
    this.#remaining -= extra;
    return true;
  }
}

/** The answer's size in the response JSON; base64 data needs no escaping, so it adds as is. */
export function answerBytes(answer: Answer): number {
  const data = answer.data ?? '';
  return Buffer.byteLength(JSON.stringify({ ...answer, data: '' })) + data.length;
}
