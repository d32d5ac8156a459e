/**
 * The Slack Messenger: delivers outbox rows as direct messages from the bot.
 *
 * - The DM channel comes from conversations.open, kept in ChatAccount.conversationId.
 * - chat.postMessage has no idempotency key: every post carries message metadata
 *   {event_type: 'rituel_outbox', event_payload: {outbox_id}}. A retry (attempt > 1), or an
 *   answer that never came (timeout, network, 5xx), first looks for that outbox id in the
 *   channel's recent history (conversations.history with include_all_metadata): a message that
 *   landed is not posted twice.
 * - Slack errors become DeliveryErrors (delivery-error.ts): 429 → retryable with Retry-After,
 *   user gone / bot removed → permanent (and the account is marked DEAD so that later messages
 *   are planned for another platform, or the manager is told).
 * - `pace` waits for Slack's per-channel and workspace budgets (pacer.ts); a 429 pauses it.
 */
import type { Db } from '../../../db/client.js';
import type { Logger } from '../../../log.js';
import { DeliveryError, type Delivery, type Recipient, type SentMessage } from '../../messenger.js';
import type { PacedMessenger } from '../../../scheduler/dispatch/paced-messenger.js';
import { renderMessage } from '../block-kit/render-message.js';
import type { SlackWebClient } from '../slack-web-client.js';
import { isAmbiguous, toDeliveryError } from './delivery-error.js';
import { createPacer, DEFAULT_PACE, type PaceOptions } from './pacer.js';

export const OUTBOX_EVENT_TYPE = 'rituel_outbox';
/** How many recent messages of the DM are searched for an earlier attempt. */
const HISTORY_LIMIT = 100;
/** Errors that say the person cannot be reached on Slack any more. */
const DEAD_ACCOUNT_CODES = new Set(['SLACK_USER_NOT_FOUND', 'SLACK_ACCOUNT_INACTIVE', 'SLACK_USER_DISABLED', 'SLACK_CANNOT_DM_BOT', 'SLACK_USER_IS_BOT']);

export interface SlackMessengerOptions {
  readonly prisma: Db;
  readonly client: SlackWebClient;
  readonly logger: Logger;
  /** false: no pacing (tests that count calls only). */
  readonly pace?: Partial<PaceOptions> | false;
}

export function createSlackMessenger(options: SlackMessengerOptions): PacedMessenger {
  const { prisma, client, logger } = options;
  const pacer = options.pace === false ? null : createPacer({ ...DEFAULT_PACE, ...options.pace });

  async function markDead(recipient: Recipient, code: string): Promise<void> {
    const account = recipient.account;
    if (!account || !DEAD_ACCOUNT_CODES.has(code)) return;
    await prisma.chatAccount.updateMany({
      where: { platform: 'SLACK', teamId: account.teamId, externalId: account.externalId },
      data: { status: 'DEAD', deadReason: code },
    });
    logger.warn({ personId: recipient.personId, code }, 'slack account marked dead');
  }

  /** A Slack failure as a DeliveryError, having paused the pacer (429) or marked the account dead. */
  async function failure(recipient: Recipient, error: unknown): Promise<DeliveryError> {
    const deliveryError = toDeliveryError(error);
    if (deliveryError.retryAfterMs !== undefined) pacer?.pause(deliveryError.retryAfterMs);
    if (deliveryError.permanent) await markDead(recipient, deliveryError.code);
    return deliveryError;
  }

  async function call<T>(recipient: Recipient, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw await failure(recipient, error);
    }
  }

  async function channelOf(recipient: Recipient): Promise<string> {
    const account = recipient.account;
    if (!account) throw new DeliveryError('NO_SLACK_ACCOUNT', 'The person has no active Slack account', { permanent: true });
    if (account.conversationId) return account.conversationId;
    const opened = await call(recipient, () => client.conversations.open({ users: account.externalId }));
    const channel = opened.channel?.id;
    if (!channel) throw new DeliveryError('SLACK_NO_CHANNEL', 'conversations.open gave no channel', { permanent: false });
    await prisma.chatAccount.updateMany({
      where: { platform: 'SLACK', teamId: account.teamId, externalId: account.externalId },
      data: { conversationId: channel },
    });
    return channel;
  }

  /** The message an earlier attempt of this outbox row posted, if it landed. */
  async function findDelivered(recipient: Recipient, channel: string, deliveryId: string): Promise<SentMessage | null> {
    const history = await call(recipient, () => client.conversations.history({ channel, include_all_metadata: true, limit: HISTORY_LIMIT }));
    for (const message of history.messages ?? []) {
      const metadata = message.metadata as { event_type?: string; event_payload?: { outbox_id?: unknown } } | undefined;
      if (metadata?.event_type === OUTBOX_EVENT_TYPE && metadata.event_payload?.outbox_id === deliveryId && message.ts) {
        return { messageId: message.ts, channelId: channel };
      }
    }
    return null;
  }

  return {
    platform: 'SLACK',
    async pace(target) {
      if (!pacer) return;
      const account = target.recipient.account;
      await pacer.wait(account?.conversationId ?? account?.externalId ?? target.recipient.personId, target.isUpdate);
    },
    async send(delivery: Delivery) {
      const { recipient, deliveryId } = delivery;
      const channel = await channelOf(recipient);
      if ((delivery.attempt ?? 1) > 1) {
        const earlier = await findDelivered(recipient, channel, deliveryId);
        if (earlier) {
          logger.info({ outboxId: deliveryId }, 'slack: an earlier attempt had landed; not posted again');
          return earlier;
        }
      }
      const payload = renderMessage(delivery.message, recipient.locale);
      try {
        const posted = await client.chat.postMessage({
          channel,
          text: payload.text,
          blocks: payload.blocks as never,
          metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: deliveryId } },
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!posted.ts) throw new DeliveryError('SLACK_NO_TS', 'chat.postMessage gave no ts', { permanent: false });
        return { messageId: posted.ts, channelId: posted.channel ?? channel };
      } catch (error) {
        const deliveryError = await failure(recipient, error);
        if (isAmbiguous(deliveryError)) {
          // The post may have landed although no answer came: look before the dispatcher retries.
          const landed = await findDelivered(recipient, channel, deliveryId).catch(() => null);
          if (landed) return landed;
        }
        throw deliveryError;
      }
    },
    async update({ recipient, message, sent }) {
      if (!sent.channelId) throw new DeliveryError('SLACK_NO_CHANNEL', 'No channel for the message to update', { permanent: true });
      const payload = renderMessage(message, recipient.locale);
      await call(recipient, () => client.chat.update({ channel: sent.channelId!, ts: sent.messageId, text: payload.text, blocks: payload.blocks as never }));
    },
  };
}
