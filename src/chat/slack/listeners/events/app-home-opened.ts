/** The Home tab opened: publish the person's home (once per event id). */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { oncePerEvent } from '../../event-dedupe.js';
import { publishHome } from '../../home/publish-home.js';
import type { SlackDeps } from '../../slack-deps.js';

export function appHomeOpenedHandler(deps: SlackDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = (event as { user_team?: string }).user_team ?? body.team_id ?? deps.teamId;
    await oncePerEvent(deps.prisma, body.event_id, () => publishHome(deps, { platform: 'SLACK', teamId, externalId: event.user }));
  };
}
