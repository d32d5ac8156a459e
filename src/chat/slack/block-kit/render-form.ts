/**
 * A neutral form as a Slack modal (views.open): one input block per field (block_id = the field
 * id, action_id `value`), the form's action id as callback_id and its value in private_metadata,
 * with the message it was opened from (channel + ts) so that the answer can update it.
 */
import type { ChatForm, FormField } from '../../message.js';
import { t, type Locale } from '../../../i18n/index.js';
import { SLACK_LIMITS } from './limits.js';
import { mrkdwn, plain } from './mrkdwn.js';
import type { SlackBlock, SlackView } from './types.js';

export const FIELD_ACTION_ID = 'value';

/** What a modal carries back in its private_metadata. */
export interface FormMetadata {
  /** The form's value (JSON string). */
  readonly v: string;
  /** The channel and ts of the message the form was opened from, when there is one. */
  readonly c?: string;
  readonly ts?: string;
  /** 1 when opened from the Home tab (republished after the submission). */
  readonly h?: 1;
}

function element(field: FormField): Record<string, unknown> {
  switch (field.kind) {
    case 'select': {
      const options = field.options.slice(0, SLACK_LIMITS.options).map((o) => ({ text: plain(o.label, SLACK_LIMITS.optionText), value: o.value }));
      const initial = options.find((o) => o.value === field.initial);
      return { type: 'static_select', action_id: FIELD_ACTION_ID, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'date':
      return { type: 'datepicker', action_id: FIELD_ACTION_ID, ...(field.initial ? { initial_date: field.initial } : {}) };
    default:
      return {
        type: 'plain_text_input',
        action_id: FIELD_ACTION_ID,
        multiline: field.kind === 'textarea',
        max_length: field.maxLength,
        ...(field.initial ? { initial_value: field.initial.slice(0, field.maxLength) } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder, SLACK_LIMITS.placeholder) } : {}),
      };
  }
}

export function encodeFormMetadata(metadata: FormMetadata): string {
  const full = JSON.stringify(metadata);
  if (full.length <= SLACK_LIMITS.privateMetadata) return full;
  const bare = JSON.stringify({ v: metadata.v, ...(metadata.h ? { h: metadata.h } : {}) });
  if (bare.length <= SLACK_LIMITS.privateMetadata) return bare;
  throw new Error('form value too long for a Slack modal');
}

export function renderForm(
  form: ChatForm,
  locale: Locale,
  origin: { channel?: string | undefined; ts?: string | undefined; inView?: boolean | undefined } = {},
): SlackView {
  const blocks: SlackBlock[] = [];
  if (form.intro) blocks.push({ type: 'section', text: mrkdwn(form.intro, SLACK_LIMITS.sectionText) });
  for (const field of form.fields.slice(0, SLACK_LIMITS.viewBlocks - blocks.length)) {
    blocks.push({
      type: 'input',
      block_id: field.id,
      optional: !field.required,
      label: plain(field.label, SLACK_LIMITS.inputLabel),
      element: element(field),
    });
  }
  return {
    type: 'modal',
    callback_id: form.actionId,
    title: plain(form.title, SLACK_LIMITS.viewTitle),
    submit: plain(form.submitLabel, SLACK_LIMITS.viewTitle),
    close: plain(t(locale, 'slack.modal.close'), SLACK_LIMITS.viewTitle),
    private_metadata: encodeFormMetadata({
      v: form.value,
      ...(origin.channel && origin.ts ? { c: origin.channel, ts: origin.ts } : {}),
      ...(origin.inView ? { h: 1 as const } : {}),
    }),
    blocks,
  };
}
