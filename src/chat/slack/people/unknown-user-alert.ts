/**
 * Somebody Rituel does not know acted in Slack: the admins are told once per Slack user (alert
 * UNKNOWN_USER, dedupe key `unknown-user:SLACK:<team>:<user>`; see raise-unknown-user-alert.ts).
 * Here only what is Slack's: the user's ids, the texts, and a display name safe in mrkdwn.
 */
import type { ChatActor, ChatPlatform } from '../../interaction.js';
import type { Db } from '../../../db/client.js';
import { raiseUnknownUserAlert } from '../../../rituals/alerts/raise-unknown-user-alert.js';

/** The alert id when this call raised it; null when it existed already or nobody can be told. */
export async function raiseSlackUnknownUserAlert(
  prisma: Db,
  options: { actor: ChatActor; displayName: string; now: Date; platforms: readonly ChatPlatform[] },
): Promise<string | null> {
  return raiseUnknownUserAlert(prisma, {
    user: {
      platform: 'SLACK',
      teamId: options.actor.teamId,
      externalId: options.actor.externalId,
      ids: { teamId: options.actor.teamId, userId: options.actor.externalId },
    },
    texts: {
      text: 'slack.unknownUser.alert.text',
      title: 'slack.unknownUser.alert.title',
      body: 'slack.unknownUser.alert.body',
      ids: 'slack.unknownUser.alert.ids',
      ack: 'slack.alert.ack',
    },
    // < and > would open a Slack link or mention.
    displayName: options.displayName.replace(/[<>]/g, ' '),
    now: options.now,
    platforms: options.platforms,
  });
}
