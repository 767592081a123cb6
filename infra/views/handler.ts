/**
 * The custom resource Lambda (Provider framework `onEvent`) that creates the saved views in
 * the Glue catalog through Athena at deploy time.
 *
 * Create and Update run every view's `CREATE OR REPLACE VIEW` in the order given (the stack
 * orders them by dependency), then drop the views an update removed. Delete does nothing: the
 * views go with the Glue database when the stack deletes it.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { runStatements, type ViewStatement } from './create-views.ts';

/** The custom resource's properties, as the stack sets them. */
export interface ViewsResourceProperties {
  readonly Database: string;
  readonly WorkGroup: string;
  readonly Views: readonly { readonly Name: string; readonly Sql: string }[];
}

export interface ViewsResponse {
  readonly PhysicalResourceId: string;
  readonly Data: { readonly Views: string };
}

export async function handleViewsEvent(
  event: CloudFormationCustomResourceEvent,
  client: AthenaClient,
  pollMilliseconds?: number,
): Promise<ViewsResponse> {
  const properties = event.ResourceProperties as unknown as ViewsResourceProperties;
  const physicalId = `${properties.Database}.views`;
  const names = properties.Views.map((view) => view.Name);
  const response = { PhysicalResourceId: physicalId, Data: { Views: names.join(',') } };
  if (event.RequestType === 'Delete') return response;

  const options = { database: properties.Database, workGroup: properties.WorkGroup };
  const creates: ViewStatement[] = properties.Views.map((view) => ({
    name: view.Name,
    sql: view.Sql,
  }));
  await runStatements(client, [...creates, ...dropsOfRemovedViews(event)], {
    ...options,
    pollMilliseconds,
  });
  return response;
}

/** On update, the views the old properties had and the new ones do not. */
function dropsOfRemovedViews(event: CloudFormationCustomResourceEvent): ViewStatement[] {
  if (event.RequestType !== 'Update') return [];
  const old = event.OldResourceProperties as unknown as ViewsResourceProperties;
  const current = event.ResourceProperties as unknown as ViewsResourceProperties;
  if (old.Database !== current.Database) return [];
  const kept = new Set(current.Views.map((view) => view.Name));
  return old.Views.filter((view) => !kept.has(view.Name))
    .reverse()
    .map((view) => ({ name: view.Name, sql: `DROP VIEW IF EXISTS ${view.Name}` }));
}

const client = new AthenaClient({});

export const handler = (event: CloudFormationCustomResourceEvent): Promise<ViewsResponse> =>
  handleViewsEvent(event, client);
