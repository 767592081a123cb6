/**
 * Why a record breaks the event contract, with the field path: the answer for such a record
 * is `ProcessingFailed`, and this is what gets logged (never the payload values).
 */
export class EventContractError extends Error {
  /** Dotted JSON path of the offending field, e.g. `p.line_items[2].price`; `$` for the record. */
  readonly path: string;
  /** The envelope `_id`, when the record got far enough to have one. */
  readonly eventId: string | undefined;

  constructor(path: string, reason: string, options?: { eventId?: string; cause?: unknown }) {
    super(reason, { cause: options?.cause });
    this.name = 'EventContractError';
    this.path = path;
    this.eventId = options?.eventId;
  }
}

/** Why one record was answered `ProcessingFailed`: what the local ingest stores with it. */
export interface RecordFailure {
  readonly recordId: string;
  readonly eventId?: string;
  readonly path: string;
  readonly reason: string;
}
