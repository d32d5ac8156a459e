/** `/rituel <help | week | month | status>`: acked, then answered to the person only (ephemeral). */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../../i18n/index.js';
import { parseSlashCommand } from '../../block-kit/parse-payload.js';
import { renderForm } from '../../block-kit/render-form.js';
import { renderMessage } from '../../block-kit/render-message.js';
import { escapeMrkdwn } from '../../block-kit/mrkdwn.js';
import { identify } from '../../identify.js';
import type { SlackDeps } from '../../slack-deps.js';

export function rituelCommandHandler(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const interaction = parseSlashCommand(body);
    if (!interaction) {
      deps.logger.warn('slack: unreadable slash command ignored');
      return;
    }
    const person = await identify(deps, interaction.actor);
    if (!person) {
      await respond({ response_type: 'ephemeral', text: escapeMrkdwn(t(deps.defaultLocale, 'slack.unknownUser')) });
      return;
    }
    const result = await deps.router.handle(interaction);
    if (result.duplicate) return;
    if (result.form) await deps.client.views.open({ trigger_id: body.trigger_id, view: renderForm(result.form, person.locale) as never });
    for (const reply of [...(result.update ? [result.update] : []), ...(result.replies ?? [])]) {
      const payload = renderMessage(reply, person.locale);
      await respond({ response_type: 'ephemeral', text: payload.text, blocks: payload.blocks as never });
    }
    if (result.notice) await respond({ response_type: 'ephemeral', text: escapeMrkdwn(result.notice) });
  };
}
