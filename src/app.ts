import type { Env } from './config/index.js';
import { slackConfigured, teamsConfigured } from './config/index.js';
import { openDatabase, type Database } from './db/database.js';
import { committedMigrationNames, pendingMigrations } from './db/migrations.js';
import { createHttpServer, type HttpServer } from './http/server.js';
import { t } from './i18n/index.js';
import type { Logger } from './log.js';

export interface RunningApp {
  readonly database: Database;
  readonly http: HttpServer;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts Rituel: database (migrated), HTTP server, and the configured chat platforms. */
export async function startApp(env: Env, logger: Logger): Promise<RunningApp> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const locale = env.DEFAULT_LOCALE;
  if (database.migrationsApplied.length > 0) {
    logger.info(
      { migrations: database.migrationsApplied },
      t(locale, 'db.migrated', { count: database.migrationsApplied.length, names: database.migrationsApplied.join(', ') }),
    );
  }

  const http = createHttpServer(logger);
  const committedMigrations = committedMigrationNames();
  http.addReadinessCheck({
    name: 'database',
    check: async () => {
      await database.prisma.$queryRaw`SELECT 1`;
      return (await pendingMigrations(database.prisma, committedMigrations)).length === 0;
    },
  });

  const platforms = [slackConfigured(env) && 'Slack', teamsConfigured(env) && 'Microsoft Teams'].filter(Boolean);
  if (platforms.length === 0) logger.warn(t(locale, 'server.noPlatform'));
  else logger.info(t(locale, 'server.platforms', { platforms: platforms.join(', ') }));

  let address;
  try {
    address = await http.listen(env.PORT, env.HOST);
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info(
    { port: address.port, database: database.kind },
    t(locale, 'server.started', { host: env.HOST, port: address.port, database: database.kind }),
  );

  let stopping: Promise<void> | undefined;
  return {
    database,
    http,
    port: address.port,
    stop() {
      stopping ??= (async () => {
        logger.info(t(locale, 'server.stopping'));
        await http.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
