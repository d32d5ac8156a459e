/** The slash command /rituel (declared in manifests/slack/manifest.yaml). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.js';
import { rituelCommandHandler } from './rituel-command.js';

export const SLASH_COMMAND = '/rituel';

export function register(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, rituelCommandHandler(deps));
}
