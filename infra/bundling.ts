/**
 * How orderfeed's Lambda functions are bundled: the local esbuild (never Docker, so synth
 * works offline), minified ESM for Node.js on arm64, the AWS SDK taken from the runtime.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';

/** The repository root, where package-lock.json and the function sources are. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The newest Node.js runtime Lambda offers. */
export const NODE_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Props shared by every bundled function; `entry` is relative to the repository root. */
export function bundledFunctionProps(entry: string): nodejs.NodejsFunctionProps {
  return {
    entry: join(PROJECT_ROOT, entry),
    handler: 'handler',
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
    runtime: NODE_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    environment: { NODE_OPTIONS: '--enable-source-maps' },
    bundling: {
      forceDockerBundling: false,
      minify: true,
      // Stack traces point at the TypeScript sources (with NODE_OPTIONS=--enable-source-maps).
      sourceMap: true,
      format: nodejs.OutputFormat.ESM,
      target: 'node24',
      mainFields: ['module', 'main'],
      // Some dependencies still call require(); ESM bundles have no require of their own.
      banner:
        "import { createRequire } from 'node:module'; " +
        'const require = createRequire(import.meta.url);',
      externalModules: ['@aws-sdk/*'],
    },
  };
}
