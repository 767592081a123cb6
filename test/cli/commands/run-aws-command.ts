/**
 * Runs one CLI subcommand in process and collects what it printed, as the terminal would
 * see it. A command's failure (commander's `error`) becomes an `exitCode` instead of exiting.
 */
import { type Command, CommanderError } from 'commander';

export interface CommandRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export async function runCommand(command: Command, args: readonly string[]): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  command.exitOverride().configureOutput({
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
  });

  try {
    await command.parseAsync(['node', command.name(), ...args]);
    return { stdout, stderr, exitCode: 0 };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { stdout, stderr, exitCode: error.exitCode };
  }
}
