/**
 * A modal submitted. The exception to "ack first": Slack takes field errors (and a next form)
 * only in the ack, so the router runs first, within ACK_BUDGET_MS; past it, the modal is closed
 * (acked) and the answer arrives as a message, errors included.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../../i18n/index.js';
import type { InteractionResult } from '../../../interaction.js';
import { applySlackResult } from '../../apply-result.js';
import { parseViewSubmission } from '../../block-kit/parse-payload.js';
import { renderForm } from '../../block-kit/render-form.js';
import { escapeMrkdwn } from '../../block-kit/mrkdwn.js';
import { directChannel, identify } from '../../identify.js';
import type { SlackDeps } from '../../slack-deps.js';

/** Bolt answers 404 at 3 s without an ack: leave room for the answer to travel. */
export const ACK_BUDGET_MS = 2200;

const TIMED_OUT = Symbol('timed out');

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function viewSubmissionHandler(deps: SlackDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = body.type === 'view_submission' ? parseViewSubmission(body) : null;
    if (!parsed) {
      await ack();
      return;
    }
    const { interaction, metadata } = parsed;
    const started = Date.now();
    const person = await within(identify(deps, interaction.actor), ACK_BUDGET_MS / 2);
    if (person === TIMED_OUT || !person) {
      await ack();
      const channel = await directChannel(deps, interaction.actor).catch(() => null);
      const text = person === TIMED_OUT ? t(deps.defaultLocale, 'slack.error') : t(deps.defaultLocale, 'slack.unknownUser');
      if (channel) await deps.client.chat.postEphemeral({ channel, user: interaction.actor.externalId, text: escapeMrkdwn(text) });
      return;
    }
    const pending = deps.router.handle(interaction);
    // One budget for both steps: Bolt gives up on the ack at 3 s.
    const quick = await within(pending, Math.max(0, ACK_BUDGET_MS - (Date.now() - started)));
    const origin = { actor: interaction.actor, locale: person.locale, channel: metadata.c, ts: metadata.ts, inView: metadata.h === 1 };
    if (quick === TIMED_OUT) {
      await ack();
      const result = await pending;
      const errors = (result.fieldErrors ?? []).map((e) => e.message);
      await applySlackResult(deps, { ...result, ...(errors.length > 0 ? { notice: [result.notice, ...errors].filter(Boolean).join('\n') } : {}) }, origin);
      return;
    }
    const result: InteractionResult = quick;
    if (!result.duplicate && result.fieldErrors && result.fieldErrors.length > 0) {
      await ack({ response_action: 'errors', errors: Object.fromEntries(result.fieldErrors.map((e) => [e.field, e.message.slice(0, 150)])) });
      return;
    }
    if (!result.duplicate && result.form) {
      await ack({ response_action: 'update', view: renderForm(result.form, person.locale, { channel: metadata.c, ts: metadata.ts, inView: metadata.h === 1 }) as never });
      await applySlackResult(deps, { ...result, form: undefined } as InteractionResult, origin);
      return;
    }
    await ack();
    await applySlackResult(deps, result, origin);
  };
}
