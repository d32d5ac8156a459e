/**
 * The first global middleware of Rituel's Bolt app: a payload that is not the shape Slack sends
 * (an action without a string action_id, a view that is not an object, an event without a type)
 * is acknowledged and dropped before Bolt's own listener matching reads it (which would throw on
 * it: a 500 and an error log for what is only bad input).
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../../log.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** True when Bolt's matching and Rituel's listeners can read `body`. */
export function readableSlackPayload(body: unknown): boolean {
  if (!isObject(body)) return false;
  switch (body.type) {
    case 'block_actions':
      return Array.isArray(body.actions) && body.actions.length > 0 && body.actions.every((a) => isObject(a) && typeof a.action_id === 'string' && optionalString(a.block_id));
    case 'view_submission':
    case 'view_closed':
      return isObject(body.view) && typeof body.view.callback_id === 'string';
    case 'shortcut':
    case 'message_action':
    case 'block_suggestion':
    case 'interactive_message':
    case 'dialog_submission':
      return optionalString(body.callback_id) && optionalString(body.action_id) && optionalString(body.block_id);
    case 'event_callback':
      return isObject(body.event) && typeof body.event.type === 'string' && optionalString(body.event.subtype) && optionalString(body.event.text);
    default:
      // Slash commands (no type, a command) and whatever Bolt answers by itself.
      return body.command === undefined || typeof body.command === 'string';
  }
}

export function payloadGuard(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (readableSlackPayload(args.body)) return args.next();
    logger.warn('slack: malformed payload ignored');
    // Events are acknowledged by Bolt already; everything else is, here.
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
