/**
 * Somebody Rituel does not know wrote to it in Teams: the admins are told once per user (alert
 * UNKNOWN_USER, dedupe key `unknown-user:TEAMS:<tenant>:<object id>`; see
 * raise-unknown-user-alert.ts). Here only what is Teams': the user's ids and the texts.
 */
import type { ChatPlatform } from '../interaction.js';
import type { Db } from '../../db/client.js';
import { raiseUnknownUserAlert as raiseAlert } from '../../rituals/alerts/raise-unknown-user-alert.js';
import type { TeamsUser } from './teams-accounts.js';

export interface RaiseUnknownUserAlertOptions {
  user: TeamsUser;
  /** Their Teams display name (shown to the admins). */
  displayName: string;
  now: Date;
  platforms: readonly ChatPlatform[];
}

/** Returns the alert id when this call raised it; null when it existed or nobody can be told. */
export async function raiseUnknownUserAlert(prisma: Db, options: RaiseUnknownUserAlertOptions): Promise<string | null> {
  return raiseAlert(prisma, {
    user: {
      platform: 'TEAMS',
      teamId: options.user.tenantId,
      externalId: options.user.aadObjectId,
      ids: { tenantId: options.user.tenantId, aadObjectId: options.user.aadObjectId },
    },
    texts: {
      text: 'teams.unknownUser.alert.text',
      title: 'teams.unknownUser.alert.title',
      body: 'teams.unknownUser.alert.body',
      ids: 'teams.unknownUser.alert.ids',
      ack: 'delivery.failed.ack',
    },
    displayName: options.displayName,
    now: options.now,
    platforms: options.platforms,
  });
}
