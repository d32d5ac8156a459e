/**
 * Socket Mode: the bot opens a WebSocket to Slack (apps.connections.open with the xapp- token);
 * no public URL needed. Its client's Web API calls go to the same base URL as the bot's.
 */
import { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../../log.js';
import { boltLogger } from '../bolt-logger.js';

export function createSocketReceiver(options: { appToken: string; apiUrl?: string | undefined; logger: Logger }): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: options.appToken,
    logger: boltLogger(options.logger),
    ...(options.apiUrl ? { installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } } } : {}),
  });
}
