/**
 * The `orderfeed` command line: one subcommand per file in ./commands.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { demoCommand } from './commands/demo.ts';
import { generateCommand } from './commands/generate.ts';
import { handoffCommand } from './commands/handoff.ts';
import { ingestCommand } from './commands/ingest.ts';
import { publishCommand } from './commands/publish.ts';
import { queryCommand } from './commands/query.ts';
import { redriveCommand } from './commands/redrive.ts';
import { exitQuietlyWhenPipeCloses } from './output/closed-pipe.ts';

exitQuietlyWhenPipeCloses(process.stdout);
exitQuietlyWhenPipeCloses(process.stderr);

const program = new Command('orderfeed')
  .description('Land VenueNext order events in a Parquet warehouse, locally or on AWS.')
  .version(packageVersion(), '--version', 'print the version of orderfeed')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true });

program.addCommand(demoCommand());
program.addCommand(generateCommand());
program.addCommand(handoffCommand());
program.addCommand(ingestCommand());
program.addCommand(publishCommand());
program.addCommand(redriveCommand());
program.addCommand(queryCommand());

await program.parseAsync(process.argv);

/** The version in package.json, the one place it is written. */
function packageVersion(): string {
  const manifest = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
