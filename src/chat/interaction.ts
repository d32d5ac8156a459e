/**
 * What comes back from a person, whatever the platform: a click (button, select, date), a form
 * submission, or a text command ("help", "week", "month", "status"). Adapters build one
 * Interaction per inbound payload and hand it to the InteractionRouter; they apply the
 * InteractionResult the platform's way (chat.update / an invoke response / the web chat row).
 */
import type { Platform } from '../db/generated/client.js';
import type { ChatForm, ChatMessage } from './message.js';

export type ChatPlatform = Platform;

/** Who acted, as the platform knows them (the router resolves it to a Person). */
export interface ChatActor {
  readonly platform: ChatPlatform;
  /** Slack team id, Teams tenant id, '' for the web chat. */
  readonly teamId: string;
  /** Slack user id, Teams AAD object id, Person id for the web chat. */
  readonly externalId: string;
}

interface InteractionBase {
  /**
   * Unique per inbound payload (Slack action identity, Teams activity id, web chat click id): the
   * router handles an id once; a repeat gets the first answer again and changes nothing.
   */
  readonly id: string;
  readonly actor: ChatActor;
  /** The platform's reference of the message that carried the action (opaque to the router). */
  readonly messageId?: string | undefined;
}

export interface ActionInteraction extends InteractionBase {
  readonly kind: 'action';
  readonly actionId: string;
  /** The element's value (JSON string). */
  readonly value: string;
  /** The option chosen in a select, or the date chosen in a date input. */
  readonly selected?: string | undefined;
}

export interface FormInteraction extends InteractionBase {
  readonly kind: 'form';
  readonly actionId: string;
  /** The form's value (JSON string). */
  readonly value: string;
  /** Submitted values by field id (empty fields may be absent). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface CommandInteraction extends InteractionBase {
  readonly kind: 'command';
  /** What the person typed (a DM, a slash command's text, the web chat box). */
  readonly text: string;
}

export type Interaction = ActionInteraction | FormInteraction | CommandInteraction;

/** A problem with a form's fields, shown next to the field (Slack response_action errors, web dialog). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** What the adapter does after the router handled an interaction. Every part is optional. */
export interface InteractionResult {
  /** Replace the message that carried the action (decisive click: the buttons become the outcome). */
  readonly update?: ChatMessage;
  /** New messages to the person, in this conversation, now. */
  readonly replies?: readonly ChatMessage[];
  /** Open this form (Slack modal, Teams card form, web dialog). */
  readonly form?: ChatForm;
  /** A short text for the person only (ephemeral on Slack): a refusal, "already recorded"... */
  readonly notice?: string;
  /** Errors by form field: the form stays open (only for form interactions). */
  readonly fieldErrors?: readonly FieldError[];
  /** The interaction was refused (unknown person, not theirs, invalid input); nothing changed. */
  readonly refused?: { readonly code: string };
  /** A repeat of an interaction already handled: this is the first answer again. */
  readonly duplicate?: boolean;
}
