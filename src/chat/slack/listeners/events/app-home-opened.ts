/** The Home tab opened: publish the person's home (once per event id). */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { envelopeTeamId } from '../../block-kit/parse-payload.js';
import { oncePerEvent } from '../../event-dedupe.js';
import { publishHome } from '../../home/publish-home.js';
import type { SlackDeps } from '../../slack-deps.js';

export function appHomeOpenedHandler(deps: SlackDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    // Slack's shape only: a user id and team ids that are strings (anything else is not Slack's).
    if (event.tab !== 'home' || typeof event.user !== 'string' || event.user === '') return;
    const userTeam: unknown = (event as { user_team?: unknown }).user_team;
    const teamId = typeof userTeam === 'string' && userTeam !== '' ? userTeam : envelopeTeamId(body, deps.teamId);
    await oncePerEvent(deps.prisma, body.event_id, () => publishHome(deps, { platform: 'SLACK', teamId, externalId: event.user }));
  };
}
