/** Block actions: every action id goes to the one handler (action ids are the router's business). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.js';
import { blockActionHandler } from './block-action.js';

export function register(app: App, deps: SlackDeps): void {
  app.action(/.*/, blockActionHandler(deps));
}
