import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/index.js';
import { createCliContext } from '../context.js';
import { runServer } from './start.js';

export function registerDemoCommand(program: Command, locale: Locale): void {
  program
    .command('demo')
    .description(t(locale, 'cli.demo'))
    .action(async () => {
      await runServer(createCliContext(), { demo: true });
    });
}
