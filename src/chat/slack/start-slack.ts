/**
 * Starts the Slack side of Rituel: checks the bot token (auth.test, which also tells the bot's
 * workspace), builds one Bolt app on the transport configured (Socket Mode when an app token is
 * set, else HTTP on the bot's express server), registers the listeners, links people by email
 * (now, then every `linkEveryMs`) so that the scheduler can reach them on Slack.
 */
import { App, type ExpressReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { Db } from '../../db/client.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import type { ChatPlatform } from '../interaction.js';
import type { InteractionRouter } from '../router/router.js';
import { boltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners/index.js';
import { linkSlackPeople, type LinkSummary } from './people/link-slack-people.js';
import { createHttpReceiver } from './receivers/http-receiver.js';
import { createSocketReceiver } from './receivers/socket-receiver.js';
import { createWorkQueue } from './work-queue.js';
import type { SlackDeps } from './slack-deps.js';
import { createSlackWebClient, slackClientOptions, type SlackClientSettings, type SlackWebClient } from './slack-web-client.js';

export interface SlackSettings extends SlackClientSettings {
  /** HTTP mode: requests are verified with it. */
  readonly signingSecret?: string | undefined;
  /** Socket Mode when set (xapp-...). */
  readonly appToken?: string | undefined;
}

export interface StartSlackOptions {
  readonly settings: SlackSettings;
  readonly prisma: Db;
  readonly router: InteractionRouter;
  readonly logger: Logger;
  readonly defaultLocale: Locale;
  readonly platforms: readonly ChatPlatform[];
  /** The bot's express app: HTTP mode mounts POST /slack/events on it. */
  readonly httpApp?: Express;
  readonly now?: () => Date;
  /** Socket Mode: open the WebSocket now (tests drive the receiver's client instead). Default true. */
  readonly connect?: boolean;
  /** Linking pass period; 0 = only at start. Default one hour. */
  readonly linkEveryMs?: number;
}

export interface SlackRuntime {
  readonly mode: 'socket' | 'http';
  readonly app: App;
  readonly receiver: ExpressReceiver | SocketModeReceiver;
  readonly client: SlackWebClient;
  readonly teamId: string;
  /** One linking pass now. */
  linkPeople(): Promise<LinkSummary>;
  stop(): Promise<void>;
}

export const DEFAULT_LINK_EVERY_MS = 3600_000;

export async function startSlack(options: StartSlackOptions): Promise<SlackRuntime> {
  const { settings, logger } = options;
  const now = options.now ?? (() => new Date());
  const client = createSlackWebClient(settings);
  const auth = await client.auth.test();
  if (!auth.team_id || !auth.user_id) throw new Error('Slack auth.test did not name the bot and its workspace');

  let receiver: ExpressReceiver | SocketModeReceiver;
  let mode: SlackRuntime['mode'];
  if (settings.appToken) {
    receiver = createSocketReceiver({ appToken: settings.appToken, apiUrl: settings.apiUrl, logger });
    mode = 'socket';
  } else {
    if (!settings.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    if (!options.httpApp) throw new Error('HTTP mode needs the bot\'s express app');
    receiver = createHttpReceiver({ signingSecret: settings.signingSecret, app: options.httpApp, logger });
    mode = 'http';
  }

  const app = new App({
    token: settings.token,
    receiver,
    // auth.test was just called: Bolt need not call it again.
    tokenVerificationEnabled: false,
    botUserId: auth.user_id,
    ...(auth.bot_id ? { botId: auth.bot_id } : {}),
    clientOptions: slackClientOptions(settings),
    logger: boltLogger(logger),
    ignoreSelf: true,
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'slack: a listener failed');
  });

  const deps: SlackDeps = {
    prisma: options.prisma,
    router: options.router,
    logger: logger.child({ component: 'slack' }),
    defaultLocale: options.defaultLocale,
    platforms: options.platforms,
    now,
    client,
    teamId: auth.team_id,
    afterAck: createWorkQueue(),
  };
  registerListeners(app, deps);

  const notFound = new Map<string, number>();
  const linkPeople = () => linkSlackPeople({ prisma: options.prisma, client, logger: deps.logger, teamId: auth.team_id!, now: now(), notFound });
  await linkPeople().catch((error: unknown) => logger.warn({ err: error }, 'slack: linking pass failed'));
  const linkEveryMs = options.linkEveryMs ?? DEFAULT_LINK_EVERY_MS;
  const timer = linkEveryMs > 0 ? setInterval(() => void linkPeople().catch(() => undefined), linkEveryMs) : undefined;
  timer?.unref();

  if (mode === 'socket' && options.connect !== false) await app.start();
  logger.info({ mode, team: auth.team_id }, 'slack: connected');

  let stopped = false;
  return {
    mode,
    app,
    receiver,
    client,
    teamId: auth.team_id,
    linkPeople,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      if (mode === 'socket' && options.connect !== false) await app.stop().catch(() => undefined);
    },
  };
}
