/**
 * The deployment configuration: every setting a client may change, read once from CDK context
 * (`cdk.json` or `npx cdk deploy -c key=value`), validated with zod, with a default for each.
 *
 * Context given on the command line arrives as text, so numbers are accepted as digits too.
 * A bad value stops the synth with an error naming the key, the value given and the fix.
 */
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { DEFAULT_STACK_NAME } from '../aws/stack-outputs.ts';
import { isCdkContextKey } from './cdk-context-keys.ts';
import { DEFAULT_REPORT_SCHEDULE } from './reporting/daily-revenue-report.ts';
import {
  isQuickSightPrincipalArn,
  isSchedulerCron,
  isVenueTimeZone,
} from './reporting/validate.ts';

/** A whole number, from JSON context or from command-line text. */
function wholeNumber(min: number, max: number) {
  return z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(min).max(max));
}

/** A number that may have a fraction (the processor buffer size is 0.2 to 3 MB). */
function decimalNumber(min: number, max: number) {
  return z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .pipe(z.number().min(min).max(max));
}

/** The retention periods, in days, CloudWatch Logs accepts. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

const NAME = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Each key's schema and the sentence that tells the operator how to fix a bad value. */
const KEYS = {
  prefix: {
    schema: z.string().regex(NAME).default(DEFAULT_STACK_NAME),
    fix: 'use 2-32 lower-case letters, digits and hyphens, starting with a letter',
  },
  ecosystemEnv: {
    schema: z.string().regex(NAME).optional(),
    fix: 'use the VenueNext ecosystem and environment in lower case, e.g. mars-dev',
  },
  shardCount: {
    schema: wholeNumber(1, 500).optional(),
    fix: 'give a whole number of shards from 1 to 500, or leave it out for on-demand capacity',
  },
  retentionHours: {
    schema: wholeNumber(24, 8760).default(168),
    fix: 'give the stream retention in hours, from 24 to 8760',
  },
  bufferSizeMb: {
    schema: wholeNumber(64, 128).default(128),
    fix: 'give a size from 64 to 128 (MiB): Firehose needs 64 or more with dynamic partitioning',
  },
  bufferIntervalSeconds: {
    schema: wholeNumber(60, 900).default(300),
    fix: 'give an interval from 60 to 900 seconds',
  },
  processorBufferSizeMb: {
    schema: decimalNumber(0.2, 3).default(1),
    fix: 'give a size from 0.2 to 3 (MB), the range Firehose allows for a Lambda processor',
  },
  processorBufferIntervalSeconds: {
    schema: wholeNumber(0, 900).default(60),
    fix: 'give an interval from 0 to 900 seconds',
  },
  transformConcurrency: {
    schema: wholeNumber(1, 1000).default(20),
    fix: 'give the reserved concurrency of each transform function, from 1 to 1000',
  },
  logRetentionDays: {
    schema: wholeNumber(1, 3653)
      .refine((days) => LOG_RETENTION_DAYS.includes(days))
      .default(90),
    fix: `give one of the retentions CloudWatch Logs supports: ${LOG_RETENTION_DAYS.join(', ')}`,
  },
  resultsExpirationDays: {
    schema: wholeNumber(1, 3650).default(30),
    fix: 'give the number of days to keep Athena query results, from 1 to 3650',
  },
  bytesScannedCutoffMb: {
    schema: wholeNumber(10, 10_000_000).default(10_240),
    fix: 'give the most MB a single Athena query may scan, 10 or more',
  },
  projectionStartDate: {
    schema: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .default('2020-01-01'),
    fix: 'give the first partition date (YYYY-MM-DD) Athena should look for',
  },
  alarmEmail: {
    schema: z.string().regex(EMAIL).optional(),
    fix: 'give an e-mail address, or leave it out and subscribe to the alarm topic yourself',
  },
  removalPolicy: {
    schema: z.enum(['retain', 'destroy']).default('retain'),
    fix: 'use retain (keep the data when the stack is deleted) or destroy (for test stacks)',
  },
  publisherRoleArn: {
    schema: z.string().regex(ROLE_ARN).optional(),
    fix: 'give the ARN of the VenueNext publisher role, arn:aws:iam::<account>:role/<name>',
  },
  externalId: {
    schema: z.string().regex(EXTERNAL_ID).optional(),
    fix: 'give 2 to 1224 characters from letters, digits and +=,.@:/-_',
  },
  reportTimezone: {
    schema: z.string().refine(isVenueTimeZone).default('America/Chicago'),
    fix: "give the venue's IANA time zone, e.g. America/Chicago (not an abbreviation)",
  },
  reportSchedule: {
    schema: z.string().refine(isSchedulerCron).default(DEFAULT_REPORT_SCHEDULE),
    fix: 'give a Scheduler cron expression read in reportTimezone, e.g. cron(0 6 * * ? *)',
  },
  quicksightPrincipalArn: {
    schema: z.string().refine(isQuickSightPrincipalArn).optional(),
    fix: 'give a QuickSight user or group ARN, arn:aws:quicksight:<region>:<account>:user/...',
  },
} as const;

