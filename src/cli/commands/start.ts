import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/index.js';
import { startApp } from '../../app.js';
import { createLogger, defaultLogFormat } from '../../log.js';
import { createCliContext } from '../context.js';

export function registerStartCommand(program: Command, locale: Locale): void {
  program
    .command('start')
    .description(t(locale, 'cli.start'))
    .action(async () => {
      const ctx = createCliContext();
      const logger = createLogger(ctx.env.LOG_LEVEL, ctx.env.LOG_FORMAT ?? defaultLogFormat());
      const app = await startApp(ctx.env, logger);
      const shutdown = (signal: NodeJS.Signals): void => {
        logger.info({ signal }, 'shutdown requested');
        app.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    });
}
