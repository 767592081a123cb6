/**
 * Builds the orderfeed stack for assertions. Bundling is skipped through CDK's own
 * `aws:cdk:bundling-stacks` context (an empty list bundles no stack), so a synth takes
 * seconds; test/infra/app.test.ts runs the real app once with real bundling.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseConfig } from '../../infra/config.ts';
import { OrderfeedStack } from '../../infra/orderfeed-stack.ts';
import type { SavedQuery } from '../../queries/catalog.ts';

export interface SynthesizedStack {
  readonly stack: OrderfeedStack;
  readonly template: Template;
}

const synthesized = new Map<string, SynthesizedStack>();

/**
 * The stack for `context` (and `savedQueries`, default every queries/*.sql), synthesized once
 * per test file: a template is read-only, so tests can share it.
 */
export function synthStack(
  context: Record<string, unknown> = {},
  savedQueries?: readonly SavedQuery[],
): SynthesizedStack {
  const key = JSON.stringify([context, savedQueries ?? null]);
  const cached = synthesized.get(key);
  if (cached) return cached;
  const built = buildStack(context, savedQueries);
  synthesized.set(key, built);
  return built;
}

function buildStack(
  context: Record<string, unknown>,
  savedQueries: readonly SavedQuery[] | undefined,
): SynthesizedStack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new OrderfeedStack(app, 'Test', { config: parseConfig(context), savedQueries });
  return { stack, template: Template.fromStack(stack) };
}

/** The one resource of `type` whose logical id starts with `prefix`. */
export function resourceNamed(
  template: Template,
  type: string,
  prefix: string,
): { id: string; properties: Record<string, unknown> } {
  const found = Object.entries(template.findResources(type)).filter(([id]) =>
    id.startsWith(prefix),
  );
  if (found.length !== 1) {
    throw new Error(`expected one ${type} named ${prefix}*, found ${found.length}`);
  }
  const [id, resource] = found[0] as [string, { Properties: Record<string, unknown> }];
  return { id, properties: resource.Properties };
}
