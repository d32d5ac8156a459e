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
import { createTeamsMessengerFor, teamsAuthOf } from './teams/mount-teams.js';
import { createLogger, type Logger } from '../log.js';
import { createSlackMessenger } from './slack/delivery/slack-messenger.js';
import { createSlackWebClient } from './slack/slack-web-client.js';

export const PLATFORM_PREFERENCE: readonly ChatPlatform[] = ['SLACK', 'TEAMS', 'WEB'];

export interface CreateMessengersOptions {
  env: Env;
  prisma: Db;
  /** Live updates of the web chat (the server's; a CLI run has none). */
  webChatEvents?: WebChatEvents;
  /** Force the web chat on (rituel demo). */
  webChat?: boolean;
  /** Where the platform messengers log their delivery failures (silent when absent). */
  teamsLogger?: Logger;
  /** Where the Slack messenger logs (silent when absent). */
  slackLogger?: Logger;
}

export function createMessengers(options: CreateMessengersOptions): Messengers {
  const messengers: Messengers = {};
  if (options.webChat ?? webChatEnabled(options.env)) messengers.WEB = createWebMessenger(options.prisma, options.webChatEvents);
  if (slackConfigured(options.env) && options.env.SLACK_BOT_TOKEN) {
    const client = createSlackWebClient({ token: options.env.SLACK_BOT_TOKEN, apiUrl: options.env.SLACK_API_URL });
    messengers.SLACK = createSlackMessenger({ prisma: options.prisma, client, logger: options.slackLogger ?? createLogger('silent') });
  }
  if (teamsConfigured(options.env)) {
    messengers.TEAMS = createTeamsMessengerFor({ auth: teamsAuthOf(options.env), prisma: options.prisma, logger: options.teamsLogger ?? createLogger('silent') });
  }
  return messengers;
}

/** The platforms `messengers` deliver to, in order of preference. */
export function platformsOf(messengers: Messengers): ChatPlatform[] {
  return PLATFORM_PREFERENCE.filter((p) => messengers[p] !== undefined);
}
