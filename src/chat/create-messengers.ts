/**
 * The messengers of this process, from the configuration: one per platform it can deliver to.
 * The order of PLATFORM_PREFERENCE is the order a person's platform is chosen in (their Slack or
 * Teams account first; the web chat reaches everybody when it is on).
 */
import { slackConfigured, teamsConfigured, webChatEnabled, type Env } from '../config/index.js';
import type { Db } from '../db/client.js';
import type { ChatPlatform } from './interaction.js';
import type { Messengers } from './messenger.js';
import type { WebChatEvents } from './web/web-chat-events.js';
import { createWebMessenger } from './web/web-messenger.js';
import { createLogger, type Logger } from '../log.js';

export const PLATFORM_PREFERENCE: readonly ChatPlatform[] = ['SLACK', 'TEAMS', 'WEB'];

export interface CreateMessengersOptions {
  env: Env;
  prisma: Db;
  /** Live updates of the web chat (the server's; a CLI run has none). */
  webChatEvents?: WebChatEvents;
  /** Force the web chat on (rituel demo). */
  webChat?: boolean;
  /** Where the Slack and Teams messengers log their delivery failures (silent when absent). */
  logger?: Logger;
}

/**
 * The Slack and Teams SDKs are loaded only when their platform is configured (a CLI command or a
 * web-chat-only server starts without them).
 */
export async function createMessengers(options: CreateMessengersOptions): Promise<Messengers> {
  const messengers: Messengers = {};
  const logger = options.logger ?? createLogger('silent');
  if (options.webChat ?? webChatEnabled(options.env)) messengers.WEB = createWebMessenger(options.prisma, options.webChatEvents);
  if (slackConfigured(options.env) && options.env.SLACK_BOT_TOKEN) {
    const { createSlackWebClient } = await import('./slack/slack-web-client.js');
    const { createSlackMessenger } = await import('./slack/delivery/slack-messenger.js');
    const client = createSlackWebClient({ token: options.env.SLACK_BOT_TOKEN, apiUrl: options.env.SLACK_API_URL });
    messengers.SLACK = createSlackMessenger({ prisma: options.prisma, client, logger, pace: { workspacePerMinute: options.env.SLACK_MESSAGES_PER_MINUTE } });
  }
  if (teamsConfigured(options.env)) {
    const { createTeamsMessengerFor, teamsAuthOf } = await import('./teams/mount-teams.js');
    messengers.TEAMS = createTeamsMessengerFor({ auth: teamsAuthOf(options.env), prisma: options.prisma, logger });
  }
  return messengers;
}

/** The platforms `messengers` deliver to, in order of preference. */
export function platformsOf(messengers: Messengers): ChatPlatform[] {
  return PLATFORM_PREFERENCE.filter((p) => messengers[p] !== undefined);
}
