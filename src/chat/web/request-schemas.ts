/** The zod schemas of everything the web chat API reads from a request (query strings and JSON bodies). */
import { z } from 'zod';
import { cleanText } from '../clean-text.js';
import { MAX_VALUE_LENGTH } from '../message.js';

/** Ids of stored records (Person, WebMessage): any UUID PostgreSQL accepts. */
const recordId = z.guid();
/** Client-generated idempotency keys (crypto.randomUUID()). */
const clickId = z.uuid();
const actionId = z.string().regex(/^[a-z][a-z0-9_.-]{0,254}$/, 'expected an action id');

export const MAX_COMMAND_LENGTH = 500;
const MAX_FORM_FIELDS = 40;
const MAX_FIELD_VALUE_LENGTH = 3000;

export const messagesQuerySchema = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
});

export const textsQuerySchema = z.object({
  locale: z.enum(['fr', 'en']).optional(),
});

const interactionCommon = {
  id: clickId,
  personId: recordId,
  messageId: recordId.optional(),
  actionId,
  value: z.string().max(MAX_VALUE_LENGTH),
};

export const interactionBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...interactionCommon,
    kind: z.literal('action'),
    selected: z.string().max(200).optional(),
  }),
  z.strictObject({
    ...interactionCommon,
    kind: z.literal('form'),
    fields: z
      .record(z.string().min(1).max(64), z.string().max(MAX_FIELD_VALUE_LENGTH))
      .refine((fields) => Object.keys(fields).length <= MAX_FORM_FIELDS, `at most ${MAX_FORM_FIELDS} fields`)
      .default({}),
  }),
]);

export type InteractionBody = z.infer<typeof interactionBodySchema>;

export const commandBodySchema = z.strictObject({
  id: clickId,
  personId: recordId,
  // Stored as the person's message: without what PostgreSQL cannot store (src/chat/clean-text.ts).
  text: z.string().transform(cleanText).pipe(z.string().trim().min(1).max(MAX_COMMAND_LENGTH)),
});

export const demoTickBodySchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
});

export const demoTriggerBodySchema = z.strictObject({
  personId: recordId,
  ritual: z.string().min(1).max(64),
});
