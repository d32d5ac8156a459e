/**
 * What Rituel's card actions carry (`data.rituel` of an Action.Execute / Action.Submit), and how
 * an inbound click (an `adaptiveCard/action` invoke, or a message whose `value` holds the data and
 * the card's inputs) becomes the neutral Interaction the router handles.
 */
import { z } from 'zod';
import { formSchema, type ChatForm } from '../message.js';
import type { ChatActor, Interaction } from '../interaction.js';

/** Input ids of a select or date picker of a message card. */
export const SELECT_INPUT_PREFIX = 'rituel_in_';
/** Input ids of a form card's fields (then the field id). */
export const FORM_INPUT_PREFIX = 'rituel_f_';

export interface CardData {
  /** An element's click or a form's submission. */
  readonly k: 'action' | 'form';
  /** Action id. */
  readonly a: string;
  /** Its value (JSON string). */
  readonly v: string;
  /** The input whose value is the selection (selects, date pickers). */
  readonly i?: string;
  /** The form itself (form cards): shown again with its errors. */
  readonly form?: ChatForm;
}

export function cardData(k: CardData['k'], a: string, v: string): CardData {
  return { k, a, v };
}

const cardDataSchema = z.object({
  k: z.enum(['action', 'form']),
  a: z.string().min(1).max(255),
  v: z.string().max(2000),
  i: z.string().max(64).optional(),
  form: formSchema.optional(),
});

/** A click of one of Rituel's cards, read from the data Teams sent back (inputs included). */
export interface CardClick {
  readonly data: CardData;
  /** Every input of the card, by id (strings only). */
  readonly inputs: Readonly<Record<string, string>>;
}

/** Null when `payload` is not the data of one of Rituel's actions. */
export function readCardClick(payload: unknown): CardClick | null {
  if (!payload || typeof payload !== 'object') return null;
  const record = payload as Record<string, unknown>;
  const parsed = cardDataSchema.safeParse(record.rituel);
  if (!parsed.success) return null;
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'rituel' && typeof value === 'string') inputs[key] = value;
  }
  const { i, form, ...rest } = parsed.data;
  return { data: { ...rest, ...(i ? { i } : {}), ...(form ? { form } : {}) }, inputs };
}

/** The neutral interaction of a card click. */
export function interactionOfClick(click: CardClick, options: { id: string; actor: ChatActor; messageId?: string | undefined }): Interaction {
  const base = { id: options.id, actor: options.actor, messageId: options.messageId };
  const { data, inputs } = click;
  if (data.k === 'form') {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(inputs)) {
      if (key.startsWith(FORM_INPUT_PREFIX) && value.trim() !== '') fields[key.slice(FORM_INPUT_PREFIX.length)] = value;
    }
    return { ...base, kind: 'form', actionId: data.a, value: data.v, fields };
  }
  const selected = data.i ? inputs[data.i] : undefined;
  return { ...base, kind: 'action', actionId: data.a, value: data.v, ...(selected ? { selected } : {}) };
}

/** The values typed in a form card, by field id (to show them again with field errors). */
export function formValues(inputs: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (key.startsWith(FORM_INPUT_PREFIX)) values[key.slice(FORM_INPUT_PREFIX.length)] = value;
  }
  return values;
}
