/**
 * The person behind a Slack user who acts, linked by email when needed; for somebody unknown, the
 * admins are alerted (once per user). Never throws for an unknown user: the caller answers them
 * politely.
 */
import type { ChatActor } from '../interaction.js';
import { resolveSlackPerson, slackProfile, type SlackPerson } from './people/resolve-slack-person.js';
import { raiseSlackUnknownUserAlert } from './people/unknown-user-alert.js';
import type { SlackDeps } from './slack-deps.js';

export async function identify(deps: SlackDeps, actor: ChatActor): Promise<SlackPerson | null> {
  const now = deps.now();
  const person = await resolveSlackPerson(deps.prisma, deps.client, actor, { now, defaultLocale: deps.defaultLocale, logger: deps.logger });
  if (person) return person;
  deps.logger.warn({ platform: 'SLACK' }, 'slack: interaction from an unknown user');
  try {
    const profile = await slackProfile(deps.client, actor.externalId);
    await raiseSlackUnknownUserAlert(deps.prisma, { actor, displayName: profile?.name ?? actor.externalId, now, platforms: deps.platforms });
  } catch (error) {
    deps.logger.error({ err: error }, 'slack: could not raise the unknown user alert');
  }
  return null;
}

/** The person's DM channel with the bot (stored on their account once opened). */
export async function directChannel(deps: SlackDeps, actor: ChatActor): Promise<string | null> {
  const where = { platform_teamId_externalId: { platform: 'SLACK' as const, teamId: actor.teamId, externalId: actor.externalId } };
  const account = await deps.prisma.chatAccount.findUnique({ where, select: { conversationId: true } });
  if (account?.conversationId) return account.conversationId;
  const opened = await deps.client.conversations.open({ users: actor.externalId });
  const channel = opened.channel?.id ?? null;
  if (channel && account) await deps.prisma.chatAccount.update({ where, data: { conversationId: channel } });
  return channel;
}
