import {
  AthenaClient,
  GetQueryExecutionCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleViewsEvent } from '../../../infra/views/handler.ts';

const athena = mockClient(AthenaClient);

const VIEWS = [
  { Name: 'orders_latest', Sql: 'CREATE OR REPLACE VIEW orders_latest AS SELECT 1' },
  { Name: 'line_items_latest', Sql: 'CREATE OR REPLACE VIEW line_items_latest AS SELECT 2' },
];

function event(
  requestType: 'Create' | 'Update' | 'Delete',
  views = VIEWS,
  oldViews = VIEWS,
): CloudFormationCustomResourceEvent {
  const common = {
    ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:provider',
    ResponseURL: 'https://cloudformation-custom-resource-response.example/x',
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/orderfeed/1',
    RequestId: 'request-1',
    LogicalResourceId: 'Views',
    ResourceType: 'Custom::OrderfeedViews',
    ResourceProperties: {
      ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:provider',
      Database: 'orderfeed',
      WorkGroup: 'orderfeed',
      Views: views,
    },
  };
  if (requestType === 'Create') return { ...common, RequestType: 'Create' };
  const PhysicalResourceId = 'orderfeed.views';
  if (requestType === 'Delete') return { ...common, RequestType: 'Delete', PhysicalResourceId };
  return {
    ...common,
    RequestType: 'Update',
    PhysicalResourceId,
    OldResourceProperties: { ...common.ResourceProperties, Views: oldViews },
  };
}

/** Answers every StartQueryExecution with q1, q2, ... and each status check with `state`. */
function athenaAnswers(states: Record<string, string[]>): void {
  let started = 0;
  athena.on(StartQueryExecutionCommand).callsFake(() => {
    started += 1;
    return { QueryExecutionId: `q${started}` };
  });
  athena.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => {
    const queue = states[input.QueryExecutionId] ?? ['SUCCEEDED'];
    const state = queue.length > 1 ? queue.shift() : queue[0];
    return {
      QueryExecution: {
        Status: {
          State: state,
          StateChangeReason: state === 'FAILED' ? 'line 1: no table x' : undefined,
        },
      },
    };
  });
}

function startedSql(): string[] {
  return athena
    .commandCalls(StartQueryExecutionCommand)
    .map((call) => call.args[0].input.QueryString ?? '');
}

describe('Function: views custom resource', () => {
  beforeEach(() => {
    athena.reset();
  });

  it('creates each view in order in the workgroup and database, waiting for each', async () => {
    athenaAnswers({ q1: ['QUEUED', 'RUNNING', 'SUCCEEDED'] });

    const response = await handleViewsEvent(event('Create'), new AthenaClient({}), 0);

    expect(response).toEqual({
      PhysicalResourceId: 'orderfeed.views',
      Data: { Views: 'orders_latest,line_items_latest' },
    });
    expect(startedSql()).toEqual([VIEWS[0]?.Sql, VIEWS[1]?.Sql]);
    const first = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(first?.WorkGroup).toBe('orderfeed');
    expect(first?.QueryExecutionContext).toEqual({ Database: 'orderfeed' });
    // Three checks for the first view (queued, running, succeeded), one for the second.
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(4);
  });

  it('fails with the view name and Athena reason, and starts no later view', async () => {
    athenaAnswers({ q1: ['FAILED'] });

    await expect(handleViewsEvent(event('Create'), new AthenaClient({}), 0)).rejects.toThrow(
      'view orders_latest FAILED (q1): line 1: no table x',
    );
    expect(startedSql()).toEqual([VIEWS[0]?.Sql]);
  });

  it('drops the views an update removed, after creating the ones kept', async () => {
    athenaAnswers({});
    const kept = [VIEWS[0] as (typeof VIEWS)[number]];

    await handleViewsEvent(event('Update', kept, VIEWS), new AthenaClient({}), 0);

    expect(startedSql()).toEqual([VIEWS[0]?.Sql, 'DROP VIEW IF EXISTS line_items_latest']);
  });

  it('leaves the catalog alone on delete', async () => {
    athenaAnswers({});

    const response = await handleViewsEvent(event('Delete'), new AthenaClient({}), 0);

    expect(response.PhysicalResourceId).toBe('orderfeed.views');
    expect(athena.calls()).toHaveLength(0);
  });
});
