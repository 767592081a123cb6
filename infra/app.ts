/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy`, configured by CDK context (see
 * infra/config.ts and the README). cdk-nag's AwsSolutions checks run on every synth and
 * fail it on any finding not acknowledged in infra/nag-suppressions.ts.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, type OrderfeedConfig, parseConfig, stackName } from './config.ts';
import { OrderfeedStack } from './orderfeed-stack.ts';

const app = new App();
const config = readConfig(app);

if (config) {
  new OrderfeedStack(app, stackName(config), {
    config,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/** The validated context; a bad value is reported as a message, not a stack trace. */
function readConfig(scope: App): OrderfeedConfig | undefined {
  try {
    return parseConfig(scope.node.getAllContext());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`orderfeed: invalid CDK context\n${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}
