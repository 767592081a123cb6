/**
 * Counts in messages read as English: `1 record`, `2 records`, `0 records`.
 */
const rules = new Intl.PluralRules('en-US');

/** The count with its noun, singular or plural; `plural` defaults to the noun plus s. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${rules.select(count) === 'one' ? singular : plural}`;
}
