/**
 * The two Glue tables over what Firehose writes as JSON rather than Parquet: `raw_events`
 * (the source-record backup) and `processing_failed` (records the transform answered
 * ProcessingFailed). Their columns describe those objects' layout, which orderfeed does not
 * define, so they live here and not in transform/tables.
 *
 * SerDe: Firehose's S3 backup writes the source records back to back, with no delimiter
 * between them, and the Hive and OpenX JSON SerDes read one JSON document per line, so they
 * would return only the first event of each object. The Amazon Ion SerDe reads a stream of
 * top-level values whatever the line breaks (Ion text is a superset of JSON), so both tables
 * use it, with a path extractor mapping each JSON key to a snake_case column.
 * See https://docs.aws.amazon.com/athena/latest/ug/json-serde.html.
 */
import {
  DataFormat,
  InputFormat,
  OutputFormat,
  Schema,
  SerializationLibrary,
  type Type,
} from '@aws-cdk/aws-glue-alpha';

export interface SourceColumn {
  readonly name: string;
  readonly type: Type;
  /** Ion path extractor: where the value sits in the JSON document, e.g. `(p uuid)`. */
  readonly path: string;
  readonly description: string;
}

export interface SourceTable {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly SourceColumn[];
}

export const ION_JSON = new DataFormat({
  inputFormat: new InputFormat('com.amazon.ionhiveserde.formats.IonInputFormat'),
  outputFormat: new OutputFormat('com.amazon.ionhiveserde.formats.IonOutputFormat'),
  serializationLibrary: new SerializationLibrary('com.amazon.ionhiveserde.IonHiveSerDe'),
});

export const RAW_EVENTS: SourceTable = {
  name: 'raw_events',
  description:
    'Every source record as VenueNext sent it (Firehose source backup), by arrival date. ' +
    'Non-order events and records that failed the transform are here too.',
  columns: [
    { name: 'event_id', type: Schema.STRING, path: '(_id)', description: 'Envelope `_id`.' },
    { name: 'event_version', type: Schema.INTEGER, path: '(_v)', description: 'Envelope `_v`.' },
    { name: 'org', type: Schema.STRING, path: '(o)', description: 'Envelope `o`.' },
    { name: 'user_uuid', type: Schema.STRING, path: '(u)', description: 'Envelope `u`.' },
    { name: 'source', type: Schema.STRING, path: '(s)', description: 'Envelope `s`.' },
    { name: 'event_type', type: Schema.STRING, path: '(e)', description: 'Envelope `e`.' },
    { name: 'order_uuid', type: Schema.STRING, path: '(p uuid)', description: 'Payload `uuid`.' },
    {
      name: 'order_state',
      type: Schema.STRING,
      path: '(p state)',
      description: 'Payload `state`.',
    },
    {
      name: 'order_created_at',
      type: Schema.STRING,
      path: '(p created_at)',
      description: 'Payload `created_at`, as sent (not normalized).',
    },
  ],
};

export const PROCESSING_FAILED: SourceTable = {
  name: 'processing_failed',
  description:
    'Firehose error records of records the transform answered ProcessingFailed, by table ' +
    'and arrival date; rawData holds the original bytes for a redrive.',
  columns: [
    {
      name: 'attempts_made',
      type: Schema.INTEGER,
      path: '(attemptsMade)',
      description: 'How many times Firehose invoked the transform for the record.',
    },
    {
      name: 'arrival_timestamp',
      type: Schema.BIG_INT,
      path: '(arrivalTimestamp)',
      description: 'When Firehose received the record (epoch milliseconds).',
    },
    {
      name: 'error_code',
      type: Schema.STRING,
      path: '(errorCode)',
      description: 'Lambda.ProcessingFailed.',
    },
    {
      name: 'error_message',
      type: Schema.STRING,
      path: '(errorMessage)',
      description: 'Firehose error message.',
    },
    {
      name: 'attempt_ending_timestamp',
      type: Schema.BIG_INT,
      path: '(attemptEndingTimestamp)',
      description: 'When the last attempt ended (epoch milliseconds).',
    },
    {
      name: 'raw_data',
      type: Schema.STRING,
      path: '(rawData)',
      description: 'Base64 of the original record bytes.',
    },
    {
      name: 'lambda_arn',
      type: Schema.STRING,
      path: '(lambdaArn)',
      description: 'The transform function version that answered.',
    },
  ],
};

/** The Ion SerDe parameters mapping each column to its JSON path. */
export function pathExtractors(table: SourceTable): Record<string, string> {
  return Object.fromEntries(
    table.columns.map((column) => [`ion.${column.name}.path_extractor`, column.path]),
  );
}
