/**
 * What rituals register with the interaction router: actions (clicks and form submissions, by
 * stable action id) and text commands. Handlers receive validated input and the person who acted;
 * they check that the records named belong to that person (throw `refusal(...)` otherwise) and
 * return what to show.
 */
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Channel } from '../../db/generated/client.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../log.js';
import type { ChatPlatform, Interaction, InteractionResult } from '../interaction.js';
import type { ActingPerson } from './acting-person.js';

/** What every handler can use besides its input. */
export interface HandlerContext {
  readonly prisma: Db;
  readonly person: ActingPerson;
  readonly locale: Locale;
  /** Where the interaction came from, for the audit trail. */
  readonly channel: Channel;
  readonly now: Date;
  /** Platforms this process delivers to, in order of preference (outbox rows pick the first the person has). */
  readonly platforms: readonly ChatPlatform[];
  readonly logger: Logger;
  readonly interaction: Interaction;
}

export interface ActionInput<V> {
  readonly value: V;
  /** The option chosen in a select, the date chosen in a date input. */
  readonly selected?: string | undefined;
}

export interface FormInput<V> {
  readonly value: V;
  readonly fields: Readonly<Record<string, string>>;
}

/** A click handler: `value` validates the element's JSON value. */
export interface ActionDefinition<V = unknown> {
  readonly kind: 'action';
  readonly actionId: string;
  readonly value: z.ZodType<V>;
  handle(ctx: HandlerContext, input: ActionInput<V>): Promise<InteractionResult>;
}

/** A form submission handler: `value` validates the form's JSON value; fields are the handler's to check. */
export interface FormDefinition<V = unknown> {
  readonly kind: 'form';
  readonly actionId: string;
  readonly value: z.ZodType<V>;
  handle(ctx: HandlerContext, input: FormInput<V>): Promise<InteractionResult>;
}

/** A text command; `words` are what people type for it, in every language ("semaine", "week"). */
export interface CommandDefinition {
  readonly name: string;
  readonly words: readonly string[];
  handle(ctx: HandlerContext, args: string): Promise<InteractionResult>;
}

export type InteractionDefinition = ActionDefinition | FormDefinition;

/** Keeps the value type of a definition while storing it in a list of definitions. */
export function defineAction<V>(definition: Omit<ActionDefinition<V>, 'kind'>): ActionDefinition<V> {
  return { kind: 'action', ...definition };
}

export function defineForm<V>(definition: Omit<FormDefinition<V>, 'kind'>): FormDefinition<V> {
  return { kind: 'form', ...definition };
}
