/**
 * Decodes one Kinesis record into an order event, or says it is some other event, or throws
 * an {@link EventContractError} naming the field that breaks the contract.
 */
import { decodeTime } from 'ulid';
import type { z } from 'zod';
import { EventContractError } from '../errors.ts';
import { eventHash } from '../hashing/event-hash.ts';
import { decodeJson } from './decode-json.ts';
import { EnvelopeSchema, ORDER_STATE_CHANGE, type OrderEvent, OrderEventSchema } from './schema.ts';
import { collectUnknownFields, type UnknownFields } from './unknown-fields.ts';

export interface DecodedOrderEvent {
  readonly kind: 'order';
  readonly event: OrderEvent;
  /** Milliseconds since the epoch, from the ULID. */
  readonly eventTimeMs: number;
  readonly eventHash: string;
  readonly unknownFields: UnknownFields;
}

export interface OtherEvent {
  readonly kind: 'other';
  readonly eventId: string;
  readonly eventType: string;
}

export function decodeEvent(bytes: Uint8Array): DecodedOrderEvent | OtherEvent {
  const { value: json, lossless } = decodeJson(bytes);
  const claimsOrder = (json as { e?: unknown } | null)?.e === ORDER_STATE_CHANGE;
  const envelope = claimsOrder ? undefined : parseOrThrow(EnvelopeSchema, json, undefined);
  if (envelope) return { kind: 'other', eventId: envelope._id, eventType: envelope.e };

  // An order's envelope is checked with its payload, in one pass; the event id is only
  // named in a failure once the id itself is known to be well formed.
  const eventId = envelopeId(json);
  const event = parseOrThrow(OrderEventSchema, json, eventId);
  const payload = (json as { p: unknown }).p;
  return {
    kind: 'order',
    event,
    eventTimeMs: decodeTime(event._id.toUpperCase()),
    eventHash: eventHash(payload, lossless),
    unknownFields: collectUnknownFields(OrderEventSchema, json),
  };
}

function parseOrThrow<S extends z.ZodType>(
  schema: S,
  json: unknown,
  eventId: string | undefined,
): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const path = formatPath(issue?.path ?? []);
  const reason = issue?.message ?? 'does not match the event contract';
  throw new EventContractError(path, reason, { eventId, cause: result.error });
}

function envelopeId(json: unknown): string | undefined {
  const result = EnvelopeSchema.shape._id.safeParse((json as { _id?: unknown })._id);
  return result.success ? result.data : undefined;
}

/** `['p', 'line_items', 2, 'price']` becomes `p.line_items[2].price`; the root is `$`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '$';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}
