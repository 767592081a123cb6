/**
 * Glue table parameters for Athena partition projection: Athena computes the partitions from
 * these rules at query time, so no crawler, no MSCK REPAIR and no partition API calls are
 * needed when Firehose writes a new day.
 */

/** A daily `dt` partition (`YYYY-MM-DD`) from `startDate` to today. */
export function dailyProjection(startDate: string): Record<string, string> {
  return {
    'projection.dt.type': 'date',
    'projection.dt.format': 'yyyy-MM-dd',
    'projection.dt.range': `${startDate},NOW`,
    'projection.dt.interval': '1',
    'projection.dt.interval.unit': 'DAYS',
  };
}

/** An enum partition key whose values are known when the stack is synthesized. */
export function enumProjection(key: string, values: readonly string[]): Record<string, string> {
  return {
    [`projection.${key}.type`]: 'enum',
    [`projection.${key}.values`]: values.join(','),
  };
}

/**
 * Turns projection rules on and says where a partition's objects live; `template` uses the
 * `${key}` placeholders Athena fills in, e.g. `s3://bucket/order_events/dt=${dt}/`.
 */
export function projectionParameters(
  template: string,
  ...rules: Record<string, string>[]
): Record<string, string> {
  return Object.assign(
    { 'projection.enabled': 'true', 'storage.location.template': template },
    ...rules,
  );
}
