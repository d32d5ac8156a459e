/**
 * The extension point for per-platform pacing (Slack ≈ 1 message per second per channel; Teams 7
 * per second / 60 per 30 s / 1800 per hour per conversation, ≈ 30 per second per tenant; see
 * PLATFORMS.md). The dispatcher calls `pace` right before each platform call, outside any
 * transaction; a Messenger without it (the web chat) is not paced.
 *
 * Contract for adapters: resolve when one more call for `target` fits the platform's limits (a
 * token bucket per channel and per workspace/tenant is enough); keep each wait well under the
 * dispatcher's lease (5 minutes by default), since the row stays claimed meanwhile. A 429 that
 * still happens is thrown as a retryable DeliveryError with `retryAfterMs`, and the dispatcher
 * puts the row back with that delay.
 *
 * It lives here rather than on the Messenger port (src/chat/messenger.ts) until the first adapter
 * needs it; moving it there is adding the same optional member.
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import type { Messenger, Recipient } from '../../chat/messenger.js';

export interface PaceTarget {
  readonly platform: ChatPlatform;
  readonly recipient: Recipient;
  /** The row's kind (checkin.daily, alert.delivery_failed...): adapters may favour some kinds. */
  readonly kind: string;
  /** True for an edit of a message sent earlier (Slack chat.update is Tier 3, not chat.postMessage's limit). */
  readonly isUpdate: boolean;
}

export interface PacedMessenger extends Messenger {
  pace?(target: PaceTarget): Promise<void>;
}

/** The messengers the dispatcher delivers through, by platform; `Messengers` fits as it is. */
export type DispatchMessengers = Partial<Record<ChatPlatform, PacedMessenger>>;
