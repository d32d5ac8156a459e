/** Signed Slack requests, built like Slack's (the shapes test/adapters/slack/slack-world.ts posts). */
import { createHmac, randomUUID } from 'node:crypto';
import type { LoadRequest } from './load.js';

type Json = Record<string, unknown>;

export function slackSignature(body: string, timestamp: number, secret: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The interactive elements of posted Block Kit blocks, in order. */
export function blockElements(blocks: readonly unknown[]): Json[] {
  const out: Json[] = [];
  for (const block of blocks as Json[]) {
    if (block.type === 'section' && block.accessory) out.push(block.accessory as Json);
    if (block.type === 'actions') out.push(...(block.elements as Json[]));
  }
  return out;
}

export interface ButtonClick {
  readonly user: string;
  readonly teamId: string;
  readonly channel: string;
  readonly ts: string;
  readonly element: Json;
}

let sequence = 0;

/** A new, validly signed block_actions POST of `click` (its own action_ts and trigger_id). */
export function signedBlockAction(click: ButtonClick, secret: string): LoadRequest {
  sequence += 1;
  const action: Json = { type: click.element.type, action_id: click.element.action_id, block_id: 'b1', action_ts: `${Date.now() / 1000}.${sequence}` };
  if (click.element.value !== undefined) action.value = click.element.value;
  const payload = {
    type: 'block_actions',
    user: { id: click.user, team_id: click.teamId },
    team: { id: click.teamId },
    api_app_id: 'A0RITUEL',
    token: 'verification-token',
    trigger_id: `trigger-${randomUUID()}`,
    response_url: 'http://127.0.0.1:1/unused',
    container: { type: 'message', channel_id: click.channel, message_ts: click.ts, is_ephemeral: false },
    channel: { id: click.channel },
    message: { ts: click.ts },
    actions: [action],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    path: '/slack/events',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(body, timestamp, secret) },
    body,
  };
}
