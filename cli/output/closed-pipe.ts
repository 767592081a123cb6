/**
 * A reader that stops early (`orderfeed ... | head`) closes the pipe: that is normal, so the
 * command stops quietly and succeeds, as standard Unix tools do, instead of crashing on EPIPE.
 */

/** True when a write failed because the reading end of the pipe is gone. */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/** Exits 0 when the stream's reader goes away; any other write error stays fatal. */
export function exitQuietlyWhenPipeCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (error) => {
    if (isClosedPipe(error)) process.exit(0);
    throw error;
  });
}
