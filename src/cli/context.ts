import { loadEnv, type Env } from '../config/index.js';
import { openDatabase, type Database } from '../db/database.js';
import { CodedError } from '../errors.js';
import { isIsoDate, isYearMonth, type IsoDate, type YearMonth } from '../domain/index.js';
import { t, type Locale } from '../i18n/index.js';

/** What every command gets: the parsed environment, its locale and output streams. */
export interface CliContext {
  readonly env: Env;
  readonly locale: Locale;
  out(line: string): void;
  err(line: string): void;
}

export function createCliContext(): CliContext {
  const env = loadEnv();
  return {
    env,
    locale: env.DEFAULT_LOCALE,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Runs `work` on the configured database (migrated first), and always closes it. */
export async function withDatabase<T>(ctx: CliContext, work: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: ctx.env.DATABASE_URL, dataDir: ctx.env.DATA_DIR });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A bad argument: printed as is, exit code 2, nothing changed. */
export function usageError(message: string): CodedError {
  return new CodedError('USAGE', message);
}

/** The month argument of a command, or a usage error in the user's language. */
export function requireMonth(ctx: CliContext, value: string): YearMonth {
  if (!isYearMonth(value)) throw usageError(t(ctx.locale, 'usage.month', { value }));
  return value;
}

/** A date argument of a command, or a usage error in the user's language. */
export function requireDate(ctx: CliContext, value: string): IsoDate {
  if (!isIsoDate(value)) throw usageError(t(ctx.locale, 'usage.date', { value }));
  return value;
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}
