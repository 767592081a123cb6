/**
 * Synthesizes an app with cdk-nag's AwsSolutions pack (cdk-nag 3 is a CDK validation plugin)
 * and returns the report of every finding not acknowledged, or '' when there is none. With
 * the test stack's context, CloudFormation schema findings are reported here too.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

export function awsSolutionsFindings(app: App): string {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
