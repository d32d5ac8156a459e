/**
 * HTTP mode: Slack posts events, interactions and slash commands to POST /slack/events on the
 * bot's one express server. Bolt's ExpressReceiver gets its own router, so its signature-checking
 * raw body parser runs on that path only (/api/messages, /chat and /healthz keep theirs). A forged
 * signature or a timestamp older than 5 minutes is answered 401 before any listener runs.
 */
import { ExpressReceiver } from '@slack/bolt';
import { Router, type Express } from 'express';
import type { Logger } from '../../../log.js';
import { boltLogger } from '../bolt-logger.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export function createHttpReceiver(options: { signingSecret: string; app: Express; logger: Logger }): ExpressReceiver {
  return new ExpressReceiver({
    signingSecret: options.signingSecret,
    app: options.app as never,
    router: Router() as never,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger(options.logger),
    processBeforeResponse: false,
  });
}
