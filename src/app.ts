import { hostname } from 'node:os';
import type { Env } from './config/index.js';
import { slackConfigured, teamsConfigured, webChatEnabled } from './config/index.js';
import { createMessengers, platformsOf } from './chat/create-messengers.js';
import { createInteractionRouter, type InteractionRouter } from './chat/router/router.js';
import { mountWebChat, type MountedWebChat } from './chat/web/mount-web-chat.js';
import { WebChatEvents } from './chat/web/web-chat-events.js';
import { openDatabase, type Database } from './db/database.js';
import { committedMigrationNames, pendingMigrations } from './db/migrations.js';
import { createDemoControls } from './demo/create-demo-controls.js';
import { seedDemoOrganization } from './demo/seed-demo.js';
import { createHttpServer, type HttpServer } from './http/server.js';
import { t } from './i18n/index.js';
import type { Logger } from './log.js';
import { COMMANDS, FALLBACK_COMMAND, INTERACTION_DEFINITIONS, SCHEDULED_RITUALS } from './rituals/index.js';
import type { TickDeps } from './scheduler/run-tick.js';
import { startScheduler, type Scheduler } from './scheduler/start-scheduler.js';

export interface RunningApp {
  readonly database: Database;
  readonly http: HttpServer;
  readonly port: number;
  readonly router: InteractionRouter;
  readonly scheduler: Scheduler;
  /** The web chat's address when it is on. */
  readonly webChatUrl: string | null;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** `rituel demo`: the web chat and its demo panel whatever the configuration, and the demo organization. */
  demo?: boolean;
  /** The clock of the scheduler, the interactions and the demo panel (tests); the real time by default. */
  clock?: () => Date;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Starts Rituel: database (migrated), the interaction router and the rituals, the web chat when
 * it is on, the HTTP server, and the scheduler (its first tick catches up what was missed).
 * With no platform configured, Rituel runs as a demo: the demo organization is seeded into an
 * empty database and the web chat gets its demo panel.
 */
export async function startApp(env: Env, logger: Logger, options: StartAppOptions = {}): Promise<RunningApp> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const { prisma } = database;
  const locale = env.DEFAULT_LOCALE;
  if (database.migrationsApplied.length > 0) {
    logger.info(
      { migrations: database.migrationsApplied },
      t(locale, 'db.migrated', { count: database.migrationsApplied.length, names: database.migrationsApplied.join(', ') }),
    );
  }

  const platformsConfigured = [slackConfigured(env) && 'Slack', teamsConfigured(env) && 'Microsoft Teams'].filter(Boolean);
  const demo = options.demo === true || platformsConfigured.length === 0;
  const webChat = options.demo === true || webChatEnabled(env);
  if (platformsConfigured.length === 0) logger.warn(t(locale, 'server.noPlatform'));
  else logger.info(t(locale, 'server.platforms', { platforms: platformsConfigured.join(', ') }));
  if (demo && (await seedDemoOrganization(prisma, (options.clock ?? (() => new Date()))())) === 'created') {
    logger.info(t(locale, 'server.demoSeeded'));
  }

  const events = new WebChatEvents();
  const messengers = createMessengers({ env, prisma, webChatEvents: events, webChat });
  const platforms = platformsOf(messengers);
  const router = createInteractionRouter({
    prisma,
    logger,
    defaultLocale: locale,
    platforms,
    definitions: INTERACTION_DEFINITIONS,
    commands: COMMANDS,
    fallbackCommand: FALLBACK_COMMAND,
    ...(options.clock ? { now: options.clock } : {}),
  });
  const tickDeps: TickDeps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers, platforms, workerId: `${hostname()}:${process.pid}` };

  const http = createHttpServer(logger);
  const committedMigrations = committedMigrationNames();
  http.addReadinessCheck({
    name: 'database',
    check: async () => {
      await prisma.$queryRaw`SELECT 1`;
      return (await pendingMigrations(prisma, committedMigrations)).length === 0;
    },
  });
  let mounted: MountedWebChat | undefined;
  if (webChat) {
    mounted = mountWebChat(http.app, {
      prisma,
      router,
      events,
      logger,
      exposed: !LOOPBACK_HOSTS.has(env.WEB_CHAT_HOST),
      defaultLocale: locale,
      ...(demo ? { demo: createDemoControls(tickDeps, options.clock ? { now: options.clock } : {}) } : {}),
      ...(options.clock ? { now: options.clock } : {}),
    });
  }

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
  const webChatHost = LOOPBACK_HOSTS.has(env.WEB_CHAT_HOST) ? '127.0.0.1' : env.WEB_CHAT_HOST;
  const webChatUrl = mounted ? `http://${webChatHost.includes(':') ? `[${webChatHost}]` : webChatHost}:${address.port}${mounted.basePath}/` : null;
  if (webChatUrl) logger.info({ url: webChatUrl }, t(locale, 'server.webChat', { url: webChatUrl }));

  const scheduler = startScheduler(tickDeps, logger, options.clock ? { clock: options.clock } : {});

  let stopping: Promise<void> | undefined;
  return {
    database,
    http,
    port: address.port,
    router,
    scheduler,
    webChatUrl,
    stop() {
      stopping ??= (async () => {
        logger.info(t(locale, 'server.stopping'));
        await scheduler.stop();
        mounted?.close();
        await http.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
