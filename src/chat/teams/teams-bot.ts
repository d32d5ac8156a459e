/**
 * What Rituel does with each activity Teams posts to /api/messages: it parses it and delegates.
 *
 * 1. Who: the user's Entra object id and tenant. Their account's 1:1 conversation reference is
 *    refreshed (stored on install, on conversationUpdate, on every message). A user Rituel has no
 *    account for is linked by the e-mail / UPN Teams gives for them (organization file), else they
 *    get a polite answer and the admins an UNKNOWN_USER alert (once).
 * 2. What: a card click (an `adaptiveCard/action` invoke from Action.Execute, or a message whose
 *    `value` holds an Action.Submit's data), a form card submitted, or a typed command, each made
 *    one neutral Interaction (id = the activity id: a repeat is answered once) for the router.
 * 3. The answer, the Teams way: a decisive click replaces its card (the invoke response carries the
 *    new card; for Action.Submit the card is updated in place with the clicked activity's id),
 *    a form opens as a new card, field errors show the form card again, replies and notices are
 *    messages in the 1:1.
 */
import { randomUUID } from 'node:crypto';
import { TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { Db, Prisma } from '../../db/client.js';
import { personLocale, t, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import type { ChatActor, ChatPlatform, Interaction, InteractionResult } from '../interaction.js';
import { resolveActingPerson } from '../router/acting-person.js';
import type { InteractionRouter } from '../router/router.js';
import { buildHomeView } from '../../rituals/home/home-view.js';
import { formActivity, messageActivity, noticeActivity, type MessageActivity } from './activities.js';
import { renderFormCard, renderMessageCard, ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptive-card.js';
import { formValues, interactionOfClick, readCardClick, type CardClick } from './card-data.js';
import { errorFacts } from './teams-adapter.js';
import { cleanStrings } from '../clean-text.js';
import { linkTeamsAccountByEmail, markTeamsAccountDead, teamsUser, touchTeamsAccount, type SeenConversation, type TeamsUser } from './teams-accounts.js';
import { raiseUnknownUserAlert } from './unknown-user-alert.js';

export interface TeamsBotOptions {
  prisma: Db;
  router: InteractionRouter;
  logger: Logger;
  defaultLocale: Locale;
  /** The platforms of this process (where the admins are told about an unknown user). */
  platforms: readonly ChatPlatform[];
  now?: () => Date;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';
const MESSAGE_RESPONSE_TYPE = 'application/vnd.microsoft.activity.message';

interface ChannelDataLike {
  tenant?: { id?: unknown };
}

function tenantOf(activity: Activity): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation !== '') return fromConversation;
  const fromChannel = (activity.channelData as ChannelDataLike | undefined)?.tenant?.id;
  return typeof fromChannel === 'string' && fromChannel !== '' ? fromChannel : undefined;
}

function isPersonal(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}

/** What a person typed, without the bot's @mention. */
function typedText(activity: Activity): string {
  return (activity.text ?? '').replace(/<at>[^<]*<\/at>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').trim();
}

/** "home", "mon espace"...: the person's home view (my month, validations waiting, open alerts). */
export const HOME_WORDS = ['home', 'accueil', 'espace', 'mon espace', 'my home', 'mon accueil'];

function isHomeCommand(text: string): boolean {
  const plain = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/^\/?rituel\b\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return HOME_WORDS.includes(plain);
}

function activityLocale(activity: Activity, fallback: Locale): Locale {
  // Whatever the client sent: not always a string.
  const given: unknown = activity.locale;
  const language = typeof given === 'string' ? given.toLowerCase() : '';
  return language.startsWith('en') ? 'en' : language.startsWith('fr') ? 'fr' : fallback;
}

/**
 * The 1:1's conversation reference as stored: without the activity id (a proactive message is a
 * new message of the chat, not a reply to whatever the person last sent).
 */
function storableReference(activity: Activity): Prisma.InputJsonValue {
  const { activityId: _activityId, user, ...ref } = TurnContext.getConversationReference(activity);
  // The user's ids only: their display name is not needed to reach them.
  const who = user ? { id: user.id, ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}) } : undefined;
  // Whatever the client put in the conversation, what PostgreSQL cannot store goes.
  return cleanStrings({ ...ref, ...(who ? { user: who } : {}) }) as Prisma.InputJsonValue;
}

export function createTeamsTurnHandler(options: TeamsBotOptions): (context: TurnContext) => Promise<void> {
  const { prisma, router, logger } = options;
  const now = options.now ?? (() => new Date());

  async function localeOf(user: TeamsUser): Promise<Locale> {
    const account = await prisma.chatAccount.findUnique({
      where: { platform_teamId_externalId: { platform: 'TEAMS', teamId: user.tenantId, externalId: user.aadObjectId } },
      select: { person: { select: { locale: true, organization: { select: { locale: true } } } } },
    });
    return personLocale(account?.person.locale, account?.person.organization.locale, options.defaultLocale);
  }

  /** The e-mail addresses Teams knows for the user (their e-mail and UPN); none when it cannot tell. */
  async function emailsOf(context: TurnContext): Promise<string[]> {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return [member.email, member.userPrincipalName].filter((e): e is string => typeof e === 'string' && e !== '');
    } catch (error) {
      logger.warn(errorFacts(error), 'teams: could not read the member of a conversation');
      return [];
    }
  }

  /** True when the user is (now) one of Rituel's people; refreshes their conversation reference. */
  async function knowUser(context: TurnContext, user: TeamsUser): Promise<boolean> {
    const activity = context.activity;
    const seen: SeenConversation = isPersonal(activity)
      ? { ref: storableReference(activity), conversationId: activity.conversation.id }
      : {};
    const at = now();
    if (await touchTeamsAccount(prisma, user, seen, at)) return true;
    const emails = await emailsOf(context);
    return linkTeamsAccountByEmail(prisma, user, emails, seen, at);
  }

  async function invokeResponse(context: TurnContext, body: unknown): Promise<void> {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  }

  const cardResponse = (card: AdaptiveCard) => ({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card });
  const messageResponse = (text: string) => ({ statusCode: 200, type: MESSAGE_RESPONSE_TYPE, value: text });

  async function answerUnknown(context: TurnContext, user: TeamsUser): Promise<void> {
    const locale = activityLocale(context.activity, options.defaultLocale);
    try {
      await raiseUnknownUserAlert(prisma, { user, displayName: context.activity.from.name ?? '', now: now(), platforms: options.platforms });
    } catch (error) {
      logger.error(errorFacts(error), 'teams: could not raise the unknown user alert');
    }
    logger.warn({ tenantId: user.tenantId }, 'teams: activity from an unknown user');
    if (context.activity.type === 'invoke') await invokeResponse(context, messageResponse(t(locale, 'teams.unknownUser')));
    else await context.sendActivity(noticeActivity(t(locale, 'teams.unknownUser')));
  }

  /** Replies and notice of a result as new messages (never for a duplicate: they were sent the first time). */
  async function sendReplies(context: TurnContext, result: InteractionResult, locale: Locale, withNotice: boolean): Promise<void> {
    if (result.duplicate) return;
    const activities: MessageActivity[] = [];
    if (withNotice && result.notice) activities.push(noticeActivity(result.notice));
    for (const reply of result.replies ?? []) activities.push(messageActivity(reply, locale));
    if (result.form) activities.push(formActivity(result.form, locale));
    if (activities.length > 0) await context.sendActivities(activities);
  }

  /** The card that replaces the clicked one: the form again with its errors, or the update. */
  function replacementCard(result: InteractionResult, click: CardClick, locale: Locale): AdaptiveCard | undefined {
    if (result.fieldErrors && result.fieldErrors.length > 0 && click.data.form) {
      return renderFormCard(click.data.form, locale, { fieldErrors: result.fieldErrors, values: formValues(click.inputs) });
    }
    return result.update ? renderMessageCard(result.update, locale) : undefined;
  }

  async function handleClick(context: TurnContext, user: TeamsUser, click: CardClick, viaInvoke: boolean): Promise<void> {
    const activity = context.activity;
    const actor: ChatActor = { platform: 'TEAMS', teamId: user.tenantId, externalId: user.aadObjectId };
    const interaction = interactionOfClick(click, { id: activity.id ?? randomUUID(), actor, messageId: activity.replyToId });
    const result = await router.handle(interaction);
    const locale = await localeOf(user);
    const card = replacementCard(result, click, locale);
    if (viaInvoke) {
      if (card) await invokeResponse(context, cardResponse(card));
      else if (result.form) await invokeResponse(context, messageResponse(t(locale, 'teams.formBelow')));
      else await invokeResponse(context, messageResponse(result.notice ?? ''));
      // The notice is the invoke's message when no card replaces the clicked one.
      await sendReplies(context, result, locale, card !== undefined);
      return;
    }
    if (card && activity.replyToId) {
      await context.updateActivity({ ...cardActivityOf(card), id: activity.replyToId });
    }
    await sendReplies(context, result, locale, true);
  }

  function cardActivityOf(card: AdaptiveCard): Partial<Activity> {
    return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
  }

  async function handleCommand(context: TurnContext, user: TeamsUser, text: string, id: string): Promise<void> {
    const actor: ChatActor = { platform: 'TEAMS', teamId: user.tenantId, externalId: user.aadObjectId };
    if (isHomeCommand(text)) {
      // Teams' counterpart of Slack's App Home: the same neutral view, as a card in the 1:1.
      const person = await resolveActingPerson(prisma, actor, options.defaultLocale);
      if (person) {
        const view = await buildHomeView(prisma, person.id, now());
        await context.sendActivity(messageActivity({ text: t(view.locale, 'teams.home.summary'), blocks: view.blocks }, view.locale));
        return;
      }
    }
    const interaction: Interaction = { id, kind: 'command', actor, text };
    const result = await router.handle(interaction);
    await sendReplies(context, result, await localeOf(user), true);
  }

  return async (context) => {
    const activity = context.activity;
    const aadObjectId = activity.from?.aadObjectId;
    const tenantId = tenantOf(activity);
    if (!aadObjectId || !tenantId) {
      // Not a person (another bot, a system event): an invoke still needs an answer.
      if (activity.type === 'invoke') await invokeResponse(context, messageResponse(''));
      return;
    }
    const user = teamsUser(tenantId, aadObjectId);

    if (activity.type === 'installationUpdate' && (activity.action ?? '').startsWith('remove')) {
      await markTeamsAccountDead(prisma, user, 'UNINSTALLED');
      return;
    }
    const known = await knowUser(context, user);
    const isInstall = activity.type === 'installationUpdate' && (activity.action ?? 'add').startsWith('add');
    const isMessage = activity.type === 'message';
    const isCardAction = activity.type === 'invoke' && activity.name === ADAPTIVE_CARD_ACTION;
    if (!known) {
      if (isInstall || isMessage || isCardAction) await answerUnknown(context, user);
      // Any other invoke still needs an answer (else botbuilder answers 501).
      else if (activity.type === 'invoke') await invokeResponse(context, messageResponse(''));
      return;
    }
    if (isInstall) return handleCommand(context, user, 'aide', `install:${activity.id ?? randomUUID()}`);
    if (isCardAction) {
      const value = activity.value as { action?: { data?: unknown } } | undefined;
      const click = readCardClick(value?.action?.data);
      if (!click) return invokeResponse(context, messageResponse(''));
      return handleClick(context, user, click, true);
    }
    if (isMessage) {
      const click = readCardClick(activity.value);
      if (click) return handleClick(context, user, click, false);
      const text = typedText(activity);
      if (text === '' && activity.value === undefined && (activity.attachments?.length ?? 0) > 0) return;
      return handleCommand(context, user, text, activity.id ?? randomUUID());
    }
    if (activity.type === 'invoke') await invokeResponse(context, messageResponse(''));
  };
}
