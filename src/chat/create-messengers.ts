/**
 * The messengers of this process, from the configuration: one per platform it can deliver to.
 * The order of PLATFORM_PREFERENCE is the order a person's platform is chosen in (their Slack or
 * Teams account first; the web chat reaches everybody when it is on).
 */
import { webChatEnabled, type Env } from '../config/index.js';
import type { Db } from '../db/client.js';
import type { ChatPlatform } from './interaction.js';
import type { Messengers } from './messenger.js';
import type { WebChatEvents } from './web/web-chat-events.js';
import { createWebMessenger } from './web/web-messenger.js';

export const PLATFORM_PREFERENCE: readonly ChatPlatform[] = ['SLACK', 'TEAMS', 'WEB'];

export interface CreateMessengersOptions {
  env: Env;
  prisma: Db;
  /** Live updates of the web chat (the server's; a CLI run has none). */
  webChatEvents?: WebChatEvents;
  /** Force the web chat on (rituel demo). */
  webChat?: boolean;
}

export function createMessengers(options: CreateMessengersOptions): Messengers {
  const messengers: Messengers = {};
  if (options.webChat ?? webChatEnabled(options.env)) messengers.WEB = createWebMessenger(options.prisma, options.webChatEvents);
  return messengers;
}

/** The platforms `messengers` deliver to, in order of preference. */
export function platformsOf(messengers: Messengers): ChatPlatform[] {
  return PLATFORM_PREFERENCE.filter((p) => messengers[p] !== undefined);
}
