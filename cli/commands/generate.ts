/**
 * `orderfeed generate`: writes a seeded, realistic game-day feed to try orderfeed on.
 */
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Command, InvalidArgumentError } from 'commander';
import { type GameDay, gameDay } from '../../local/generate/game-day.ts';
import { isClosedPipe } from '../output/closed-pipe.ts';
import { counted } from '../output/plural.ts';

interface GenerateFlags {
  seed: number;
  orders: number;
  out: string;
  date: string;
}

export const DEFAULT_GAME_DATE = '2025-08-15';

export function generateCommand(): Command {
  const command = new Command('generate')
    .description('Write a seeded game-day feed of Stadium order events (NDJSON) to try on.')
    .option('--seed <n>', 'seed: the same seed always writes the same bytes', wholeNumber, 1)
    .option('--orders <n>', 'orders placed during the game', wholeNumber, 500)
    .option(
      '--date <YYYY-MM-DD>',
      'local date of the evening game in Chicago',
      gameDate,
      DEFAULT_GAME_DATE,
    )
    .option('--out <file>', 'file to write (gzip when it ends in .gz); - for stdout', '-');

  return command.action(async (flags: GenerateFlags) => {
    const day = gameDay({ seed: flags.seed, orders: flags.orders, date: flags.date });
    try {
      await writeFeed(day, flags.out);
    } catch (error) {
      // The reader stopped early (`| head`): what it read is all it wanted.
      if (isClosedPipe(error)) return;
      const reason = error instanceof Error ? error.message : String(error);
      return command.error(`orderfeed generate: cannot write ${flags.out}: ${reason}`, {
        exitCode: 1,
      });
    }

    const target = flags.out === '-' ? 'stdout' : flags.out;
    command.configureOutput().writeErr?.(`Wrote ${feedCounts(day)} to ${target}.\n`);
  });
}

/** What a game day holds, for people: `150 records: 141 order events (...), ...`. */
export function feedCounts(day: GameDay): string {
  const { records, orderEvents, redeliveries, nonOrderEvents, malformed } = day.counts;
  return (
    `${counted(records, 'record')}: ${counted(orderEvents, 'order event')} (the document's ` +
    `sample included), ${counted(redeliveries, 're-delivery', 're-deliveries')}, ` +
    `${counted(nonOrderEvents, 'other event')}, ${counted(malformed, 'broken record')}`
  );
}

async function writeFeed(day: GameDay, out: string): Promise<void> {
  const lines = Readable.from(
    (function* () {
      for (const record of day.records()) yield Buffer.concat([record, Buffer.from('\n')]);
    })(),
  );
  const target: Writable = out === '-' ? process.stdout : createWriteStream(out);
  if (out.endsWith('.gz')) await pipeline(lines, createGzip(), target);
  else await pipeline(lines, target, { end: out !== '-' });
}

function wholeNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError('expected a whole number, e.g. 42');
  }
  return value;
}

function gameDate(text: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
  if (!valid || new Date(text).toISOString().slice(0, 10) !== text) {
    throw new InvalidArgumentError('expected a real date as YYYY-MM-DD, e.g. 2025-08-15');
  }
  return text;
}
