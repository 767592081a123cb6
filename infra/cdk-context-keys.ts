/**
 * Which CDK context keys belong to CDK itself rather than to orderfeed. CDK keeps its feature
 * flags, the CLI's own settings and its cached lookups in the same context as the app's
 * settings, so orderfeed must let those pass while it rejects a key it does not know.
 */
import { ContextProvider } from 'aws-cdk-lib/cloud-assembly-schema';

/**
 * Feature flags (`@aws-cdk/...`), what the CLI passes on every synth (`aws:cdk:...`, e.g.
 * `aws:cdk:enable-path-metadata`) and other tool-owned spellings.
 */
const CDK_PREFIXES = ['@', 'aws:cdk:', 'aws-cdk:', 'cdk-'] as const;

/** Set by `cdk acknowledge` and `cdk cli-telemetry` in cdk.json or cdk.context.json. */
const CDK_KEYS = new Set(['acknowledged-issue-numbers', 'cli-telemetry']);

/** Cached lookups in cdk.context.json are `<provider>:<query>`, e.g. `availability-zones:...`. */
const LOOKUP_PREFIXES = Object.values(ContextProvider).map((provider) => `${provider}:`);

/** True when `key` is one CDK sets or reads itself. */
export function isCdkContextKey(key: string): boolean {
  return (
    CDK_KEYS.has(key) ||
    CDK_PREFIXES.some((prefix) => key.startsWith(prefix)) ||
    LOOKUP_PREFIXES.some((prefix) => key.startsWith(prefix))
  );
}
