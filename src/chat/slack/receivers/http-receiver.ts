/**
 * HTTP mode: Slack posts events, interactions and slash commands to POST /slack/events on the
 * bot's one express server. Bolt's ExpressReceiver gets its own router, so its signature-checking
 * raw body parser runs on that path only (/api/messages, /chat and /healthz keep theirs). A forged
 * signature, or a timestamp more than 5 minutes off either way, is answered 401 before any listener
 * runs; a signed body Bolt cannot read is a 400, a request nobody acknowledges a 404 (warnings only).
 */
import { ExpressReceiver } from '@slack/bolt';
import { Router, type Express, type RequestHandler } from 'express';
import type { Logger } from '../../../log.js';
import { boltLogger } from '../bolt-logger.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack's window for a request's timestamp, either side of now (Bolt checks the past side only). */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 300;

/**
 * Refuses (401) a request whose X-Slack-Request-Timestamp is not a whole number of seconds within
 * five minutes of now, before Bolt reads it. Bolt refuses stale timestamps but takes one from the
 * future (or "NaN") as long as it is signed: such a signed request would stay valid for good.
 */
export function slackTimestampGuard(logger: Logger, nowMs: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-slack-request-timestamp') ?? '';
    const seconds = /^\d{1,12}$/.test(header) ? Number(header) : Number.NaN;
    if (Number.isFinite(seconds) && Math.abs(nowMs() / 1000 - seconds) <= SLACK_TIMESTAMP_WINDOW_SECONDS) return next();
    logger.warn('slack: request with a missing or out-of-window timestamp refused (401)');
    // The body is not read: the connection is not kept for another request.
    res.status(401).set('Connection', 'close').end();
  };
}

export function createHttpReceiver(options: { signingSecret: string; app: Express; logger: Logger }): ExpressReceiver {
  options.app.post(SLACK_EVENTS_PATH, slackTimestampGuard(options.logger));
  return new ExpressReceiver({
    signingSecret: options.signingSecret,
    app: options.app as never,
    router: Router() as never,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger(options.logger),
    processBeforeResponse: false,
    // An error that reaches the receiver was thrown by Bolt itself while reading the payload,
    // before any listener (listeners' errors go to app.error): a signed body that is not the shape
    // Slack sends. A 400, logged as a warning, rather than Bolt's 500 and error line.
    processEventErrorHandler: async ({ error, response }) => {
      if (response.headersSent) return false;
      if ((error as { code?: unknown }).code === 'slack_bolt_authorization_error') {
        response.writeHead(401);
        response.end();
        return true;
      }
      options.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'slack: unreadable payload refused (400)');
      response.writeHead(400);
      response.end();
      return false;
    },
    // A request no listener acknowledged (an interaction type or a command Rituel does not handle,
    // a body that is not Slack's): 404 after Bolt's 3 s, as Bolt does, logged as a warning only
    // (Bolt's own handler logs an error, as if Rituel had failed).
    unhandledRequestHandler: ({ response }) => {
      options.logger.warn('slack: request not acknowledged by any listener (404)');
      if (!response.headersSent) {
        response.writeHead(404);
        response.end();
      }
    },
  });
}
