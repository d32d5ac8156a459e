/**
 * Slack action ids of neutral elements. Slack wants action ids unique within a block, and selects
 * and date pickers carry no value of their own: the rendered id is the stable neutral action id,
 * then `#<n>` when the block holds it more than once, then `|<value>` for a select or a date (its
 * neutral value, the record ids it acts on). Neutral action ids never contain `#` nor `|`.
 */
import { SLACK_LIMITS } from './limits.js';

export function encodeActionId(actionId: string, occurrence: number, value?: string): string | null {
  const id = `${actionId}${occurrence > 0 ? `#${occurrence}` : ''}${value !== undefined ? `|${value}` : ''}`;
  return id.length <= SLACK_LIMITS.actionId ? id : null;
}

export function decodeActionId(slackActionId: string): { actionId: string; value: string | undefined } {
  const bar = slackActionId.indexOf('|');
  const head = bar === -1 ? slackActionId : slackActionId.slice(0, bar);
  const value = bar === -1 ? undefined : slackActionId.slice(bar + 1);
  return { actionId: head.replace(/#\d+$/, ''), value };
}
