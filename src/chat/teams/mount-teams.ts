/**
 * Microsoft Teams in Rituel's one HTTP server: POST /api/messages (the bot's messaging endpoint,
 * PUBLIC_URL/api/messages in the Azure Bot registration), and the Teams Messenger the dispatcher
 * delivers through. The app mounts them only when MicrosoftAppId is set (see src/app.ts); tests
 * mount them without an app id, which makes botbuilder skip authentication.
 */
import express, { type Express } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../log.js';
import { requestLocale, sendRequestProblem } from '../../http/request-errors.js';
import { createPacer, type Pacer } from './pacer.js';
import { createTeamsTurnHandler, type TeamsBotOptions } from './teams-bot.js';
import { answerTurnErrors, createTeamsAdapter, type TeamsAuthSettings } from './teams-adapter.js';
import { createTeamsMessenger, type TeamsMessenger } from './teams-messenger.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface MountTeamsOptions extends TeamsBotOptions {
  auth: TeamsAuthSettings;
}

export function mountTeams(app: Express, options: MountTeamsOptions): void {
  const adapter = createTeamsAdapter(options.auth);
  answerTurnErrors(adapter, options.logger, options.defaultLocale);
  const handler = createTeamsTurnHandler(options);
  app.post(TEAMS_MESSAGES_PATH, express.json({ limit: '1mb' }), async (req, res) => {
    // Not an activity botbuilder can read and answer: refused here rather than failing in the turn (a 5xx).
    if (!isActivityLike(req.body)) {
      sendRequestProblem(res, { status: 400, code: 'INVALID_INPUT' }, requestLocale(req, options.defaultLocale));
      return;
    }
    // The adapter authenticates the request (401 without a valid Bot Framework token), runs the
    // turn and writes the answer (200, or the invoke response). It throws only when it cannot
    // read the activity (its own schema checks), before anything ran.
    try {
      await adapter.process(req, res, handler);
    } catch (error) {
      options.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'teams: unreadable activity refused');
      if (!res.headersSent) sendRequestProblem(res, { status: 400, code: 'INVALID_INPUT' }, requestLocale(req, options.defaultLocale));
    }
  });
}

/** An id Teams sends: a string without control characters (they end up in stored references and replies). */
const teamsId = z.string().regex(/^[^\u0000-\u001f]*$/);

/**
 * What botbuilder and the bot need to read an activity and answer it: a type, and the addresses a
 * reply copies (where to, from whom, in which conversation) as strings. The Bot Framework always
 * sends them; anything else would fail later, half-way through a turn (its reply cannot be
 * serialized), so it is refused before.
 */
const activityShape = z.looseObject({
  type: z.string().trim().min(1),
  id: teamsId.optional(),
  serviceUrl: teamsId,
  channelId: teamsId,
  locale: z.string().nullish(),
  replyToId: teamsId.nullish(),
  from: z.looseObject({ id: teamsId, name: z.string().nullish(), aadObjectId: teamsId.nullish() }),
  recipient: z.looseObject({ id: teamsId, name: z.string().nullish() }),
  conversation: z.looseObject({ id: teamsId.min(1), tenantId: teamsId.nullish(), conversationType: z.string().nullish(), isGroup: z.boolean().nullish() }),
});

function isActivityLike(body: unknown): boolean {
  return activityShape.safeParse(body).success;
}

export interface CreateTeamsMessengerOptions {
  auth: TeamsAuthSettings;
  prisma: Db;
  logger: Logger;
  pacer?: Pacer;
}

export function createTeamsMessengerFor(options: CreateTeamsMessengerOptions): TeamsMessenger {
  return createTeamsMessenger({
    adapter: createTeamsAdapter(options.auth),
    appId: options.auth.appId ?? '',
    prisma: options.prisma,
    logger: options.logger,
    pacer: options.pacer ?? createPacer(),
  });
}

/** The Teams settings of the configuration. */
export function teamsAuthOf(env: {
  MicrosoftAppId?: string | undefined;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppType: TeamsAuthSettings['appType'];
  MicrosoftAppTenantId?: string | undefined;
}): TeamsAuthSettings {
  return { appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword, appType: env.MicrosoftAppType, tenantId: env.MicrosoftAppTenantId };
}
