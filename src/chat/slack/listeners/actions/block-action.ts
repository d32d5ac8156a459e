/**
 * A click on a button, a choice in a select or a date picker, in a message or on the Home tab:
 * acked first, then parsed into a neutral interaction and handed to the router. Link buttons are
 * only acked (Slack posts them too).
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../../i18n/index.js';
import { applySlackResult } from '../../apply-result.js';
import { originOf, parseBlockAction, blockActionBodySchema } from '../../block-kit/parse-payload.js';
import { escapeMrkdwn } from '../../block-kit/mrkdwn.js';
import { directChannel, identify } from '../../identify.js';
import type { SlackDeps } from '../../slack-deps.js';

export function blockActionHandler(deps: SlackDeps) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (body.type !== 'block_actions') return;
    await deps.afterAck.run(() => handleAction(deps, body, action));
  };
}

/** After the ack, in the work queue: a modal to open then has the rest of its trigger's 3 s. */
async function handleAction(deps: SlackDeps, body: SlackActionMiddlewareArgs['body'], action: SlackActionMiddlewareArgs['action']): Promise<void> {
  const interaction = parseBlockAction(body, action);
  if (!interaction) return;
  const origin = originOf(blockActionBodySchema.parse(body));
  const tell = async (text: string) => {
    const channel = origin.channel ?? (await directChannel(deps, interaction.actor).catch(() => null));
    if (channel) await deps.client.chat.postEphemeral({ channel, user: interaction.actor.externalId, text: escapeMrkdwn(text) });
  };
  let locale = deps.defaultLocale;
  try {
    const person = await identify(deps, interaction.actor);
    if (!person) return await tell(t(locale, 'slack.unknownUser'));
    locale = person.locale;
    const result = await deps.router.handle(interaction);
    await applySlackResult(deps, result, {
      actor: interaction.actor,
      locale,
      channel: origin.channel,
      ts: origin.ts,
      triggerId: 'trigger_id' in body ? body.trigger_id : undefined,
      inView: origin.inView,
    });
  } catch (error) {
    // The router never throws; a Slack call did (expired trigger, rate limit...): say so, log it.
    deps.logger.error({ err: error, action: interaction.actionId }, 'slack: block action failed');
    await tell(t(locale, 'slack.error')).catch(() => undefined);
  }
}
