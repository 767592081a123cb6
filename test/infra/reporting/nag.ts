/**
 * Runs cdk-nag's AwsSolutions pack on an app (cdk-nag 3 is a CDK validation plugin) and
 * returns every finding that is not acknowledged.
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
