import type { Db } from '../../db/client.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import type { InteractionRouter } from '../router/router.js';
import type { DemoControls } from './demo-controls.js';
import type { WebChatEvents } from './web-chat-events.js';

/** What the web chat's route modules share (built once by mountWebChat). */
export interface WebChatDeps {
  readonly prisma: Db;
  readonly router: InteractionRouter;
  readonly events: WebChatEvents;
  readonly logger: Logger;
  readonly demo: DemoControls | undefined;
  /** Language of the page before a person is picked. */
  readonly defaultLocale: Locale;
  readonly now: () => Date;
}
