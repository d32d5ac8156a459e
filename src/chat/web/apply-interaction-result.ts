/**
 * Applies the router's answer the web chat's way: the clicked message is replaced in place, replies
 * (and, for a typed command, its notice) join the conversation, and the page learns what to show
 * (a form, a notice, field errors). A duplicate answer is never applied again.
 */
import type { InteractionResult } from '../interaction.js';
import type { ChatForm, ChatMessage } from '../message.js';
import { MAX_TEXT_LENGTH } from '../message.js';
import { appendMessages, replaceBotMessage, type NewWebMessage } from './conversation-store.js';
import type { WebChatDeps } from './web-chat-deps.js';

/** What the page receives after a click, a form submission or a command. */
export interface WebInteractionAnswer {
  readonly notice?: string;
  readonly form?: ChatForm;
  readonly fieldErrors?: readonly { readonly field: string; readonly message: string }[];
  readonly refused?: { readonly code: string };
  readonly duplicate?: boolean;
}

export function answerOf(result: InteractionResult, options: { withNotice: boolean }): WebInteractionAnswer {
  return {
    ...(options.withNotice && result.notice !== undefined ? { notice: result.notice } : {}),
    ...(result.form ? { form: result.form } : {}),
    ...(result.fieldErrors && result.fieldErrors.length > 0
      ? { fieldErrors: result.fieldErrors.map(({ field, message }) => ({ field, message })) }
      : {}),
    ...(result.refused ? { refused: { code: result.refused.code } } : {}),
    ...(result.duplicate ? { duplicate: true } : {}),
  };
}

/** A notice as a plain bot message (for typed commands, whose answer belongs in the conversation). */
export function noticeMessage(notice: string): ChatMessage {
  const text = notice.length > MAX_TEXT_LENGTH ? `${notice.slice(0, MAX_TEXT_LENGTH - 1)}…` : notice;
  return { text, blocks: [{ type: 'section', text }] };
}

export interface ApplyOptions {
  readonly personId: string;
  /** The bot message that carried the action, already checked to be the person's. */
  readonly messageId: string | undefined;
  /** Messages to write before the replies (the command the person typed). */
  readonly before?: readonly NewWebMessage[];
  /** Store the notice as a bot message too (typed commands). */
  readonly noticeAsMessage: boolean;
}

/** Writes what the result asks for; tells the live streams when something changed. */
export async function applyInteractionResult(deps: WebChatDeps, result: InteractionResult, options: ApplyOptions): Promise<void> {
  if (result.duplicate) return;
  const { prisma, logger, events } = deps;
  let changed = false;
  if (result.update) {
    if (options.messageId && (await replaceBotMessage(prisma, options.personId, options.messageId, result.update))) changed = true;
    else logger.warn({ hasMessageId: options.messageId !== undefined }, 'web chat: update without a message of this person to replace');
  }
  const added: NewWebMessage[] = [...(options.before ?? [])];
  for (const reply of result.replies ?? []) added.push({ author: 'BOT', message: reply });
  if (options.noticeAsMessage && result.notice) added.push({ author: 'BOT', message: noticeMessage(result.notice) });
  if (added.length > 0) {
    await appendMessages(prisma, options.personId, added, deps.now());
    changed = true;
  }
  if (changed) events.changed(options.personId);
}
