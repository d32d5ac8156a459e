/**
 * The message activities Rituel sends to Teams (plain objects: what TurnContext.sendActivity and
 * updateActivity take): a neutral message or a form as one Adaptive Card, a notice as text.
 */
import type { FieldError } from '../interaction.js';
import type { ChatForm, ChatMessage } from '../message.js';
import type { Locale } from '../../i18n/index.js';
import { cardAttachment, renderFormCard, renderMessageCard, toCardMarkdown, type AdaptiveCard } from './adaptive-card.js';

export interface MessageActivity {
  type: 'message';
  id?: string;
  text?: string;
  textFormat?: 'markdown' | 'plain';
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
}

export function cardActivity(card: AdaptiveCard, summary: string): MessageActivity {
  return { type: 'message', summary: summary.slice(0, 250), attachments: [cardAttachment(card)] };
}

export function messageActivity(message: ChatMessage, locale: Locale): MessageActivity {
  return cardActivity(renderMessageCard(message, locale), message.text);
}

export function formActivity(
  form: ChatForm,
  locale: Locale,
  options: { fieldErrors?: readonly FieldError[]; values?: Readonly<Record<string, string>> } = {},
): MessageActivity {
  return cardActivity(renderFormCard(form, locale, options), form.title);
}

export function noticeActivity(text: string): MessageActivity {
  return { type: 'message', text: toCardMarkdown(text), textFormat: 'markdown' };
}
