import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { described, split } from './split.ts';

describe('Class: RecordSplitter', () => {
  describe('well-formed input', () => {
    it('splits NDJSON into one record per line, without the newline', () => {
      const records = split('{"a":1}\n{"b":2}\r\n{"c":3}\n');

      expect(described(records)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    });

    it('splits documents concatenated with no separator, as Firehose writes them', () => {
      const records = split('{"a":1}{"b":{"c":[1,{"d":"}"}]}}{"e":"\\"{"}');

      expect(described(records)).toEqual(['{"a":1}', '{"b":{"c":[1,{"d":"}"}]}}', '{"e":"\\"{"}']);
    });

    it('keeps a pretty-printed document whole, bytes untouched', () => {
      const pretty = '{\n"p": {\n"items": [{\n"x": 1\n}, {\n"y": 2\n}]\n}\n}';

      const records = split(`${pretty}\n{"next":true}`);

      expect(described(records)).toEqual([pretty, '{"next":true}']);
    });

    it('drops a byte order mark that opens the stream', () => {
      const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);

      expect(described(split(input))).toEqual(['{"a":1}']);
    });

    it('returns nothing for empty or blank input', () => {
      expect(split('')).toEqual([]);
      expect(split(' \n\t\r\n')).toEqual([]);
    });
  });

  describe('resync: a malformed record never takes a valid neighbour with it', () => {
    it('isolates an object truncated mid-string and glued to the next document', () => {
      const records = split('{"a":1}{"b":{"c":"x{"d":4}{"e":5}');

      expect(described(records)).toEqual(['{"a":1}', '!{"b":{"c":"x', '{"d":4}', '{"e":5}']);
    });

    it('isolates an NDJSON line truncated inside an array', () => {
      const records = split('{"a":1}\n{"b":[1,2\n{"c":3}\n');

      expect(described(records)).toEqual(['{"a":1}', '!{"b":[1,2', '{"c":3}']);
    });

    it('does not carve a complete inner object out of a truncated document', () => {
      const records = split('{"a":{"k":1},"b":"x{"c":3}');

      expect(described(records)).toEqual(['!{"a":{"k":1},"b":"x', '{"c":3}']);
    });

    it('makes a line of garbage one malformed record', () => {
      const records = split('{"a":1}\nnot json, at all:\n{"b":2}\n');

      expect(described(records)).toEqual(['{"a":1}', '!not json, at all:', '{"b":2}']);
    });

    it('makes a stray closing brace one malformed record', () => {
      const records = split('{"a":1}}{"b":2}');

      expect(described(records)).toEqual(['{"a":1}', '!}', '{"b":2}']);
    });

    it('keeps a document with invalid UTF-8 whole and its bytes untouched', () => {
      const bad = Buffer.concat([
        Buffer.from('{"a":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]);
      const input = Buffer.concat([bad, Buffer.from('\n{"b":2}')]);

      const records = split(input);

      expect(records.map((record) => record.malformed)).toEqual([false, false]);
      expect(records[0]?.bytes.equals(bad)).toBe(true);
    });

    it('makes a document that never closes a malformed record at the end of input', () => {
      expect(described(split('{"a":1}\n{"b":'))).toEqual(['{"a":1}', '!{"b":']);
    });

    it('makes a document with a syntax error malformed and keeps its neighbours', () => {
      const records = split('{"a":1}{"b":2,}{"c":3}');

      expect(described(records)).toEqual(['{"a":1}', '!{"b":2,}', '{"c":3}']);
    });

    it('cuts an over-long document into bounded malformed pieces and resumes after it', () => {
      const long = `{"a":"${'x'.repeat(50)}"}`;

      const records = split(`${long}\n{"b":2}`, Infinity, 20);

      expect(described(records).at(-1)).toBe('{"b":2}');
      expect(records.slice(0, -1).every((record) => record.malformed)).toBe(true);
      expect(records.every((record) => record.bytes.length <= 20)).toBe(true);
      expect(Buffer.concat(records.slice(0, -1).map((record) => record.bytes)).toString()).toBe(
        long,
      );
    });
  });

  describe('properties', () => {
    const documentArbitrary = fc
      .dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 })
      .map((value) => JSON.stringify(value));

    it('gives the same records however the input is cut into chunks', () => {
      fc.assert(
        fc.property(fc.array(documentArbitrary, { maxLength: 6 }), fc.nat(40), (docs, size) => {
          const input = docs.join(size % 2 === 0 ? '' : '\n');

          expect(described(split(input, size + 1))).toEqual(described(split(input)));
        }),
      );
    });

    it('recovers every valid document next to truncated ones and loses no byte', () => {
      const pieceArbitrary = fc.oneof(
        documentArbitrary.map((text) => ({ text, valid: true })),
        fc
          .tuple(documentArbitrary, fc.nat())
          .map(([text, cut]) => ({ text: text.slice(0, cut % text.length), valid: false })),
        fc
          .constantFrom('garbage', '}', ']]', 'nul', '"x":1,')
          .map((text) => ({ text, valid: false })),
      );

      fc.assert(
        fc.property(fc.array(pieceArbitrary, { maxLength: 8 }), fc.nat(30), (pieces, size) => {
          const input = pieces.map((piece) => piece.text).join('\n');

          const records = split(input, size + 1);

          const validTexts = records
            .filter((record) => !record.malformed)
            .map((record) => record.bytes.toString());
          let cursor = 0;
          for (const piece of pieces.filter((candidate) => candidate.valid)) {
            cursor = validTexts.indexOf(piece.text, cursor) + 1;
            expect(cursor).toBeGreaterThan(0);
          }
          const nonSpace = (text: string) => text.replace(/\s/g, '');
          expect(nonSpace(records.map((record) => record.bytes.toString()).join(''))).toBe(
            nonSpace(input),
          );
        }),
      );
    });
  });
});
