/**
 * The Glue database and its tables: one Parquet table per orderfeed table (columns from
 * transform/tables), `raw_events` over the source backup and `processing_failed` over the
 * transform's error records. Every table uses partition projection on `dt`.
 */
import * as glue from '@aws-cdk/aws-glue-alpha';
import type { CfnTable } from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DT_PARTITION, TABLE_NAMES, TABLES, type TableName } from '../transform/tables/index.ts';
import { glueColumn, glueColumns, gluePartitionKeys } from './glue-schema.ts';
import { dailyProjection, enumProjection, projectionParameters } from './partition-projection.ts';
import {
  ION_JSON,
  PROCESSING_FAILED,
  pathExtractors,
  RAW_EVENTS,
  type SourceTable,
} from './source-tables.ts';
import { TABLE_FOLDERS } from './warehouse-layout.ts';

export interface WarehouseCatalogProps {
  readonly databaseName: string;
  readonly bucket: s3.IBucket;
  /** The first `dt` Athena looks for (`YYYY-MM-DD`). */
  readonly projectionStartDate: string;
}

export class WarehouseCatalog extends Construct {
  readonly database: glue.Database;
  /** The Parquet tables Firehose converts into, by orderfeed table name. */
  readonly tables: Readonly<Record<TableName, glue.S3Table>>;
  readonly rawEvents: glue.S3Table;
  readonly processingFailed: glue.S3Table;
  /** Every table's name, for grants that list them. */
  readonly tableNames: readonly string[];

  constructor(scope: Construct, id: string, props: WarehouseCatalogProps) {
    super(scope, id);
    const { bucket } = props;
    const daily = dailyProjection(props.projectionStartDate);
    const location = (folder: string) => `s3://${bucket.bucketName}/${folder}`;

    this.database = new glue.Database(this, 'Database', {
      databaseName: props.databaseName,
      description: 'orderfeed: VenueNext order.state.change events as tables',
    });

    const tables = TABLES.map((table) => {
      const folder = `${table.name}/`;
      return new glue.S3Table(this, table.name, {
        database: this.database,
        tableName: table.name,
        description: table.description,
        bucket,
        s3Prefix: folder,
        columns: glueColumns(table),
        partitionKeys: gluePartitionKeys(table),
        dataFormat: glue.DataFormat.PARQUET,
        parameters: projectionParameters(`${location(folder)}dt=\${dt}/`, daily),
      });
    });
    this.tables = Object.fromEntries(
      tables.map((table, index) => [TABLE_NAMES[index], table]),
    ) as Record<TableName, glue.S3Table>;

    this.rawEvents = this.sourceTable(
      RAW_EVENTS,
      bucket,
      TABLE_FOLDERS.raw,
      [glueColumn(DT_PARTITION)],
      projectionParameters(`${location(TABLE_FOLDERS.raw)}dt=\${dt}/`, daily),
    );

    const failedFolder = TABLE_FOLDERS.processingFailed;
    this.processingFailed = this.sourceTable(
      PROCESSING_FAILED,
      bucket,
      failedFolder,
      [
        // Named after the folder (docs/CONTRACTS.md); TABLE is reserved in Athena SQL, so
        // queries quote it: "table".
        { name: 'table', type: glue.Schema.STRING, comment: 'The orderfeed table it failed for.' },
        glueColumn(DT_PARTITION),
      ],
      projectionParameters(
        `${location(failedFolder)}table=\${table}/dt=\${dt}/`,
        enumProjection('table', TABLE_NAMES),
        daily,
      ),
    );
    this.tableNames = [...TABLE_NAMES, RAW_EVENTS.name, PROCESSING_FAILED.name];
  }

  private sourceTable(
    table: SourceTable,
    bucket: s3.IBucket,
    folder: string,
    partitionKeys: glue.Column[],
    parameters: Record<string, string>,
  ): glue.S3Table {
    const glueTable = new glue.S3Table(this, table.name, {
      database: this.database,
      tableName: table.name,
      description: table.description,
      bucket,
      s3Prefix: folder,
      columns: table.columns.map((c) => ({ name: c.name, type: c.type, comment: c.description })),
      partitionKeys,
      dataFormat: ION_JSON,
      parameters,
    });
    // The alpha S3Table has no prop for SerDe parameters, so they are set on the L1 table.
    const cfnTable = glueTable.node.defaultChild as CfnTable;
    cfnTable.addPropertyOverride(
      'TableInput.StorageDescriptor.SerdeInfo.Parameters',
      pathExtractors(table),
    );
    return glueTable;
  }
}
