/** Thrown at construction when a reporting prop cannot work, naming the prop and the fix. */
export class ReportingConfigError extends Error {
  constructor(prop: string, value: unknown, fix: string, options?: { cause?: unknown }) {
    super(`${prop}: ${JSON.stringify(value)} ${fix}`, options);
    this.name = 'ReportingConfigError';
  }
}
