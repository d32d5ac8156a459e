/**
 * The platform-neutral conversation model. A ritual builds a ChatMessage once; each adapter
 * renders it (Block Kit, Adaptive Card 1.5, HTML) and turns clicks and form submissions back into
 * one neutral Interaction (interaction.ts).
 *
 * Texts are plain text with one light markup: `*bold*`. Adapters escape everything else (the web
 * chat never interprets HTML). Messages are JSON values: they are stored in the outbox as they are.
 *
 * Action ids are stable across versions (buttons on old messages keep working); the record ids an
 * action needs travel in its `value` (a JSON string, at most 2,000 characters: Slack's limit).
 */
import { z } from 'zod';

export const MAX_VALUE_LENGTH = 2000;
export const MAX_TEXT_LENGTH = 3000;
export const MAX_LABEL_LENGTH = 75;
export const MAX_OPTIONS = 100;

const label = z.string().min(1).max(MAX_LABEL_LENGTH);
const text = z.string().max(MAX_TEXT_LENGTH);
const actionId = z.string().regex(/^[a-z][a-z0-9_.-]{0,254}$/);
const value = z.string().max(MAX_VALUE_LENGTH);

export const optionSchema = z.object({ label, value: z.string().min(1).max(150) });

export const buttonSchema = z.object({
  type: z.literal('button'),
  actionId,
  label,
  value,
  style: z.enum(['primary', 'danger']).optional(),
  /**
   * A link button: opens this address (a document, a report) instead of making an interaction.
   * Slack still posts a block_actions payload for it (ack it, nothing else); Teams renders
   * Action.OpenUrl; the web chat an <a>.
   */
  url: z.url().max(3000).optional(),
});

/** A select whose choice is an interaction of its own: `value` is its context, the option its choice. */
export const selectSchema = z.object({
  type: z.literal('select'),
  actionId,
  placeholder: label,
  value,
  options: z.array(optionSchema).min(1).max(MAX_OPTIONS),
  initial: z.string().optional(),
});

/** A date picker whose choice is an interaction of its own ('YYYY-MM-DD'). */
export const dateInputSchema = z.object({
  type: z.literal('date'),
  actionId,
  placeholder: label,
  value,
  initial: z.string().optional(),
});

export const elementSchema = z.discriminatedUnion('type', [buttonSchema, selectSchema, dateInputSchema]);

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), text: z.string().min(1).max(150) }),
  z.object({ type: z.literal('section'), text, accessory: elementSchema.optional() }),
  z.object({
    type: z.literal('fields'),
    fields: z.array(z.object({ label: z.string().max(200), value: z.string().max(2000) })).min(1).max(10),
  }),
  z.object({ type: z.literal('context'), text }),
  z.object({ type: z.literal('actions'), elements: z.array(elementSchema).min(1).max(25) }),
  z.object({ type: z.literal('divider') }),
  /** A picture (a chart): `url` must be reachable by the platform (PUBLIC_URL); `alt` says what it shows. */
  z.object({ type: z.literal('image'), url: z.url().max(3000), alt: z.string().min(1).max(2000), title: z.string().max(150).optional() }),
]);

export const chatMessageSchema = z.object({
  /** Plain text for notifications and clients that cannot show blocks. */
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
  blocks: z.array(blockSchema).max(50),
});

export const formFieldSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('select'),
    id: z.string().min(1).max(64),
    label: z.string().min(1).max(150),
    options: z.array(optionSchema).min(1).max(MAX_OPTIONS),
    initial: z.string().optional(),
    required: z.boolean(),
  }),
  z.object({
    kind: z.enum(['text', 'textarea']),
    id: z.string().min(1).max(64),
    label: z.string().min(1).max(150),
    initial: z.string().max(3000).optional(),
    placeholder: z.string().max(150).optional(),
    required: z.boolean(),
    maxLength: z.number().int().min(1).max(3000),
  }),
  z.object({
    kind: z.literal('date'),
    id: z.string().min(1).max(64),
    label: z.string().min(1).max(150),
    initial: z.string().optional(),
    required: z.boolean(),
  }),
]);

/** A form: a Slack modal, an Adaptive Card with inputs, an HTML dialog. Submitting it is one interaction. */
export const formSchema = z.object({
  actionId,
  /** Context of the submission (record ids), a JSON string like a button value. */
  value,
  title: z.string().min(1).max(24),
  submitLabel: z.string().min(1).max(24),
  intro: text.optional(),
  fields: z.array(formFieldSchema).min(1).max(40),
});

export type ChatOption = z.infer<typeof optionSchema>;
export type ChatButton = z.infer<typeof buttonSchema>;
export type ChatSelect = z.infer<typeof selectSchema>;
export type ChatDateInput = z.infer<typeof dateInputSchema>;
export type ChatElement = z.infer<typeof elementSchema>;
export type ChatBlock = z.infer<typeof blockSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type ChatForm = z.infer<typeof formSchema>;

/** Reads a stored message (outbox payload, web chat row); throws when it is not one. */
export function parseChatMessage(input: unknown): ChatMessage {
  return chatMessageSchema.parse(input);
}

/** Every interactive element of a message, in order (adapters and tests walk them). */
export function elementsOf(message: ChatMessage): ChatElement[] {
  return message.blocks.flatMap((block) => {
    if (block.type === 'actions') return block.elements;
    if (block.type === 'section' && block.accessory) return [block.accessory];
    return [];
  });
}
