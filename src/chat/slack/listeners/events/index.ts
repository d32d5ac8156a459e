/** Events API: the Home tab opened, direct messages to the bot. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.js';
import { appHomeOpenedHandler } from './app-home-opened.js';
import { directMessageHandler } from './direct-message.js';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', appHomeOpenedHandler(deps));
  app.event('message', directMessageHandler(deps));
}
