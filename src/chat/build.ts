/**
 * Small builders of neutral messages, so that rituals read as what they say. Values are encoded
 * as JSON here, decoded and validated with zod by the router.
 */
import type { ChatBlock, ChatButton, ChatElement, ChatMessage, ChatOption, ChatSelect } from './message.js';

export function encodeValue(value: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(value);
}

export function button(
  actionId: string,
  label: string,
  value: Readonly<Record<string, unknown>>,
  style?: ChatButton['style'],
): ChatButton {
  return { type: 'button', actionId, label, value: encodeValue(value), ...(style ? { style } : {}) };
}

export function select(
  actionId: string,
  placeholder: string,
  value: Readonly<Record<string, unknown>>,
  options: ChatOption[],
  initial?: string,
): ChatSelect {
  return { type: 'select', actionId, placeholder, value: encodeValue(value), options, ...(initial ? { initial } : {}) };
}

export const header = (text: string): ChatBlock => ({ type: 'header', text });
export const section = (text: string, accessory?: ChatElement): ChatBlock =>
  accessory ? { type: 'section', text, accessory } : { type: 'section', text };
export const context = (text: string): ChatBlock => ({ type: 'context', text });
export const divider = (): ChatBlock => ({ type: 'divider' });
export const fields = (list: { label: string; value: string }[]): ChatBlock => ({ type: 'fields', fields: list });
export const actions = (...elements: ChatElement[]): ChatBlock => ({ type: 'actions', elements });

export function message(text: string, blocks: ChatBlock[]): ChatMessage {
  return { text, blocks };
}

/** A message of one paragraph. */
export function textMessage(text: string): ChatMessage {
  return { text, blocks: [{ type: 'section', text }] };
}
