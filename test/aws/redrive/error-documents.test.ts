import { describe, expect, it } from 'vitest';
import { keptDocuments, readErrorFile } from '../../../aws/redrive/error-documents.ts';

const LOCATION = 'errors/processing-failed/table=order_line_items/dt=2020-08-26/a.json';
const line = (rawData: string) => `{"errorCode":"Lambda.ProcessingFailed","rawData":"${rawData}"}`;

describe('Function: readErrorFile', () => {
  it('reads each error record, the table from the path, and flags what it cannot redrive', () => {
    const text = `${line('eyJhIjoxfQ==')}\n{"rawData":"not base64!"}\nnot json\n${line('e30=')}`;

    const file = readErrorFile(LOCATION, Buffer.from(text));

    expect(file.table).toBe('order_line_items');
    expect(file.documents.map((doc) => [doc.rawData, doc.problem])).toEqual([
      ['eyJhIjoxfQ==', undefined],
      [undefined, 'rawData is missing or not base64'],
      [undefined, 'not a JSON document'],
      ['e30=', undefined],
    ]);
  });

  it('reads records Firehose wrote back to back, with no line breaks', () => {
    const file = readErrorFile(LOCATION, Buffer.from(`${line('e30=')}${line('eyJhIjoxfQ==')}`));

    expect(file.documents.map((doc) => doc.rawData)).toEqual(['e30=', 'eyJhIjoxfQ==']);
  });
});

describe('Function: keptDocuments', () => {
  it('keeps the accepted and the unreadable documents, byte for byte, one per line', () => {
    const file = readErrorFile(LOCATION, Buffer.from(`${line('e30=')}\nnot json\n${line('eA==')}`));

    const kept = keptDocuments(file, (rawData) => rawData === 'eA==');

    expect(kept.removed).toBe(1);
    expect(kept.text?.toString('utf8')).toBe(`not json\n${line('eA==')}\n`);
  });

  it('keeps nothing when every document goes', () => {
    const file = readErrorFile(LOCATION, Buffer.from(line('e30=')));

    expect(keptDocuments(file, () => false)).toEqual({ removed: 1 });
  });
});
