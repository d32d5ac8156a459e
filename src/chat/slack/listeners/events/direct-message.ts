/**
 * A direct message to the bot: a text command ("semaine", "mois", "statut", "aide"), answered in
 * the conversation. Once per event id, and once per message (the router's interaction id).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../../i18n/index.js';
import { envelopeTeamId, parseDirectMessage } from '../../block-kit/parse-payload.js';
import { renderMessage } from '../../block-kit/render-message.js';
import { escapeMrkdwn } from '../../block-kit/mrkdwn.js';
import { oncePerEvent } from '../../event-dedupe.js';
import { identify } from '../../identify.js';
import type { SlackDeps } from '../../slack-deps.js';

export function directMessageHandler(deps: SlackDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = parseDirectMessage(event, envelopeTeamId(body, deps.teamId));
    if (!parsed) return;
    const { interaction, channel } = parsed;
    await oncePerEvent(deps.prisma, body.event_id, async () => {
      const post = async (text: string, blocks?: unknown[]) => {
        try {
          await deps.client.chat.postMessage({ channel, text, ...(blocks ? { blocks: blocks as never } : {}), unfurl_links: false });
        } catch (error) {
          // Slack refusing the answer (channel_not_found, not_in_channel...): a retry would not help.
          if ((error as { code?: unknown }).code !== 'slack_webapi_platform_error') throw error;
          deps.logger.warn({ slackError: (error as { data?: { error?: unknown } }).data?.error }, 'slack: could not answer a direct message');
        }
      };
      const person = await identify(deps, interaction.actor);
      if (!person) {
        await post(escapeMrkdwn(t(deps.defaultLocale, 'slack.unknownUser')));
        return;
      }
      const result = await deps.router.handle(interaction);
      if (result.duplicate) return;
      for (const reply of [...(result.update ? [result.update] : []), ...(result.replies ?? [])]) {
        const payload = renderMessage(reply, person.locale);
        await post(payload.text, payload.blocks);
      }
      if (result.notice) await post(escapeMrkdwn(result.notice));
      if (result.form) deps.logger.warn('slack: a typed command answered with a form (no trigger to open it)');
    });
  };
}
