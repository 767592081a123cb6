import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../transform/tables/index.ts';
import { resourceNamed, type SynthesizedStack, synthStack } from './synth-stack.ts';

interface TableInput {
  Name: string;
  PartitionKeys: { Name: string; Type: string }[];
  Parameters: Record<string, unknown>;
  StorageDescriptor: {
    Columns: { Name: string; Type: string; Comment?: string }[];
    Location: unknown;
    InputFormat: string;
    SerdeInfo: { SerializationLibrary: string; Parameters?: Record<string, string> };
  };
}

function tableInput(synthesized: SynthesizedStack, name: string): TableInput {
  const tables = synthesized.template.findResources('AWS::Glue::Table');
  const found = Object.values(tables)
    .map((table) => table.Properties.TableInput as TableInput)
    .find((input) => input.Name === name);
  if (!found) throw new Error(`no Glue table ${name}`);
  return found;
}

/** `s3://<data bucket>/<rest>` as CloudFormation writes it. */
function dataLocation(synthesized: SynthesizedStack, rest: string): unknown {
  const bucket = resourceNamed(synthesized.template, 'AWS::S3::Bucket', 'StorageData');
  return { 'Fn::Join': ['', ['s3://', { Ref: bucket.id }, rest]] };
}

describe('Construct: WarehouseCatalog', () => {
  let synthesized: SynthesizedStack;
  beforeAll(() => {
    synthesized = synthStack({ projectionStartDate: '2021-03-01' });
  });

  it('creates the orderfeed database', () => {
    synthesized.template.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: { Name: 'orderfeed', Description: Match.anyValue() },
    });
  });

  it.each(TABLES.map((table) => [table.name, table] as const))(
    'gives %s exactly the columns of its table definition',
    (name, table) => {
      const input = tableInput(synthesized, name);

      expect(input.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(
        table.columns.map((c) => c.name),
      );
      expect(input.StorageDescriptor.Columns.map((c) => c.Comment)).toEqual(
        table.columns.map((c) => c.description),
      );
      expect(input.PartitionKeys).toEqual([
        { Name: 'dt', Type: 'string', Comment: expect.any(String) },
      ]);
      expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
        'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      );
    },
  );

  it('writes nested Hive types for the history and promotion arrays', () => {
    const events = tableInput(synthesized, 'order_events').StorageDescriptor.Columns;
    const items = tableInput(synthesized, 'order_line_items').StorageDescriptor.Columns;

    expect(events.find((c) => c.Name === 'state_history')?.Type).toBe(
      'array<struct<state:string,time:timestamp>>',
    );
    expect(events.find((c) => c.Name === 'total_cents')?.Type).toBe('bigint');
    expect(items.find((c) => c.Name === 'promotions')?.Type).toBe(
      'array<struct<uuid:string,discount_cents:bigint>>',
    );
    expect(items.find((c) => c.Name === 'line_item_index')?.Type).toBe('int');
  });

  it('projects the daily dt partitions of each table from the configured start date', () => {
    const input = tableInput(synthesized, 'order_line_items');

    expect(input.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'projection.dt.format': 'yyyy-MM-dd',
      'projection.dt.range': '2021-03-01,NOW',
      'projection.dt.interval': '1',
      'projection.dt.interval.unit': 'DAYS',
      'storage.location.template': dataLocation(synthesized, `/order_line_items/dt=\${dt}/`),
    });
    expect(input.StorageDescriptor.Location).toEqual(
      dataLocation(synthesized, '/order_line_items/'),
    );
  });

  it('reads the raw backup with the Ion SerDe, mapping the envelope keys', () => {
    const input = tableInput(synthesized, 'raw_events');

    expect(input.StorageDescriptor.InputFormat).toBe(
      'com.amazon.ionhiveserde.formats.IonInputFormat',
    );
    expect(input.StorageDescriptor.SerdeInfo).toEqual({
      SerializationLibrary: 'com.amazon.ionhiveserde.IonHiveSerDe',
      Parameters: {
        'ion.event_id.path_extractor': '(_id)',
        'ion.event_version.path_extractor': '(_v)',
        'ion.org.path_extractor': '(o)',
        'ion.user_uuid.path_extractor': '(u)',
        'ion.source.path_extractor': '(s)',
        'ion.event_type.path_extractor': '(e)',
        'ion.order_uuid.path_extractor': '(p uuid)',
        'ion.order_state.path_extractor': '(p state)',
        'ion.order_created_at.path_extractor': '(p created_at)',
      },
    });
    expect(input.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'storage.location.template': dataLocation(synthesized, `/raw/dt=\${dt}/`),
    });
  });

  it('projects the processing-failed records by table and arrival date', () => {
    const input = tableInput(synthesized, 'processing_failed');

    expect(input.PartitionKeys.map((key) => key.Name)).toEqual(['table', 'dt']);
    expect(input.StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual([
      ['attempts_made', 'int'],
      ['arrival_timestamp', 'bigint'],
      ['error_code', 'string'],
      ['error_message', 'string'],
      ['attempt_ending_timestamp', 'bigint'],
      ['raw_data', 'string'],
      ['lambda_arn', 'string'],
    ]);
    expect(input.StorageDescriptor.SerdeInfo.Parameters?.['ion.raw_data.path_extractor']).toBe(
      '(rawData)',
    );
    expect(input.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.table.type': 'enum',
      'projection.table.values': 'order_events,order_line_items',
      'projection.dt.type': 'date',
      'storage.location.template': dataLocation(
        synthesized,
        `/errors/processing-failed/table=\${table}/dt=\${dt}/`,
      ),
    });
  });
});
