/**
 * The order states that are not sales (cancelled, voided, ...), read from the `sales_orders`
 * view, the one place the rule is written: the dashboard filters by the same list.
 */
import { findSavedQuery, type SavedQuery } from '../../../queries/catalog.ts';
import { ReportingConfigError } from '../errors.ts';

const NOT_IN_STATES = /lower\(\s*\w+\.state\s*\)\s+NOT\s+IN\s*\(([^)]*)\)/i;

/** Returns the lower-case states `sales_orders` leaves out, in the order the view lists them. */
export function nonSaleStates(view: SavedQuery = findSavedQuery('sales_orders')): string[] {
  const list = NOT_IN_STATES.exec(view.sql)?.[1];
  const states = [...(list ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
  if (states.length > 0) return states;

  const fix =
    'no longer says "lower(<alias>.state) NOT IN (...)"; update quicksight/sale-states.ts ' +
    'to read its sale rule';
  throw new ReportingConfigError(`view ${view.name}`, view.file, fix);
}
