/**
 * The neutral chat model as Adaptive Cards 1.5 (what Teams shows): buttons become Action.Execute
 * (Universal Actions: verb = action id, the value in `data`) with an Action.Submit fallback for
 * clients without them, link buttons Action.OpenUrl, selects and date pickers an input followed by
 * its own action, forms a card of inputs with one submit action. `*bold*` becomes markdown bold.
 * Cards stay under MAX_CARD_BYTES (Teams refuses messages over ~100 KB): trailing blocks are
 * dropped, with a note, when a message is larger.
 *
 * Pure functions, no botbuilder import: the payload shapes are plain JSON.
 */
import type { FieldError } from '../interaction.js';
import type { ChatBlock, ChatElement, ChatForm, ChatMessage, FormField } from '../message.js';
import { t, type Locale } from '../../i18n/index.js';
import { cardData, FORM_INPUT_PREFIX, SELECT_INPUT_PREFIX, type CardData } from './card-data.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MAX_CARD_BYTES = 80_000;

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  readonly msteams: { readonly width: 'Full' };
}

export interface CardAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  readonly content: AdaptiveCard;
}

/** `*bold*` (the neutral markup) as Adaptive Card markdown (`**bold**`). */
export function toCardMarkdown(text: string): string {
  return text.replace(/(^|[^*\w])\*([^*\n]+)\*(?=[^*\w]|$)/g, '$1**$2**');
}

function card(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/** An Action.Execute (verb = action id) with its Action.Submit fallback carrying the same data. */
export function executeAction(title: string, data: CardData, style?: 'primary' | 'danger'): CardElement {
  const cardStyle = style === 'primary' ? 'positive' : style === 'danger' ? 'destructive' : undefined;
  const payload = { rituel: data };
  return {
    type: 'Action.Execute',
    title,
    verb: data.a,
    data: payload,
    ...(cardStyle ? { style: cardStyle } : {}),
    fallback: { type: 'Action.Submit', title, data: payload, ...(cardStyle ? { style: cardStyle } : {}) },
  };
}

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: toCardMarkdown(text), wrap: true, ...extra };
}

interface RenderState {
  inputs: number;
  separator: boolean;
}

function elementParts(element: ChatElement, locale: Locale, state: RenderState): { inputs: CardElement[]; actions: CardElement[] } {
  if (element.type === 'button') {
    if (element.url) return { inputs: [], actions: [{ type: 'Action.OpenUrl', title: element.label, url: element.url }] };
    return { inputs: [], actions: [executeAction(element.label, cardData('action', element.actionId, element.value), element.style)] };
  }
  state.inputs += 1;
  const id = `${SELECT_INPUT_PREFIX}${state.inputs}`;
  const input: CardElement =
    element.type === 'select'
      ? {
          type: 'Input.ChoiceSet',
          id,
          style: 'compact',
          placeholder: element.placeholder,
          choices: element.options.map((o) => ({ title: o.label, value: o.value })),
          ...(element.initial ? { value: element.initial } : {}),
        }
      : { type: 'Input.Date', id, label: element.placeholder, ...(element.initial ? { value: element.initial } : {}) };
  return { inputs: [input], actions: [executeAction(t(locale, 'teams.choose'), { ...cardData('action', element.actionId, element.value), i: id })] };
}

