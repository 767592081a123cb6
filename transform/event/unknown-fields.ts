/**
 * Collects the fields an event carries that its contract does not know, keyed by their path
 * (`p.line_items[0].color`), so a new VenueNext field is kept as data instead of dropped.
 *
 * The known fields are read off the zod schema itself (once, into a tree), so the contract
 * stays the only list of known fields.
 */
import { isLosslessNumber, stringify as stringifyLossless } from 'lossless-json';
import type { z } from 'zod';

export type UnknownFields = Record<string, unknown>;

/** The shape of known fields: object keys with their children, or an array's element. */
interface KnownFields {
  readonly keys?: ReadonlyMap<string, KnownFields>;
  readonly element?: KnownFields;
}

const trees = new WeakMap<z.ZodType, KnownFields>();

export function collectUnknownFields(schema: z.ZodType, value: unknown): UnknownFields {
  let tree = trees.get(schema);
  if (!tree) {
    tree = knownFields(schema);
    trees.set(schema, tree);
  }
  const found: UnknownFields = {};
  walk(tree, value, '', found);
  return found;
}

/** The fields as a JSON object (numbers kept exactly), or null when there are none. */
export function unknownFieldsJson(fields: UnknownFields): string | null {
  if (Object.keys(fields).length === 0) return null;
  const hasLossless = Object.values(fields).some(containsLosslessNumber);
  return hasLossless ? (stringifyLossless(fields) ?? null) : JSON.stringify(fields);
}

/** The subset of `fields` at or under `prefix` (e.g. `p.line_items[1]`, not `[10]`). */
export function unknownFieldsUnder(fields: UnknownFields, prefix: string): UnknownFields {
  const subset: UnknownFields = {};
  for (const [path, value] of Object.entries(fields)) {
    const rest = path.slice(prefix.length, prefix.length + 1);
    if (path.startsWith(prefix) && (rest === '' || rest === '.' || rest === '[')) {
      subset[path] = value;
    }
  }
  return subset;
}

interface ZodDefinition {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

/** Reads the known fields off a zod schema, looking through optional, nullable and pipes. */
function knownFields(schema: z.ZodType): KnownFields {
  const def = schema._zod.def as unknown as ZodDefinition;
  if (def.innerType) return knownFields(def.innerType);
  if (def.type === 'pipe' && def.in) return knownFields(def.in);
  if (def.type === 'array' && def.element) return { element: knownFields(def.element) };
  if (def.type === 'object' && def.shape) {
    const entries = Object.entries(def.shape).map(([key, child]) => [key, knownFields(child)]);
    return { keys: new Map(entries as [string, KnownFields][]) };
  }
  return {};
}

function walk(known: KnownFields, value: unknown, path: string, found: UnknownFields): void {
  if (typeof value !== 'object' || value === null) return;

  if (Array.isArray(value)) {
    const { element } = known;
    if (!element) return;
    for (const [index, item] of value.entries()) walk(element, item, `${path}[${index}]`, found);
    return;
  }

  const { keys } = known;
  if (!keys) return;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = path === '' ? key : `${path}.${key}`;
    const item = (value as Record<string, unknown>)[key];
    const next = keys.get(key);
    if (next) walk(next, item, child, found);
    else found[child] = item;
  }
}

function containsLosslessNumber(value: unknown): boolean {
  if (isLosslessNumber(value)) return true;
  if (Array.isArray(value)) return value.some(containsLosslessNumber);
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(containsLosslessNumber);
  }
  return false;
}
