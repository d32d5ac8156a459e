import { hostname } from 'node:os';
import type { Env } from './config/index.js';
import { slackConfigured, teamsConfigured, webChatEnabled } from './config/index.js';
import { createMessengers, platformsOf } from './chat/create-messengers.js';
import { createInteractionRouter, type InteractionRouter } from './chat/router/router.js';
import { mountWebChat, type MountedWebChat } from './chat/web/mount-web-chat.js';
import type { SlackRuntime } from './chat/slack/start-slack.js';
import { WebChatEvents } from './chat/web/web-chat-events.js';
import { openDatabase, type Database } from './db/database.js';
import { committedMigrationNames, pendingMigrations } from './db/migrations.js';
import { createDemoControls } from './demo/create-demo-controls.js';
import { seedDemoOrganization } from './demo/seed-demo.js';
import { createHttpServer, type HttpServer } from './http/server.js';
import { mountDocumentRoutes } from './http/document-routes.js';
import { documentBaseUrlOf, saveDocumentBaseUrl } from './documents/app-settings.js';
import { createOperations } from './ops/create-operations.js';
import { t } from './i18n/index.js';
import type { Logger } from './log.js';
import { COMMANDS, FALLBACK_COMMAND, INTERACTION_DEFINITIONS, SCHEDULED_RITUALS } from './rituals/index.js';
import type { TickDeps } from './scheduler/run-tick.js';
import { startScheduler, type Scheduler } from './scheduler/start-scheduler.js';
import { releaseOrphanedClaims } from './scheduler/dispatch/release-orphaned-claims.js';

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
  // Several replicas starting on an empty database: the one that loses the race finds it seeded.
  const seeded = demo
    ? await seedDemoOrganization(prisma, (options.clock ?? (() => new Date()))()).catch(async (error: unknown) => {
        if ((await prisma.organization.count()) > 0) return 'exists' as const;
        throw error;
      })
    : 'exists';
  if (seeded === 'created') {
    logger.info(t(locale, 'server.demoSeeded'));
  }

  const events = new WebChatEvents();
  const messengers = await createMessengers({ env, prisma, webChatEvents: events, webChat, logger });
  const platforms = platformsOf(messengers);
  const workerId = `${hostname()}:${process.pid}`;
  const ops = createOperations({ env, prisma, logger, workerId, clock: options.clock });
  const router = ops.metrics.instrumentRouter(createInteractionRouter({
    prisma,
    logger,
    defaultLocale: locale,
    platforms,
    definitions: INTERACTION_DEFINITIONS,
    commands: COMMANDS,
    fallbackCommand: FALLBACK_COMMAND,
    ...(options.clock ? { now: options.clock } : {}),
  }));
  const tickDeps: TickDeps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers, platforms, workerId, onOutcome: ops.metrics.delivery };

  const http = createHttpServer(logger);
  ops.mount(http.app);
  mountDocumentRoutes(http.app, { prisma, logger, ...(options.clock ? { now: options.clock } : {}) });
  const committedMigrations = committedMigrationNames();
  http.addReadinessCheck({
    name: 'database',
    check: async () => {
      await prisma.$queryRaw`SELECT 1`;
      return (await pendingMigrations(prisma, committedMigrations)).length === 0;
    },
  });
  if (teamsConfigured(env)) {
    const { mountTeams, teamsAuthOf } = await import('./chat/teams/mount-teams.js');
    // POST /api/messages, authenticated with the Bot Framework settings (MicrosoftApp*).
    mountTeams(http.app, { auth: teamsAuthOf(env), prisma, router, logger, defaultLocale: locale, platforms, ...(options.clock ? { now: options.clock } : {}) });
  }
  let slack: SlackRuntime | undefined;
  if (slackConfigured(env) && env.SLACK_BOT_TOKEN) {
    const { startSlack } = await import('./chat/slack/start-slack.js');
    // Socket Mode with SLACK_APP_TOKEN, else POST /slack/events on this server (signed requests only).
    try {
      slack = await startSlack({
        settings: { token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL, signingSecret: env.SLACK_SIGNING_SECRET, appToken: env.SLACK_APP_TOKEN },
        prisma,
        router,
        logger,
        defaultLocale: locale,
        platforms,
        httpApp: http.app,
        ...(options.clock ? { now: options.clock } : {}),
      });
    } catch (error) {
      await database.close();
      throw error;
    }
  }
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
  // Where document links point (chat messages built by rituals and handlers read it back).
  await saveDocumentBaseUrl(prisma, documentBaseUrlOf(env.PUBLIC_URL, webChatUrl));

  if (database.kind === 'embedded') {
    const released = await releaseOrphanedClaims(prisma, options.clock?.() ?? new Date());
    if (released > 0) logger.warn({ released }, 'outbox rows left claimed by a stopped process put back');
  }
  const scheduler = startScheduler({ ...tickDeps, planLease: ops.planLease, onPlannerTick: ops.metrics.plannerTick }, logger, {
    graceMs: ops.graceMs,
    afterTick: ops.afterTick,
    ...(options.clock ? { clock: options.clock } : {}),
  });

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
        await slack?.stop();
        mounted?.close();
        await http.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
