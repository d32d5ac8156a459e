/**
 * Slack's inbound payloads into neutral Interactions: a block action (button, select, date
 * picker), a modal submission, a slash command or a direct message. The payloads are checked with
 * zod; anything else is not ours (null).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ActionInteraction, ChatActor, CommandInteraction, FormInteraction } from '../../interaction.js';
import { decodeActionId } from './action-id.js';
import { LINK_ACTION_PREFIX } from './render-message.js';
import { FIELD_ACTION_ID, type FormMetadata } from './render-form.js';

const userSchema = z.object({ id: z.string().min(1), team_id: z.string().optional() });

export const blockActionBodySchema = z.object({
  type: z.literal('block_actions'),
  user: userSchema,
  team: z.object({ id: z.string() }).nullish(),
  trigger_id: z.string().optional(),
  container: z
    .object({ type: z.string(), channel_id: z.string().optional(), message_ts: z.string().optional(), view_id: z.string().optional() })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  view: z.object({ id: z.string(), type: z.string() }).optional(),
});

export const blockActionSchema = z.object({
  type: z.string(),
  action_id: z.string().min(1),
  action_ts: z.string().min(1),
  value: z.string().optional(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_date: z.string().nullish(),
});

export type BlockActionBody = z.infer<typeof blockActionBodySchema>;

/** Where a block action happened: the message (channel + ts) or a view (Home tab, modal). */
export interface ActionOrigin {
  readonly channel: string | undefined;
  readonly ts: string | undefined;
  readonly inView: boolean;
}

/** The workspace an event envelope names, when it names one as Slack does (a string). */
export function envelopeTeamId(body: { team_id?: unknown }, fallback: string): string {
  return typeof body.team_id === 'string' && body.team_id !== '' ? body.team_id : fallback;
}

export function actorOf(user: { id: string; team_id?: string | undefined }, teamId: string | undefined): ChatActor {
  return { platform: 'SLACK', teamId: user.team_id ?? teamId ?? '', externalId: user.id };
}

export function originOf(body: BlockActionBody): ActionOrigin {
  return {
    channel: body.container?.channel_id ?? body.channel?.id,
    ts: body.container?.message_ts,
    inView: body.container?.type === 'view' || body.view !== undefined,
  };
}

/**
 * The interaction a block action stands for; null for a link button (Slack posts those too), and
 * for a payload that is not the shape Slack sends (nothing to act on: the listener ignores it).
 */
export function parseBlockAction(rawBody: unknown, rawAction: unknown): ActionInteraction | null {
  const parsedBody = blockActionBodySchema.safeParse(rawBody);
  const parsedAction = blockActionSchema.safeParse(rawAction);
  if (!parsedBody.success || !parsedAction.success) return null;
  const body = parsedBody.data;
  const action = parsedAction.data;
  if (action.action_id.startsWith(LINK_ACTION_PREFIX)) return null;
  const { actionId, value } = decodeActionId(action.action_id);
  const origin = originOf(body);
  const selected = action.type === 'static_select' ? action.selected_option?.value : action.type === 'datepicker' ? action.selected_date ?? undefined : undefined;
  return {
    id: `${body.user.id}:${action.action_ts}`,
    kind: 'action',
    actor: actorOf(body.user, body.team?.id),
    ...(origin.channel && origin.ts ? { messageId: `${origin.channel}:${origin.ts}` } : {}),
    actionId,
    value: value ?? action.value ?? '',
    ...(selected !== undefined ? { selected } : {}),
  };
}

const inputStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_date: z.string().nullish(),
});

export const viewSubmissionBodySchema = z.object({
  type: z.literal('view_submission'),
  user: userSchema,
  team: z.object({ id: z.string() }).nullish(),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string().min(1),
    private_metadata: z.string().optional(),
    hash: z.string().optional(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), inputStateSchema)) }),
  }),
});

const metadataSchema = z.object({ v: z.string(), c: z.string().optional(), ts: z.string().optional(), h: z.literal(1).optional() });

export function readFormMetadata(privateMetadata: string | undefined): FormMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(privateMetadata ?? ''));
    if (!parsed.success) return null;
    const { v, c, ts, h } = parsed.data;
    return { v, ...(c !== undefined ? { c } : {}), ...(ts !== undefined ? { ts } : {}), ...(h !== undefined ? { h } : {}) };
  } catch {
    return null;
  }
}

/** A modal submission; null when the modal is not one of Rituel's forms (or not the shape Slack sends). */
export function parseViewSubmission(rawBody: unknown): { interaction: FormInteraction; metadata: FormMetadata } | null {
  const parsed = viewSubmissionBodySchema.safeParse(rawBody);
  if (!parsed.success) return null;
  const body = parsed.data;
  const metadata = readFormMetadata(body.view.private_metadata);
  if (!metadata) return null;
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(body.view.state.values)) {
    const input = actions[FIELD_ACTION_ID];
    if (!input) continue;
    const value = input.selected_option?.value ?? input.selected_date ?? input.value ?? '';
    if (value !== '') fields[blockId] = value;
  }
  // The same submission retried by Slack has the same id; a corrected one (after field errors) another.
  const digest = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 16);
  return {
    interaction: {
      id: `view:${body.view.id}:${digest}`,
      kind: 'form',
      actor: actorOf(body.user, body.team?.id),
      ...(metadata.c && metadata.ts ? { messageId: `${metadata.c}:${metadata.ts}` } : {}),
      actionId: body.view.callback_id,
      value: metadata.v,
      fields,
    },
    metadata,
  };
}

export const commandBodySchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  team_id: z.string().default(''),
  trigger_id: z.string().min(1),
  channel_id: z.string().optional(),
});

/** The typed command; null when the request is not the shape Slack sends (no user, no trigger). */
export function parseSlashCommand(rawBody: unknown): CommandInteraction | null {
  const parsed = commandBodySchema.safeParse(rawBody);
  if (!parsed.success) return null;
  const body = parsed.data;
  return {
    id: `command:${body.trigger_id}`,
    kind: 'command',
    actor: { platform: 'SLACK', teamId: body.team_id, externalId: body.user_id },
    text: body.text.trim() === '' ? 'help' : body.text,
  };
}

export const directMessageEventSchema = z.object({
  type: z.literal('message'),
  channel_type: z.literal('im'),
  channel: z.string(),
  user: z.string().min(1),
  user_team: z.string().optional(),
  team: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  client_msg_id: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

/** A person's direct message to the bot (not the bot's own, not an edit). */
export function parseDirectMessage(rawEvent: unknown, teamId: string | undefined): { interaction: CommandInteraction; channel: string } | null {
  const parsed = directMessageEventSchema.safeParse(rawEvent);
  if (!parsed.success) return null;
  const event = parsed.data;
  if (event.subtype !== undefined || event.bot_id !== undefined || event.text.trim() === '') return null;
  return {
    interaction: {
      id: `message:${event.channel}:${event.ts}`,
      kind: 'command',
      actor: { platform: 'SLACK', teamId: event.user_team ?? event.team ?? teamId ?? '', externalId: event.user },
      text: event.text.replace(/<[^>]*>/g, ' '),
    },
    channel: event.channel,
  };
}
