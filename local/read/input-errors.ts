/**
 * Errors about the inputs themselves (as opposed to a bad record, which is never an error:
 * it becomes a ProcessingFailed record in the warehouse).
 */

/** A path given to ingest does not exist. */
export class InputNotFoundError extends Error {
  override readonly name = 'InputNotFoundError';

  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`Input not found: ${path}`, options);
  }
}

/** An input exists but could not be read to its end (permissions, a corrupt gzip stream...). */
export class InputReadError extends Error {
  override readonly name = 'InputReadError';

  constructor(
    readonly path: string,
    options: ErrorOptions & { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Cannot read ${path}: ${reason}`, options);
  }
}
