/** What the Slack listeners need: the database, the interaction router, Rituel's own Web API client. */
import type { Db } from '../../db/client.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import type { ChatPlatform } from '../interaction.js';
import type { InteractionRouter } from '../router/router.js';
import type { SlackWebClient } from './slack-web-client.js';
import type { WorkQueue } from './work-queue.js';

export interface SlackDeps {
  readonly prisma: Db;
  readonly router: InteractionRouter;
  readonly logger: Logger;
  readonly defaultLocale: Locale;
  /** Platforms this process delivers to, in order of preference (alerts to admins are queued there). */
  readonly platforms: readonly ChatPlatform[];
  readonly now: () => Date;
  /** Rituel's client (no retries of its own, 429 rejected): every call the listeners make. */
  readonly client: SlackWebClient;
  /** The bot's workspace (auth.test). */
  readonly teamId: string;
  /** Where the work after an ack runs, a few at a time. */
  readonly afterAck: WorkQueue;
}
