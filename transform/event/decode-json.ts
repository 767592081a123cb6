/**
 * Turns a record's bytes into a JSON value without losing anything: invalid UTF-8 fails
 * (never replacement characters), a UTF-8 byte order mark and trailing newline are
 * accepted, and numbers a 64-bit float cannot hold exactly are kept as `LosslessNumber`s
 * instead of being silently rounded by `JSON.parse`.
 */
import { isSafeNumber, LosslessNumber, parse as parseLossless } from 'lossless-json';
import { EventContractError } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Text that could hold an imprecise number: a number token (after `:`, `,` or `[`) of 16 or
 * more characters, more digits than a double keeps, or with a three-digit exponent, past a
 * double's range. Cheap enough to run on every record; the exact scan runs only on a match.
 */
const MAYBE_IMPRECISE = /[:,[]\s*-?\d(?:[\d.eE+-]{15}|[\d.]*[eE][+-]?\d{3})/;

export interface DecodedJson {
  readonly value: unknown;
  /** Whether some number was kept as a `LosslessNumber` because a double cannot hold it. */
  readonly lossless: boolean;
}

export function decodeJson(bytes: Uint8Array): DecodedJson {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (cause) {
    throw new EventContractError('$', 'record is not valid UTF-8', { cause });
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new EventContractError('$', 'record is not a JSON document', { cause });
  }

  // JSON.parse rounds 9007199254740993 and 0.10000000000000001 without a word. Such numbers
  // are rare, so the exact parser only runs when the text could hold one.
  if (MAYBE_IMPRECISE.test(text) && hasImpreciseNumber(text)) {
    const exact = parseLossless(text, null, (digits) =>
      isSafeNumber(digits) ? Number(digits) : new LosslessNumber(digits),
    );
    return { value: exact, lossless: true };
  }
  return { value, lossless: false };
}

/** Whether a number token outside strings has more significant digits than a double keeps. */
export function hasImpreciseNumber(text: string): boolean {
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      index = skipString(text, index + 1);
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      const end = numberEnd(text, index);
      if (!isSafeNumber(text.slice(index, end))) return true;
      index = end;
    } else {
      index++;
    }
  }
  return false;
}

function skipString(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) index += 2;
    else if (code === 0x22) return index + 1;
    else index++;
  }
  return index;
}

function numberEnd(text: string, from: number): number {
  let index = from + 1;
  while (index < text.length && /[\d.eE+-]/.test(text.charAt(index))) index++;
  return index;
}
