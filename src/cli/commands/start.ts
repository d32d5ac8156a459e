import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/index.js';
import type { StartAppOptions } from '../../app.js';
import { createLogger, defaultLogFormat } from '../../log.js';
import { createCliContext, type CliContext } from '../context.js';

/** Runs the server until SIGTERM or SIGINT, then stops it cleanly. */
export async function runServer(ctx: CliContext, options: StartAppOptions = {}): Promise<void> {
  const logger = createLogger(ctx.env.LOG_LEVEL, ctx.env.LOG_FORMAT ?? defaultLogFormat());
  // The server and its platform SDKs load only for the commands that run it (the others start faster).
  const { startApp } = await import('../../app.js');
  // The web chat's address is in the start-up log (a readable line on a terminal).
  const app = await startApp(ctx.env, logger, options);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second signal: stop now. Claims still held expire with their lease.
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutdown requested');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

export function registerStartCommand(program: Command, locale: Locale): void {
  program
    .command('start')
    .description(t(locale, 'cli.start'))
    .action(async () => {
      await runServer(createCliContext());
    });
}