/** The card elements of one block (an input and its action set for a select...). */
function blockElements(block: ChatBlock, locale: Locale, state: RenderState): CardElement[] {
  const out: CardElement[] = [];
  const elements = (list: readonly ChatElement[]) => {
    let buttons: CardElement[] = [];
    const flush = () => {
      if (buttons.length > 0) out.push({ type: 'ActionSet', actions: buttons });
      buttons = [];
    };
    for (const element of list) {
      const parts = elementParts(element, locale, state);
      if (parts.inputs.length > 0) {
        flush();
        out.push(...parts.inputs, { type: 'ActionSet', actions: parts.actions });
      } else buttons.push(...parts.actions);
    }
    flush();
  };
  switch (block.type) {
    case 'header':
      out.push(textBlock(block.text, { size: 'Large', weight: 'Bolder' }));
      break;
    case 'section':
      out.push(textBlock(block.text));
      if (block.accessory) elements([block.accessory]);
      break;
    case 'fields':
      out.push({ type: 'FactSet', facts: block.fields.map((f) => ({ title: f.label, value: f.value })) });
      break;
    case 'context':
      out.push(textBlock(block.text, { isSubtle: true, size: 'Small' }));
      break;
    case 'actions':
      elements(block.elements);
      break;
    case 'divider':
      state.separator = true;
      return [];
    case 'image':
      if (block.title) out.push(textBlock(block.title, { weight: 'Bolder' }));
      out.push({ type: 'Image', url: block.url, altText: block.alt });
      break;
  }
  if (state.separator && out[0]) {
    out[0] = { ...out[0], separator: true, spacing: 'Medium' };
    state.separator = false;
  }
  return out;
}

/** Bytes of a card as sent. */
export function cardBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** A neutral message as one Adaptive Card (trailing blocks dropped, with a note, past MAX_CARD_BYTES). */
export function renderMessageCard(message: ChatMessage, locale: Locale): AdaptiveCard {
  const state: RenderState = { inputs: 0, separator: false };
  const perBlock = message.blocks.map((block) => blockElements(block, locale, state));
  const body = perBlock.flat();
  const full = card(body.length > 0 ? body : [textBlock(message.text)]);
  if (cardBytes(full) <= MAX_CARD_BYTES) return full;
  const note = textBlock(t(locale, 'teams.truncated'), { isSubtle: true, size: 'Small' });
  const kept: CardElement[] = [];
  for (const elements of perBlock) {
    const next = card([...kept, ...elements, note]);
    if (cardBytes(next) > MAX_CARD_BYTES) break;
    kept.push(...elements);
  }
  if (kept.length === 0) kept.push(textBlock(message.text));
  return card([...kept, note]);
}

function fieldInput(field: FormField): CardElement {
  const id = `${FORM_INPUT_PREFIX}${field.id}`;
  const common = { id, label: field.label, isRequired: field.required };
  switch (field.kind) {
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        choices: field.options.map((o) => ({ title: o.label, value: o.value })),
        ...(field.initial ? { value: field.initial } : {}),
      };
    case 'date':
      return { type: 'Input.Date', ...common, ...(field.initial ? { value: field.initial } : {}) };
    default:
      return {
        type: 'Input.Text',
        ...common,
        isMultiline: field.kind === 'textarea',
        maxLength: field.maxLength,
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(field.initial ? { value: field.initial } : {}),
      };
  }
}

/**
 * A form as a card of inputs and one submit action (the form travels in the action's data, so
 * that a submission refused field by field shows the same card again with its errors).
 * `values` are what the person typed, kept when the card comes back with errors.
 */
export function renderFormCard(
  form: ChatForm,
  locale: Locale,
  options: { fieldErrors?: readonly FieldError[]; values?: Readonly<Record<string, string>> } = {},
): AdaptiveCard {
  const errors = options.fieldErrors ?? [];
  const body: CardElement[] = [textBlock(form.title, { size: 'Medium', weight: 'Bolder' })];
  if (form.intro) body.push(textBlock(form.intro));
  if (errors.length > 0) body.push(textBlock(t(locale, 'teams.fieldErrors'), { color: 'Attention', weight: 'Bolder' }));
  for (const field of form.fields) {
    const typed = options.values?.[field.id];
    body.push(fieldInput(typed === undefined ? field : ({ ...field, initial: typed } as FormField)));
    for (const error of errors.filter((e) => e.field === field.id)) {
      body.push(textBlock(error.message, { color: 'Attention', size: 'Small', spacing: 'None' }));
    }
  }
  const orphan = errors.filter((e) => !form.fields.some((f) => f.id === e.field));
  for (const error of orphan) body.push(textBlock(error.message, { color: 'Attention', size: 'Small' }));
  return card(body, [executeAction(form.submitLabel, { ...cardData('form', form.actionId, form.value), form }, 'primary')]);
}

export function cardAttachment(content: AdaptiveCard): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}
