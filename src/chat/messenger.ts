/**
 * The Messenger port: how the dispatcher reaches a person on one platform. One implementation per
 * adapter (web chat, Slack, Teams); rituals never call it directly, they write outbox rows.
 */
import type { ChatForm, ChatMessage } from './message.js';
import type { ChatPlatform } from './interaction.js';

/** Where a person is reached on a platform (from their ChatAccount; the web chat only needs the id). */
export interface Recipient {
  readonly personId: string;
  readonly locale: 'fr' | 'en';
  readonly account?: {
    readonly teamId: string;
    readonly externalId: string;
    readonly conversationId: string | null;
    readonly conversationRef: unknown;
  };
}

/** The platform's reference of a message it accepted (Slack channel + ts, Teams conversation + activity id). */
export interface SentMessage {
  readonly messageId: string;
  readonly channelId?: string | undefined;
}

export interface Delivery {
  /**
   * The outbox row id: the same delivery attempted twice (a crash after sending, before the row
   * was marked sent) must not reach the person twice. Adapters use it as their idempotency key.
   */
  readonly deliveryId: string;
  readonly recipient: Recipient;
  readonly message: ChatMessage;
  /**
   * Which attempt of the outbox row this is (1 for the first; the dispatcher counts claims). From
   * the second on, an earlier attempt may have landed without an answer (a timeout): adapters that
   * cannot send idempotently check before sending again (Slack: message metadata).
   */
  readonly attempt?: number | undefined;
}

export interface Messenger {
  readonly platform: ChatPlatform;
  /** Sends a new message to a person. Throws DeliveryError on failure. */
  send(delivery: Delivery): Promise<SentMessage>;
  /** Replaces a message sent earlier (same reference as `send` returned). Throws DeliveryError. */
  update(delivery: Delivery & { readonly sent: SentMessage }): Promise<void>;
  /** Opens a form in answer to an interaction; `trigger` is the adapter's own context (Slack trigger_id). */
  openForm?(trigger: unknown, form: ChatForm): Promise<void>;
}

/**
 * A failed delivery. `permanent`: retrying cannot help (user gone, bot removed): the row fails and
 * the manager is told. Otherwise the dispatcher retries with backoff, after `retryAfterMs` when the
 * platform said so (HTTP 429 Retry-After).
 */
export class DeliveryError extends Error {
  readonly code: string;
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(code: string, message: string, options: { permanent: boolean; retryAfterMs?: number | undefined }) {
    super(message);
    this.name = 'DeliveryError';
    this.code = code;
    this.permanent = options.permanent;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isDeliveryError(value: unknown): value is DeliveryError {
  return value instanceof DeliveryError;
}

/** The messengers of this process by platform (the dispatcher delivers only these platforms' rows). */
export type Messengers = Partial<Record<ChatPlatform, Messenger>>;
