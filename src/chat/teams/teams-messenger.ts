/**
 * The Teams Messenger: the dispatcher's way to reach a person in their 1:1 chat with the bot.
 *
 * - `send` continues the stored conversation (ChatAccount.conversationRef) with
 *   continueConversationAsync; a person with a Teams account but no conversation yet (the app
 *   installed for them, they never wrote) gets a 1:1 opened with createConversationAsync
 *   (isGroup false, members [their Entra object id], tenantId), through the serviceUrl Teams used
 *   lately for their tenant; the new reference is stored.
 * - `update` replaces a card sent earlier (updateActivity with its activity id).
 * - `pace` keeps calls within Teams' limits (pacer.ts).
 * - Failures become DeliveryErrors (delivery-errors.ts); permanent ones about the account (403,
 *   404) mark it DEAD first, so nothing is tried on it again until the person writes again.
 *
 * Idempotency: the outbox id (Delivery.deliveryId) of each message sent by this process is kept
 * for a while with the activity id Teams gave, so a row attempted again after a failure to record
 * its success is answered without a second post. The Bot Connector itself has no idempotency key:
 * a crash between the post and the outbox write can still show a message twice (rare, and the SDK's
 * own retries, the usual cause of duplicates, are disabled: see teams-adapter.ts).
 */
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Db, Prisma } from '../../db/client.js';
import type { Logger } from '../../log.js';
import type { PaceTarget } from '../../scheduler/dispatch/paced-messenger.js';
import { DeliveryError, type Delivery, type Messenger, type SentMessage } from '../messenger.js';
import { messageActivity } from './activities.js';
import { teamsFailure } from './delivery-errors.js';
import { CONVERSATION_LIMITS, TENANT_LIMITS, type Pacer } from './pacer.js';
import { BOT_FRAMEWORK_AUDIENCE, errorFacts, type ConnectorClient } from './teams-adapter.js';
import { markTeamsAccountDead, teamsUser, tenantServiceUrl, type TeamsUser } from './teams-accounts.js';

export interface TeamsMessengerOptions {
  adapter: CloudAdapter;
  /** MicrosoftAppId ('' only in tests, without authentication). */
  appId: string;
  prisma: Db;
  logger: Logger;
  pacer: Pacer;
}

export interface TeamsMessenger extends Messenger {
  pace(target: PaceTarget): Promise<void>;
}

const REMEMBERED_DELIVERIES = 1000;

function storedReference(value: unknown): Partial<ConversationReference> | null {
  if (!value || typeof value !== 'object') return null;
  const ref = value as Partial<ConversationReference>;
  return typeof ref.serviceUrl === 'string' && ref.conversation && typeof ref.conversation.id === 'string' ? ref : null;
}

export function createTeamsMessenger(options: TeamsMessengerOptions): TeamsMessenger {
  const { adapter, appId, prisma, logger, pacer } = options;
  const sentByDelivery = new Map<string, SentMessage>();

  function remember(deliveryId: string, sent: SentMessage): void {
    sentByDelivery.set(deliveryId, sent);
    if (sentByDelivery.size > REMEMBERED_DELIVERIES) sentByDelivery.delete(sentByDelivery.keys().next().value!);
  }

  async function fail(error: unknown, user: TeamsUser, isUpdate: boolean): Promise<never> {
    const failure = teamsFailure(error, { isUpdate });
    logger.warn({ ...errorFacts(error), deliveryCode: failure.error.code, permanent: failure.error.permanent }, 'teams: delivery failed');
    if (failure.deadReason) await markTeamsAccountDead(prisma, user, failure.deadReason);
    throw failure.error;
  }

  function accountOf(delivery: Delivery): { user: TeamsUser; ref: Partial<ConversationReference> | null } {
    const account = delivery.recipient.account;
    if (!account) throw new DeliveryError('NO_ACCOUNT', 'No active Teams account for this person', { permanent: true });
    return { user: teamsUser(account.teamId, account.externalId), ref: storedReference(account.conversationRef) };
  }

  /** Opens the 1:1 with somebody who has the app but never wrote; stores the new reference. */
  async function openConversation(user: TeamsUser, send: (context: TurnContext) => Promise<void>): Promise<void> {
    const serviceUrl = await tenantServiceUrl(prisma, user.tenantId);
    if (!serviceUrl) {
      throw new DeliveryError('BOT_NOT_INSTALLED', 'Rituel has no conversation with this person in Teams yet', { permanent: true });
    }
    await adapter.createConversationAsync(
      appId,
      'msteams',
      serviceUrl,
      appId ? BOT_FRAMEWORK_AUDIENCE : '',
      {
        isGroup: false,
        bot: { id: appId ? `28:${appId}` : 'rituel', name: 'Rituel' },
        members: [{ id: user.aadObjectId, name: '' }],
        tenantId: user.tenantId,
        channelData: { tenant: { id: user.tenantId } },
        activity: undefined as never,
      } as Parameters<CloudAdapter['createConversationAsync']>[4],
      async (context) => {
        const { activityId: _activityId, ...ref } = TurnContext.getConversationReference(context.activity);
        await prisma.chatAccount.update({
          where: { platform_teamId_externalId: { platform: 'TEAMS', teamId: user.tenantId, externalId: user.aadObjectId } },
          data: { conversationRef: ref as Prisma.InputJsonValue, conversationId: context.activity.conversation.id },
        });
        await send(context);
      },
    );
  }

  return {
    platform: 'TEAMS',

    async pace(target) {
      const account = target.recipient.account;
      if (!account) return;
      const user = teamsUser(account.teamId, account.externalId);
      await pacer.acquire([
        { key: `conversation:${account.conversationId ?? `${user.tenantId}/${user.aadObjectId}`}`, limits: CONVERSATION_LIMITS },
        { key: `tenant:${user.tenantId}`, limits: TENANT_LIMITS },
      ]);
    },

    async send(delivery) {
      const already = sentByDelivery.get(delivery.deliveryId);
      if (already) return already;
      const { user, ref } = accountOf(delivery);
      const activity = messageActivity(delivery.message, delivery.recipient.locale);
      let sent: SentMessage | undefined;
      const post = async (context: TurnContext) => {
        // A new message of the chat (POST .../activities), not a reply to the continuation event
        // that TurnContext.sendActivity would make it.
        const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        const conversationId = context.activity.conversation.id;
        const response = await connector.conversations.sendToConversation(conversationId, {
          ...activity,
          channelId: context.activity.channelId,
          serviceUrl: context.activity.serviceUrl,
          conversation: context.activity.conversation,
          from: context.activity.recipient,
          ...(context.activity.from?.id ? { recipient: context.activity.from } : {}),
        });
        sent = { messageId: response.id ?? '', channelId: conversationId };
      };
      try {
        if (ref) await adapter.continueConversationAsync(appId, ref, post);
        else await openConversation(user, post);
      } catch (error) {
        return fail(error, user, false);
      }
      if (!sent || sent.messageId === '') throw new DeliveryError('UNEXPECTED', 'Teams accepted the message without an id', { permanent: false });
      remember(delivery.deliveryId, sent);
      return sent;
    },

    async update(delivery) {
      const { user, ref } = accountOf(delivery);
      if (!ref) throw new DeliveryError('CONVERSATION_NOT_FOUND', 'No Teams conversation to update a message in', { permanent: true });
      const activity = { ...messageActivity(delivery.message, delivery.recipient.locale), id: delivery.sent.messageId };
      try {
        await adapter.continueConversationAsync(appId, ref, async (context) => {
          await context.updateActivity(activity);
        });
      } catch (error) {
        return fail(error, user, true);
      }
    },
  };
}
