/**
 * The order in which views can be created: a view that selects from another view must come
 * after it (`line_items_latest` after `orders_latest`), whatever their file names.
 */

export interface ViewDefinition {
  readonly name: string;
  readonly sql: string;
}

export class ViewOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ViewOrderError';
  }
}

/**
 * Sorts views so each comes after every view its SQL names; views that do not depend on each
 * other keep their given order. Throws a {@link ViewOrderError} naming a cycle.
 */
export function orderViews<V extends ViewDefinition>(views: readonly V[]): V[] {
  const byName = new Map(views.map((view) => [view.name.toLowerCase(), view]));
  const ordered: V[] = [];
  const done = new Set<string>();
  const visiting: string[] = [];

  const visit = (view: V): void => {
    const key = view.name.toLowerCase();
    if (done.has(key)) return;
    if (visiting.includes(key)) {
      const cycle = [...visiting.slice(visiting.indexOf(key)), key].join(' -> ');
      throw new ViewOrderError(`views depend on each other in a cycle: ${cycle}`);
    }
    visiting.push(key);
    for (const dependency of dependencies(view, byName)) visit(dependency);
    visiting.pop();
    done.add(key);
    ordered.push(view);
  };

  for (const view of views) visit(view);
  return ordered;
}

/** The other views whose name appears as a whole word in `view`'s SQL. */
function dependencies<V extends ViewDefinition>(view: V, byName: Map<string, V>): V[] {
  const sql = withoutCommentsAndLiterals(view.sql).toLowerCase();
  return [...byName.entries()]
    .filter(([name, other]) => other !== view && new RegExp(`\\b${name}\\b`).test(sql))
    .map(([, other]) => other);
}

/** A name inside a comment or a string literal is not a reference to a view. */
function withoutCommentsAndLiterals(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^']|'')*'/g, "''");
}
