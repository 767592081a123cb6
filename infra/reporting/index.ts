/**
 * The reporting constructs: the morning revenue report and the opt-in QuickSight dashboard.
 */
export * from './daily-revenue-report.ts';
export * from './errors.ts';
export * from './quicksight/revenue-dashboard.ts';
export * from './reporting.ts';
export * from './warehouse.ts';
