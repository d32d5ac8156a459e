/**
 * The message telling a manager (or an admin) that Rituel cannot reach somebody: who, on which
 * platform, why in words (from the failure code), and a button to acknowledge the alert.
 *
 * Failure codes with a readable reason (adapters should use them for their permanent errors):
 * NO_ACCOUNT, RECIPIENT_GONE, USER_NOT_FOUND, BOT_NOT_INSTALLED, CONVERSATION_BLOCKED, BOT_DISABLED,
 * CONVERSATION_NOT_FOUND, MESSAGE_TOO_BIG, NOT_AUTHORIZED, and for retries that ran out
 * RATE_LIMITED, UNAVAILABLE, UNEXPECTED. Any other code is shown as it is.
 */
import { actions, button, context, header, message, section } from '../../chat/build.js';
import type { ChatPlatform } from '../../chat/interaction.js';
import type { ChatMessage } from '../../chat/message.js';
import { isMessageKey, t, type Locale } from '../../i18n/index.js';

/** The action of the acknowledge button (its handler belongs to the alerts rituals). */
export const ALERT_ACK_ACTION = 'alert.ack';

export interface DeliveryAlertContent {
  readonly alertId: string;
  /** Name of the person Rituel could not reach. */
  readonly subjectName: string;
  readonly platform: ChatPlatform;
  readonly code: string;
  /** Set when the failure is retries running out (not a permanent error): the attempts made. */
  readonly attemptsMade?: number | undefined;
}

export function failureReason(locale: Locale, code: string, attemptsMade?: number): string {
  // Codes are UPPER_CASE: this also keeps a code from naming the generic keys (other, exhausted).
  const key = `delivery.reason.${code}`;
  const reason = /^[A-Z_]+$/.test(code) && isMessageKey(key) ? t(locale, key) : t(locale, 'delivery.reason.other', { code });
  return attemptsMade === undefined ? reason : t(locale, 'delivery.reason.exhausted', { reason, attempts: attemptsMade });
}

export function buildDeliveryAlert(locale: Locale, content: DeliveryAlertContent): ChatMessage {
  const platform = t(locale, `delivery.platform.${content.platform}`);
  const text = t(locale, 'delivery.failed.text', {
    name: content.subjectName,
    platform,
    reason: failureReason(locale, content.code, content.attemptsMade),
  });
  return message(text, [
    header(t(locale, 'delivery.failed.header')),
    section(text),
    context(t(locale, 'delivery.failed.advice', { platform })),
    actions(button(ALERT_ACK_ACTION, t(locale, 'delivery.failed.ack'), { alert: content.alertId })),
  ]);
}
