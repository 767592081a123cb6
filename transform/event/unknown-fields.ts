/**
 * Collects the fields an event carries that its contract does not know, keyed by their path
 * (`p.line_items[0].color`), so a new VenueNext field is kept as data instead of dropped.
 *
 * The walk follows the zod schema itself, so the contract stays the only list of known fields.
 */
import { isLosslessNumber, stringify as stringifyLossless } from 'lossless-json';
import type { z } from 'zod';

export type UnknownFields = Record<string, unknown>;

export function collectUnknownFields(schema: z.ZodType, value: unknown): UnknownFields {
  const found: UnknownFields = {};
  walk(schema, value, '', found);
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

function walk(schema: z.ZodType, value: unknown, path: string, found: UnknownFields): void {
  const def = schema._zod.def as unknown as ZodDefinition;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      walk(def.innerType as z.ZodType, value, path, found);
      return;
    case 'pipe':
      walk(def.in as z.ZodType, value, path, found);
      return;
    case 'array':
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          walk(def.element as z.ZodType, item, `${path}[${index}]`, found);
        });
      }
      return;
    case 'object':
      if (isPlainObject(value)) walkObject(def.shape ?? {}, value, path, found);
      return;
    default:
      return;
  }
}

function walkObject(
  shape: Record<string, z.ZodType>,
  value: Record<string, unknown>,
  path: string,
  found: UnknownFields,
): void {
  for (const key of Object.keys(value)) {
    const child = path === '' ? key : `${path}.${key}`;
    const known = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (known) walk(known, value[key], child, found);
    else found[child] = value[key];
  }
}

interface ZodDefinition {
  type: string;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  shape?: Record<string, z.ZodType>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function containsLosslessNumber(value: unknown): boolean {
  if (isLosslessNumber(value)) return true;
  if (Array.isArray(value)) return value.some(containsLosslessNumber);
  if (isPlainObject(value)) return Object.values(value).some(containsLosslessNumber);
  return false;
}
