/** Every Slack listener of Rituel, registered on one Bolt app (whatever its transport). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.js';
import { register as registerActions } from './actions/index.js';
import { register as registerCommands } from './commands/index.js';
import { register as registerEvents } from './events/index.js';
import { register as registerViews } from './views/index.js';
import { payloadGuard } from './payload-guard.js';

export function registerListeners(app: App, deps: SlackDeps): void {
  app.use(payloadGuard(deps.logger));
  registerActions(app, deps);
  registerViews(app, deps);
  registerCommands(app, deps);
  registerEvents(app, deps);
}
