/**
 * Microsoft Teams in Rituel's one HTTP server: POST /api/messages (the bot's messaging endpoint,
 * PUBLIC_URL/api/messages in the Azure Bot registration), and the Teams Messenger the dispatcher
 * delivers through. The app mounts them only when MicrosoftAppId is set (see src/app.ts); tests
 * mount them without an app id, which makes botbuilder skip authentication.
 */
import express, { type Express } from 'express';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../log.js';
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
    // The adapter authenticates the request (401 without a valid Bot Framework token), runs the
    // turn and writes the answer (200, or the invoke response).
    await adapter.process(req, res, handler);
  });
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
