import { Command, CommanderError } from 'commander';
import { ConfigError, loadEnv } from '../config/index.js';
import { isCodedError } from '../errors.js';
import { t, type Locale } from '../i18n/index.js';
import { describeErrorLines } from '../i18n/problems.js';
import { silenceKnownWarnings } from '../process-warnings.js';
import { registerCalendarCommand } from './commands/calendar.js';
import { registerCraCommands } from './commands/cra.js';
import { registerDaysCommands } from './commands/days.js';
import { registerDbCommands } from './commands/db.js';
import { registerKpiCommand } from './commands/kpi.js';
import { registerReportCommand } from './commands/report.js';
import { registerOrgCommands } from './commands/org.js';
import { registerStartCommand } from './commands/start.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerTickCommand } from './commands/tick.js';
import { registerPrivacyCommands } from './commands/privacy.js';
import { registerBackupCommands } from './commands/backup.js';

/** Exit codes: 0 done, 1 refused or failed (message on stderr), 2 bad usage. */
export function buildProgram(locale: Locale): Command {
  const program = new Command('rituel')
    .description(t(locale, 'cli.description'))
    .helpOption('-h, --help', t(locale, 'cli.help'))
    .helpCommand('help [command]', t(locale, 'cli.helpCommand'))
    .showHelpAfterError()
    .exitOverride();
  registerStartCommand(program, locale);
  registerDemoCommand(program, locale);
  registerTickCommand(program, locale);
  registerDbCommands(program, locale);
  registerOrgCommands(program, locale);
  registerCalendarCommand(program, locale);
  registerDaysCommands(program, locale);
  registerCraCommands(program, locale);
  registerKpiCommand(program, locale);
  registerReportCommand(program, locale);
  registerPrivacyCommands(program, locale);
  registerBackupCommands(program, locale);
  // Subcommands inherit the localized help option text.
  for (const command of program.commands) localizeHelp(command, locale);
  return program;
}

function localizeHelp(command: Command, locale: Locale): void {
  command.helpOption('-h, --help', t(locale, 'cli.help'));
  for (const sub of command.commands) localizeHelp(sub, locale);
}

/** The CLI's language: DEFAULT_LOCALE, or French when the environment itself is invalid. */
function cliLocale(): Locale {
  try {
    return loadEnv().DEFAULT_LOCALE;
  } catch {
    return 'fr';
  }
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram(cliLocale()).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (isCodedError(error)) {
      // Localized: one line per problem when the error carries several (details.problems).
      for (const line of describeErrorLines(cliLocale(), error)) process.stderr.write(`${line}\n`);
      return error.code === 'USAGE' ? 2 : 1;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

silenceKnownWarnings();
const exitCode = await runCli(process.argv);
process.exitCode = exitCode;
