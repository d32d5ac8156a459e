/**
 * Neutral messages into Block Kit, one neutral block for one Slack block, within Slack's limits:
 * texts too long are cut (with "…"), a message with more blocks than Slack takes ends with a
 * context block saying how many were left out; nothing makes the renderer fail.
 */
import type { ChatBlock, ChatElement, ChatMessage } from '../../message.js';
import { t, type Locale } from '../../../i18n/index.js';
import { encodeActionId } from './action-id.js';
import { SLACK_LIMITS } from './limits.js';
import { escapeMrkdwn, fit, mrkdwn, plain } from './mrkdwn.js';
import type { SlackBlock, SlackMessagePayload } from './types.js';

/** Link buttons make no interaction: their action id says so (neutral ids cannot contain ':'). */
export const LINK_ACTION_PREFIX = 'link:';

type Occurrences = Map<string, number>;

function renderElement(element: ChatElement, seen: Occurrences): Record<string, unknown> | null {
  const occurrence = seen.get(element.actionId) ?? 0;
  seen.set(element.actionId, occurrence + 1);
  if (element.type === 'button') {
    if (element.url) {
      return {
        type: 'button',
        action_id: fit(`${LINK_ACTION_PREFIX}${element.actionId}#${occurrence}`, SLACK_LIMITS.actionId),
        text: plain(element.label, SLACK_LIMITS.buttonText),
        url: element.url,
        ...(element.style ? { style: element.style } : {}),
      };
    }
    const actionId = encodeActionId(element.actionId, occurrence);
    if (!actionId) return null;
    return {
      type: 'button',
      action_id: actionId,
      text: plain(element.label, SLACK_LIMITS.buttonText),
      value: element.value,
      ...(element.style ? { style: element.style } : {}),
    };
  }
  const actionId = encodeActionId(element.actionId, occurrence, element.value);
  if (!actionId) return null;
  if (element.type === 'select') {
    const options = element.options.slice(0, SLACK_LIMITS.options).map((o) => ({ text: plain(o.label, SLACK_LIMITS.optionText), value: o.value }));
    const initial = options.find((o) => o.value === element.initial);
    return {
      type: 'static_select',
      action_id: actionId,
      placeholder: plain(element.placeholder, SLACK_LIMITS.placeholder),
      options,
      ...(initial ? { initial_option: initial } : {}),
    };
  }
  return {
    type: 'datepicker',
    action_id: actionId,
    placeholder: plain(element.placeholder, SLACK_LIMITS.placeholder),
    ...(element.initial ? { initial_date: element.initial } : {}),
  };
}

function unavailable(locale: Locale): SlackBlock {
  return { type: 'context', elements: [mrkdwn(t(locale, 'slack.selectTooLong'), SLACK_LIMITS.sectionText)] };
}

/** One neutral block as Slack blocks (one, or two when an element could not be rendered). */
export function renderBlock(block: ChatBlock, locale: Locale): SlackBlock[] {
  switch (block.type) {
    case 'header':
      return [{ type: 'header', text: plain(block.text, SLACK_LIMITS.headerText) }];
    case 'section': {
      const text = mrkdwn(block.text === '' ? ' ' : block.text, SLACK_LIMITS.sectionText);
      if (!block.accessory) return [{ type: 'section', text }];
      const accessory = renderElement(block.accessory, new Map());
      return accessory ? [{ type: 'section', text, accessory }] : [{ type: 'section', text }, unavailable(locale)];
    }
    case 'fields':
      return [
        {
          type: 'section',
          fields: block.fields.slice(0, SLACK_LIMITS.fields).map((f) => ({
            type: 'mrkdwn',
            text: fit(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText),
            verbatim: true,
          })),
        },
      ];
    case 'context':
      return [{ type: 'context', elements: [mrkdwn(block.text === '' ? ' ' : block.text, SLACK_LIMITS.sectionText)] }];
    case 'divider':
      return [{ type: 'divider' }];
    case 'image':
      return [
        {
          type: 'image',
          image_url: block.url,
          alt_text: fit(block.alt, 2000),
          ...(block.title ? { title: plain(block.title, 2000) } : {}),
        },
      ];
    case 'actions': {
      const seen: Occurrences = new Map();
      const elements = block.elements.slice(0, SLACK_LIMITS.actionsElements).map((e) => renderElement(e, seen));
      const rendered = elements.filter((e): e is Record<string, unknown> => e !== null);
      const blocks: SlackBlock[] = rendered.length > 0 ? [{ type: 'actions', elements: rendered }] : [];
      if (rendered.length < elements.length) blocks.push(unavailable(locale));
      return blocks;
    }
  }
}

/** Neutral blocks into at most `maxBlocks` Slack blocks (the last one says what was left out). */
export function renderBlocks(blocks: readonly ChatBlock[], locale: Locale, maxBlocks: number): SlackBlock[] {
  const out: SlackBlock[] = [];
  for (const [index, block] of blocks.entries()) {
    const rendered = renderBlock(block, locale);
    if (out.length + rendered.length > maxBlocks - 1 && index < blocks.length - 1) {
      const left = blocks.length - index;
      out.push({ type: 'context', elements: [mrkdwn(t(locale, 'slack.moreBlocks', { count: left }), SLACK_LIMITS.sectionText)] });
      return out;
    }
    if (out.length + rendered.length > maxBlocks) return out;
    out.push(...rendered);
  }
  return out;
}

/** A neutral message as chat.postMessage / chat.update arguments (`text` is the notification text). */
export function renderMessage(message: ChatMessage, locale: Locale): SlackMessagePayload {
  const blocks = renderBlocks(message.blocks, locale, SLACK_LIMITS.messageBlocks);
  const text = fit(escapeMrkdwn(message.text), SLACK_LIMITS.sectionText);
  // A message without blocks shows its text (Slack displays `text` then).
  return { text, blocks };
}
