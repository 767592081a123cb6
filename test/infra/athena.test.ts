import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { loadSavedQueries, QUERIES_DIR } from '../../queries/catalog.ts';
import { resourceNamed, synthStack } from './synth-stack.ts';

const FIXTURE_QUERIES = join(import.meta.dirname, 'fixtures', 'queries');

describe('Construct: AthenaWorkgroup', () => {
  it('enforces engine v3, encrypted results and the per-query scan limit', () => {
    const { template } = synthStack({ bytesScannedCutoffMb: 2048 });
    const results = resourceNamed(template, 'AWS::S3::Bucket', 'StorageAthenaResults');

    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'orderfeed',
      State: 'ENABLED',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        BytesScannedCutoffPerQuery: 2048 * 1024 * 1024,
        PublishCloudWatchMetricsEnabled: true,
        ResultConfiguration: {
          OutputLocation: { 'Fn::Join': ['', ['s3://', { Ref: results.id }, '/results/']] },
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
        },
      },
    });
  });

  it('saves every queries/*.sql file as a named query with its SQL', () => {
    const files = readdirSync(QUERIES_DIR).filter((file) => file.endsWith('.sql'));
    const queries = loadSavedQueries();

    const { template } = synthStack();

    const named = Object.values(template.findResources('AWS::Athena::NamedQuery')).map(
      (resource) => resource.Properties,
    );
    expect(named).toHaveLength(files.length);
    for (const query of queries) {
      expect(named).toContainEqual({
        Name: query.name,
        Description: query.description,
        Database: 'orderfeed',
        WorkGroup: expect.objectContaining({ Ref: expect.stringMatching(/^AthenaWorkGroup/) }),
        QueryString: query.sql,
      });
    }
  });
});

describe('Construct: SavedViews', () => {
  it('creates the views in dependency order, after the tables and the workgroup', () => {
    const { template } = synthStack({}, loadSavedQueries(FIXTURE_QUERIES));
    const workGroup = resourceNamed(template, 'AWS::Athena::WorkGroup', 'AthenaWorkGroup');
    const table = resourceNamed(template, 'AWS::Glue::Table', 'CatalogordereventsTable');

    const views = resourceNamed(template, 'Custom::OrderfeedViews', 'Views');

    expect(views.properties).toMatchObject({
      Database: 'orderfeed',
      WorkGroup: 'orderfeed',
      Views: [
        { Name: 'orders_snapshot', Sql: expect.stringContaining('VIEW orders_snapshot AS') },
        { Name: 'a_line_items', Sql: expect.stringContaining('VIEW a_line_items AS') },
      ],
    });
    const [resource] = Object.values(template.findResources('Custom::OrderfeedViews'));
    expect(resource?.DependsOn).toEqual(expect.arrayContaining([workGroup.id, table.id]));
  });

  it('creates orders_latest before line_items_latest from the real saved views', () => {
    const { template } = synthStack();

    const views = resourceNamed(template, 'Custom::OrderfeedViews', 'Views');

    const names = (views.properties.Views as { Name: string }[]).map((view) => view.Name);
    expect(names.indexOf('orders_latest')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('orders_latest')).toBeLessThan(names.indexOf('line_items_latest'));
  });

  it('lets the views function run DDL in the workgroup and write only the views', () => {
    const { template } = synthStack({}, loadSavedQueries(FIXTURE_QUERIES));

    const policy = resourceNamed(
      template,
      'AWS::IAM::Policy',
      'ViewsFunctionServiceRoleDefaultPolicy',
    );

    const statements = (policy.properties.PolicyDocument as { Statement: unknown[] }).Statement;
    const glueTable = (name: string) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':glue:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:table/orderfeed/${name}`,
        ],
      ],
    });
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'RunViewDdl',
        Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution'],
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'WriteViewsInCatalog',
        Resource: expect.arrayContaining([
          glueTable('orders_snapshot'),
          glueTable('a_line_items'),
          glueTable('order_events'),
        ]),
      }),
    );
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 600,
      Description: Match.stringLikeRegexp('creates the saved views'),
    });
  });
});
