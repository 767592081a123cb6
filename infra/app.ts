/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy`, configured by CDK context (see
 * infra/config.ts and docs/deploy.md). cdk-nag's AwsSolutions checks run on every synth.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseConfig, stackName } from './config.ts';
import { OrderfeedStack } from './orderfeed-stack.ts';

const app = new App();
const config = parseConfig(app.node.getAllContext());

new OrderfeedStack(app, stackName(config), {
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