export type ConfigKey = keyof typeof KEYS;

/** The validated configuration, every default filled in. */
export type OrderfeedConfig = {
  readonly [K in ConfigKey]: z.output<(typeof KEYS)[K]['schema']>;
};

export const CONFIG_KEYS = Object.keys(KEYS) as ConfigKey[];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the context values. Throws a {@link ConfigError} naming every bad key, its value
 * and the fix, every key that is neither orderfeed's nor CDK's own (a misspelled setting
 * would otherwise be dropped without a word), and an `externalId` without `publisherRoleArn`.
 */
export function parseConfig(context: Readonly<Record<string, unknown>>): OrderfeedConfig {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};

  for (const key of CONFIG_KEYS) {
    const value = context[key];
    const result = KEYS[key].schema.safeParse(value);
    if (result.success) config[key] = result.data;
    else problems.push(`context ${key}=${JSON.stringify(value)} is invalid: ${KEYS[key].fix}`);
  }

  problems.push(...unknownKeyProblems(context));
  if (context.externalId !== undefined && context.publisherRoleArn === undefined) {
    problems.push(
      'context externalId is given without publisherRoleArn: the external id is agreed with ' +
        'VenueNext and only applies once their role is trusted; deploy phase 1 without it and ' +
        'give both in phase 2 (orderfeed handoff --external-id puts it in the message for ' +
        'VenueNext)',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return config as OrderfeedConfig;
}

function unknownKeyProblems(context: Readonly<Record<string, unknown>>): string[] {
  const known = new Set<string>(CONFIG_KEYS);
  return Object.keys(context)
    .filter((key) => !known.has(key) && !isCdkContextKey(key))
    .map((key) => {
      const suggestion = closestKey(key);
      const hint = suggestion
        ? `did you mean ${suggestion}?`
        : 'see "Configuration" in the README for the keys orderfeed reads';
      return `context ${key} is not an orderfeed setting: ${hint}`;
    });
}

/** The setting `key` is a likely misspelling of (case aside, a few letters off), if any. */
function closestKey(key: string): ConfigKey | undefined {
  const scored = CONFIG_KEYS.map((known) => ({
    known,
    edits: distance(key.toLowerCase(), known.toLowerCase()),
  })).sort((a, b) => a.edits - b.edits);
  const best = scored[0];
  const allowed = Math.max(2, Math.floor(key.length / 3));
  return best && best.edits <= allowed ? best.known : undefined;
}

/** The CloudFormation stack name: the prefix, then the ecosystem-env when one is given. */
export function stackName(config: OrderfeedConfig): string {
  return config.ecosystemEnv ? `${config.prefix}-${config.ecosystemEnv}` : config.prefix;
}

/** The settings the phase 2 command adds itself, so they are not repeated from phase 1. */
const PHASE_2_KEYS: readonly ConfigKey[] = ['publisherRoleArn', 'externalId'];

/**
 * The `-c key=value` options that rebuild this configuration: the prefix always (so the
 * command names its stack even when every setting is a default), then every setting that
 * differs from its default, quoted for a POSIX shell where needed. A redeploy without them
 * would target another stack, or quietly undo settings such as `alarmEmail`.
 */
export function deployContextFlags(config: OrderfeedConfig): string {
  const defaults = parseConfig({});
  return CONFIG_KEYS.filter((key) => !PHASE_2_KEYS.includes(key))
    .filter(
      (key) => key === 'prefix' || (config[key] !== undefined && config[key] !== defaults[key]),
    )
    .map((key) => `-c ${shellWord(`${key}=${config[key]}`)}`)
    .join(' ');
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
