/**
 * The `orderfeed` command line: one subcommand per file in ./commands.
 */
import { Command } from 'commander';

const program = new Command('orderfeed')
  .description('Land VenueNext order events in a Parquet warehouse, locally or on AWS.')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: true });

await program.parseAsync(process.argv);
