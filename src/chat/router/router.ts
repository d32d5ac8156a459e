/**
 * The interaction router: every click, form submission and text command from any platform goes
 * through `handle`. It resolves the person, handles each interaction id once (a repeat gets the
 * first answer), validates the payload with zod, routes it to the ritual handler registered for
 * its action id or command word, and always answers: a refusal or an unexpected failure becomes a
 * clear notice in the person's language, and nothing is changed.
 */
import type { Db } from '../../db/client.js';
import { isCodedError } from '../../errors.js';
import { t, type Locale } from '../../i18n/index.js';
import { describeErrorLines } from '../../i18n/problems.js';
import type { Logger } from '../../log.js';
import type { ChatPlatform, Interaction, InteractionResult } from '../interaction.js';
import { resolveActingPerson } from './acting-person.js';
import type { CommandDefinition, HandlerContext, InteractionDefinition } from './definitions.js';
import { claimInteraction, completeInteraction, releaseInteraction } from './processed-interactions.js';
import { refusal } from './refusal.js';
import { cleanStrings } from '../clean-text.js';

export interface InteractionRouterOptions {
  prisma: Db;
  logger: Logger;
  /** Language of the answer to somebody Rituel does not know. */
  defaultLocale: Locale;
  /** Platforms this process delivers to, in order of preference. */
  platforms: readonly ChatPlatform[];
  definitions: readonly InteractionDefinition[];
  commands: readonly CommandDefinition[];
  /** The command run for an unknown word (the help). */
  fallbackCommand: string;
  now?: () => Date;
}

export interface InteractionRouter {
  handle(interaction: Interaction): Promise<InteractionResult>;
}

/** Lowercase, without accents or a leading "/rituel": what command words are matched against. */
export function normalizeCommand(text: string): { word: string; args: string } {
  const plain = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/^\/?rituel\b\s*/, '');
  const [word = '', ...rest] = plain.split(/\s+/);
  return { word, args: rest.join(' ') };
}

export function createInteractionRouter(options: InteractionRouterOptions): InteractionRouter {
  const { prisma, logger } = options;
  const now = options.now ?? (() => new Date());
  const definitions = new Map(options.definitions.map((d) => [`${d.kind}:${d.actionId}`, d]));
  const commandsByWord = new Map<string, CommandDefinition>();
  for (const command of options.commands) for (const word of command.words) commandsByWord.set(word, command);
  const fallback = options.commands.find((c) => c.name === options.fallbackCommand);
  if (!fallback) throw new Error(`the fallback command "${options.fallbackCommand}" is not registered`);

  async function route(ctx: HandlerContext): Promise<InteractionResult> {
    const { interaction } = ctx;
    if (interaction.kind === 'command') {
      const { word, args } = normalizeCommand(interaction.text);
      return (commandsByWord.get(word) ?? fallback!).handle(ctx, args);
    }
    const definition = definitions.get(`${interaction.kind}:${interaction.actionId}`);
    if (!definition) {
      throw refusal('UNKNOWN_ACTION', `Unknown action ${interaction.actionId}`, { action: interaction.actionId.slice(0, 80) });
    }
    const value = definition.value.safeParse(parseJson(interaction.value));
    if (!value.success) throw refusal('INVALID_INTERACTION', `Invalid value for ${interaction.actionId}`);
    if (definition.kind === 'action' && interaction.kind === 'action') {
      return definition.handle(ctx, { value: value.data, selected: interaction.selected });
    }
    if (definition.kind === 'form' && interaction.kind === 'form') {
      return definition.handle(ctx, { value: value.data, fields: interaction.fields });
    }
    throw refusal('INVALID_INTERACTION', 'Interaction kind mismatch');
  }

  return {
    async handle(received) {
      // What PostgreSQL cannot store (NUL, lone surrogates) never reaches a handler nor the stored answer.
      const interaction = cleanStrings(received);
      const person = await resolveActingPerson(prisma, interaction.actor, options.defaultLocale);
      if (!person) {
        logger.warn({ platform: interaction.actor.platform }, 'interaction from an unknown person');
        return refusedResult(options.defaultLocale, refusal('UNKNOWN_PERSON', 'Unknown person'));
      }
      const locale = person.locale;
      const platform = interaction.actor.platform;
      const claim = await claimInteraction(prisma, interaction.actor, interaction.id);
      if (!claim.claimed) {
        if (claim.previous) return { ...claim.previous, duplicate: true };
        return { ...refusedResult(locale, refusal('IN_PROGRESS', 'Interaction in progress')), duplicate: true };
      }
      const ctx: HandlerContext = {
        prisma,
        person,
        locale,
        channel: platform,
        now: now(),
        platforms: options.platforms,
        logger,
        interaction,
      };
      let result: InteractionResult;
      try {
        result = await route(ctx);
      } catch (error) {
        if (isCodedError(error)) {
          // A refusal or a rule of the domain: nothing changed, the person is told why. The id is
          // kept, with this answer: the same payload again gets the same answer.
          result = refusedResult(locale, error);
        } else {
          logger.error({ err: error, action: 'actionId' in interaction ? interaction.actionId : 'command' }, 'interaction failed');
          await releaseInteraction(prisma, interaction.actor, interaction.id).catch(() => undefined);
          return refusedResult(locale, refusal('INTERNAL', 'Unexpected failure'));
        }
      }
      await completeInteraction(prisma, interaction.actor, interaction.id, result);
      return result;
    },
  };
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function refusedResult(locale: Locale, error: { code: string; message: string; params?: Readonly<Record<string, string | number>>; variant?: string | undefined; details?: unknown }): InteractionResult {
  const lines = describeErrorLines(locale, error);
  return { refused: { code: error.code }, notice: lines.length > 0 ? lines.join('\n') : t(locale, 'problem.INTERNAL') };
}
