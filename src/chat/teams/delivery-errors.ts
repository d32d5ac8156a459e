/**
 * A failed Bot Connector call as the dispatcher's DeliveryError (PLATFORMS.md, Teams):
 * - 429 → retryable RATE_LIMITED, after Retry-After;
 * - 412, 500, 502, 503, 504, network errors → retryable UNAVAILABLE;
 * - 403 BotNotInConversationRoster / ConversationBlockedByUser / BotDisabledByAdmin /
 *   MessageWritesBlocked (and any other 403), 404 → permanent, and the account is dead;
 * - 401 (credentials), 413 (too big), other 4xx → permanent, the account is fine.
 */
import { DeliveryError } from '../messenger.js';

export interface TeamsFailure {
  readonly error: DeliveryError;
  /** Reaching the person through this account cannot work any more: mark it DEAD with this reason. */
  readonly deadReason?: string | undefined;
}

interface HttpLikeError {
  statusCode?: unknown;
  code?: unknown;
  response?: { status?: unknown; headers?: unknown; bodyAsText?: unknown; body?: unknown };
}

const FORBIDDEN_CODES: Readonly<Record<string, string>> = {
  BotNotInConversationRoster: 'BOT_NOT_INSTALLED',
  ConversationBlockedByUser: 'CONVERSATION_BLOCKED',
  BotDisabledByAdmin: 'BOT_DISABLED',
  MessageWritesBlocked: 'MESSAGE_WRITES_BLOCKED',
};

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    if (typeof value === 'string') return value;
  }
  const record = headers as Record<string, unknown>;
  const value = record[name] ?? record[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** Retry-After in milliseconds (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The Teams error code of a Bot Connector answer body ({ error: { code } }). */
function teamsErrorCode(error: HttpLikeError): string | undefined {
  const body = error.response?.bodyAsText ?? error.response?.body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof code === 'string') return code;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function statusOf(error: unknown): number | undefined {
  const e = (error ?? {}) as HttpLikeError;
  if (typeof e.statusCode === 'number') return e.statusCode;
  return typeof e.response?.status === 'number' ? e.response.status : undefined;
}

export function teamsFailure(error: unknown, options: { isUpdate: boolean }): TeamsFailure {
  if (error instanceof DeliveryError) return { error };
  const e = (error ?? {}) as HttpLikeError;
  const status = statusOf(error);
  if (status === undefined) return { error: new DeliveryError('UNAVAILABLE', 'Teams could not be reached', { permanent: false }) };
  if (status === 429) {
    return {
      error: new DeliveryError('RATE_LIMITED', 'Teams asked to slow down', {
        permanent: false,
        retryAfterMs: retryAfterMs(header(e.response?.headers, 'retry-after')),
      }),
    };
  }
  if (status === 412 || status >= 500) {
    return { error: new DeliveryError('UNAVAILABLE', `Teams answered ${status}`, { permanent: false }) };
  }
  if (status === 403) {
    const teamsCode = teamsErrorCode(e);
    const code = (teamsCode && FORBIDDEN_CODES[teamsCode]) ?? 'NOT_AUTHORIZED';
    const reason = teamsCode && FORBIDDEN_CODES[teamsCode] ? teamsCode : 'Forbidden';
    return { error: new DeliveryError(code, `Teams refused the message (${reason})`, { permanent: true }), deadReason: `403 ${reason}` };
  }
  if (status === 404) {
    if (options.isUpdate) return { error: new DeliveryError('MESSAGE_NOT_FOUND', 'The message to update is gone', { permanent: true }) };
    return {
      error: new DeliveryError('CONVERSATION_NOT_FOUND', 'The conversation no longer exists', { permanent: true }),
      deadReason: '404 ConversationNotFound',
    };
  }
  if (status === 413) return { error: new DeliveryError('MESSAGE_TOO_BIG', 'The message is too big for Teams', { permanent: true }) };
  if (status === 401) return { error: new DeliveryError('NOT_AUTHORIZED', 'Teams refused the bot credentials', { permanent: true }) };
  return { error: new DeliveryError(`HTTP_${status}`, `Teams answered ${status}`, { permanent: true }) };
}
