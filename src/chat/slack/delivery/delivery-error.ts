/**
 * Slack Web API failures as DeliveryErrors: what retrying cannot fix (the user is gone, the bot
 * was removed, the message is refused) is permanent, the dispatcher then fails the row and tells
 * the manager; a rate limit carries Slack's Retry-After; server errors, timeouts and network
 * failures are retried (after a check that the message did not land, see slack-messenger.ts).
 */
import { DeliveryError } from '../../messenger.js';

/** Slack `error` codes that retrying cannot fix. */
const PERMANENT = new Set([
  'user_not_found',
  'users_not_found',
  'not_in_channel',
  'account_inactive',
  'channel_not_found',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'cannot_dm_bot',
  'user_disabled',
  'user_is_bot',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'team_access_not_granted',
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'method_deprecated',
  'deprecated_endpoint',
  'two_factor_setup_required',
]);

/** Slack `error` codes meaning "try again later". */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

interface SlackLikeError {
  code?: unknown;
  data?: { error?: unknown };
  retryAfter?: unknown;
  statusCode?: unknown;
  original?: unknown;
}

const code = (slackError: string) => `SLACK_${slackError.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`.slice(0, 64);

/** True when the call may have reached Slack although no answer came back (timeout, network, 5xx). */
export function isAmbiguous(error: DeliveryError): boolean {
  return error.code === 'SLACK_TIMEOUT' || error.code === 'SLACK_NETWORK' || error.code.startsWith('SLACK_HTTP_5');
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as SlackLikeError;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 1;
      return new DeliveryError('SLACK_RATE_LIMITED', `Slack rate limit: retry after ${seconds} s`, { permanent: false, retryAfterMs: seconds * 1000 });
    }
    case 'slack_webapi_platform_error': {
      const slackError = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
      if (TRANSIENT.has(slackError)) return new DeliveryError(code(slackError), `Slack answered ${slackError}`, { permanent: false });
      return new DeliveryError(code(slackError), `Slack answered ${slackError}`, { permanent: PERMANENT.has(slackError) });
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      const retryable = status >= 500 || status === 408 || status === 429 || status === 0;
      return new DeliveryError(`SLACK_HTTP_${status}`, `Slack answered HTTP ${status}`, { permanent: !retryable });
    }
    case 'slack_webapi_request_error': {
      const original = e.original as { name?: unknown } | undefined;
      const timeout = original?.name === 'TimeoutError' || original?.name === 'AbortError';
      return new DeliveryError(timeout ? 'SLACK_TIMEOUT' : 'SLACK_NETWORK', timeout ? 'No answer from Slack in time' : 'Slack could not be reached', {
        permanent: false,
      });
    }
    default:
      return new DeliveryError('SLACK_UNEXPECTED', 'Unexpected failure of a Slack call', { permanent: false });
  }
}
