/**
 * Applies the router's answer the Slack way: a form opens as a modal (views.open with the
 * trigger), the message that carried the action is replaced (chat.update on its channel + ts),
 * replies are posted in the person's DM, a notice is shown to the person only (ephemeral), and
 * an action taken on the Home tab republishes it. A duplicate answer is never applied again.
 */
import type { Locale } from '../../i18n/index.js';
import type { ChatActor, InteractionResult } from '../interaction.js';
import { renderForm } from './block-kit/render-form.js';
import { renderMessage } from './block-kit/render-message.js';
import { escapeMrkdwn } from './block-kit/mrkdwn.js';
import { publishHome } from './home/publish-home.js';
import { directChannel } from './identify.js';
import type { SlackDeps } from './slack-deps.js';

export interface SlackOrigin {
  readonly actor: ChatActor;
  readonly locale: Locale;
  /** The channel and ts of the message the action was taken on. */
  readonly channel?: string | undefined;
  readonly ts?: string | undefined;
  readonly triggerId?: string | undefined;
  /** The action was taken in a view (the Home tab). */
  readonly inView?: boolean;
}

export async function applySlackResult(deps: SlackDeps, result: InteractionResult, origin: SlackOrigin): Promise<void> {
  if (result.duplicate) return;
  const { client } = deps;
  const { actor, locale } = origin;
  if (result.form) {
    if (origin.triggerId) {
      await client.views.open({ trigger_id: origin.triggerId, view: renderForm(result.form, locale, { channel: origin.channel, ts: origin.ts, inView: origin.inView }) as never });
    } else deps.logger.warn('slack: a form without a trigger to open it');
  }
  if (result.update && origin.channel && origin.ts && !origin.inView) {
    const payload = renderMessage(result.update, locale);
    await client.chat.update({ channel: origin.channel, ts: origin.ts, text: payload.text, blocks: payload.blocks as never });
  }
  const replies = result.replies ?? [];
  const dm = replies.length > 0 || (result.notice && !origin.channel) ? await directChannel(deps, actor) : null;
  for (const reply of replies) {
    const payload = renderMessage(reply, locale);
    await client.chat.postMessage({ channel: dm!, text: payload.text, blocks: payload.blocks as never, unfurl_links: false });
  }
  if (result.notice) {
    const channel = origin.channel ?? dm;
    if (channel) await client.chat.postEphemeral({ channel, user: actor.externalId, text: escapeMrkdwn(result.notice) });
  }
  if (origin.inView) await publishHome(deps, actor);
}
