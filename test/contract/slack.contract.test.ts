/**
 * The shared adapter contract run against Slack: messages go through the Block Kit renderer and
 * must pass the fake Slack's limit checks; clicks are the block_actions payloads Slack would post
 * for the rendered elements, and forms the view_submission of the rendered modal, both parsed by
 * the adapter's own payload parser (the one its Bolt listeners call).
 */
import { describe } from 'vitest';
import type { ChatForm, ChatMessage } from '../../src/chat/message.js';
import { parseBlockAction, parseViewSubmission } from '../../src/chat/slack/block-kit/parse-payload.js';
import { renderForm } from '../../src/chat/slack/block-kit/render-form.js';
import { renderMessage } from '../../src/chat/slack/block-kit/render-message.js';
import { unescapeMrkdwn } from '../../src/chat/slack/block-kit/mrkdwn.js';
import type { SlackBlock, SlackMessagePayload, SlackView } from '../../src/chat/slack/block-kit/types.js';
import { blockKitProblems, viewProblems } from '../helpers/fake-slack.js';
import { viewStateValues } from '../helpers/slack-view-state.js';
import { runAdapterContract, type AdapterContractDriver } from './adapter-contract.js';

type Json = Record<string, unknown>;
let clicks = 0;

function interactiveElements(blocks: readonly SlackBlock[]): Json[] {
  const out: Json[] = [];
  for (const block of blocks) {
    if (block.type === 'section' && block.accessory) out.push(block.accessory as Json);
    if (block.type === 'actions') out.push(...(block.elements as Json[]));
  }
  return out;
}

function texts(blocks: readonly SlackBlock[]): string[] {
  const out: string[] = [];
  const text = (o: unknown) => (o && typeof o === 'object' && 'text' in o ? String((o as Json).text) : '');
  for (const block of blocks) {
    if (block.type === 'header' || block.type === 'section') out.push(text(block.text));
    if (block.type === 'section' && Array.isArray(block.fields)) out.push(...block.fields.map(text));
    if (block.type === 'context') out.push(...(block.elements as unknown[]).map(text));
  }
  return out.map(unescapeMrkdwn);
}

export const slackDriver: AdapterContractDriver<SlackMessagePayload, SlackView> = {
  name: 'slack',
  platform: 'SLACK',
  async renderMessage(message: ChatMessage) {
    const rendered = renderMessage(message, 'fr');
    const problems = blockKitProblems(rendered.blocks, 'message');
    if (problems.length > 0) throw new Error(`Slack would refuse it: ${problems.join('; ')}`);
    return rendered;
  },
  readableText(rendered) {
    return [unescapeMrkdwn(rendered.text), ...texts(rendered.blocks)].join('\n');
  },
  async interact(rendered, index, choice) {
    const element = interactiveElements(rendered.blocks)[index];
    if (!element) throw new Error(`no element #${index} in the rendering`);
    clicks += 1;
    const action: Json = { type: element.type, action_id: element.action_id, block_id: 'b', action_ts: `1780000000.${clicks}` };
    if (element.type === 'button' && element.value !== undefined) action.value = element.value;
    if (element.type === 'static_select') {
      const option = (element.options as Json[]).find((o) => o.value === choice);
      if (!option) throw new Error(`no option ${choice}`);
      action.selected_option = option;
    }
    if (element.type === 'datepicker') action.selected_date = choice;
    const body = {
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T1' },
      team: { id: 'T1' },
      trigger_id: 't.1',
      container: { type: 'message', channel_id: 'D1', message_ts: '1.1' },
      actions: [action],
    };
    return parseBlockAction(body, action);
  },
  async renderForm(form: ChatForm) {
    const view = renderForm(form, 'fr', { channel: 'D1', ts: '1.1' });
    const problems = viewProblems(view);
    if (problems.length > 0) throw new Error(`Slack would refuse it: ${problems.join('; ')}`);
    return view;
  },
  async submitForm(view, values) {
    const state = viewStateValues(view.blocks as SlackBlock[], values, { keepInitial: false });
    const parsed = parseViewSubmission({
      type: 'view_submission',
      user: { id: 'U1', team_id: 'T1' },
      team: { id: 'T1' },
      view: { id: 'V1', callback_id: view.callback_id, private_metadata: view.private_metadata, hash: 'h', state: { values: state } },
    });
    if (!parsed) throw new Error('not a Rituel form');
    return parsed.interaction;
  },
};

describe('adapter contract: Slack', () => {
  runAdapterContract(() => slackDriver);
});
