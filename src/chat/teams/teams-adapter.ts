/**
 * The Bot Framework CloudAdapter Rituel talks to Teams through (every botbuilder import of Rituel
 * lives in this folder: a move to the Microsoft 365 Agents SDK is this folder's work).
 *
 * Authentication: ConfigurationBotFrameworkAuthentication with MicrosoftAppId, MicrosoftAppPassword,
 * MicrosoftAppType (SingleTenant for new registrations) and MicrosoftAppTenantId. Without an app id
 * (tests only: the app never mounts Teams without one) incoming requests are not authenticated and
 * outgoing calls carry no token.
 *
 * The connector client's own retry policy (@azure/core-rest-pipeline's defaultRetryPolicy: up to 3
 * retries of 5xx, network errors and 429) is removed from every client the adapter creates: a
 * retried POST of a message that did land would show it twice, and a 429 must go back to the
 * dispatcher (which retries the outbox row after Retry-After) rather than block a turn.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, StatusCodes, type TurnContext } from 'botbuilder';
// botbuilder's own dependency (same version): CloudAdapter answers 401 to this class only.
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from '../../log.js';
import { t, type Locale } from '../../i18n/index.js';

export interface TeamsAuthSettings {
  readonly appId?: string | undefined;
  readonly appPassword?: string | undefined;
  readonly appType?: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI' | undefined;
  readonly tenantId?: string | undefined;
}

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
export type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

interface PipelineHolder {
  readonly client?: { readonly pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/** Removes the SDK's automatic retries from a connector client (see above). */
export function withoutAutomaticRetries(client: ConnectorClient): ConnectorClient {
  (client as unknown as PipelineHolder).client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return client;
}

function factoryWithoutRetries(factory: ConnectorFactory): ConnectorFactory {
  return {
    async create(serviceUrl: string, audience?: string) {
      return withoutAutomaticRetries(await factory.create(serviceUrl, audience));
    },
  } as ConnectorFactory;
}

class RituelBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>) {
    let result: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
    try {
      result = await super.authenticateRequest(...args);
    } catch (error) {
      // A token that could not be verified is refused (401), whatever stopped the check: the Bot
      // Framework's signing keys out of reach (login.botframework.com unreachable) would otherwise
      // be a 500 carrying the fetch error's text.
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('Unauthorized: the token could not be verified', StatusCodes.UNAUTHORIZED);
    }
    return result.connectorFactory ? { ...result, connectorFactory: factoryWithoutRetries(result.connectorFactory) } : result;
  }

  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>) {
    return factoryWithoutRetries(super.createConnectorFactory(...args));
  }
}

/** The class of an error and its HTTP facts only: never its request (headers carry the token) nor a text. */
export function errorFacts(error: unknown): Record<string, string | number> {
  const facts: Record<string, string | number> = { error: error instanceof Error ? error.name : typeof error };
  const record = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (typeof record.statusCode === 'number') facts.statusCode = record.statusCode;
  if (typeof record.code === 'string') facts.code = record.code.slice(0, 64);
  return facts;
}

/**
 * A CloudAdapter with Rituel's authentication settings. Proactive sends use one without a turn error
 * handler (their errors must reach the dispatcher); the inbound endpoint's gets `answerTurnErrors`.
 */
export function createTeamsAdapter(settings: TeamsAuthSettings): CloudAdapter {
  const config: Record<string, string> = {};
  if (settings.appId) {
    config.MicrosoftAppId = settings.appId;
    if (settings.appPassword) config.MicrosoftAppPassword = settings.appPassword;
    config.MicrosoftAppType = settings.appType ?? 'SingleTenant';
    if (settings.tenantId) config.MicrosoftAppTenantId = settings.tenantId;
  }
  return new CloudAdapter(new RituelBotFrameworkAuthentication(config));
}

/** A turn that failed: logged without secrets nor texts, and the person is answered politely. */
export function answerTurnErrors(adapter: CloudAdapter, logger: Logger, defaultLocale: Locale): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ ...errorFacts(error), activityType: context.activity?.type }, 'teams: turn failed');
    // The activity may be malformed (that may be why the turn failed): its locale is read with care.
    const given: unknown = context.activity?.locale;
    const language = typeof given === 'string' ? given.toLowerCase() : '';
    const locale: Locale = language.startsWith('en') ? 'en' : language.startsWith('fr') ? 'fr' : defaultLocale;
    try {
      await context.sendActivity(t(locale, 'teams.error.turn'));
    } catch (sendError) {
      logger.warn(errorFacts(sendError), 'teams: could not tell the user about a failed turn');
    }
  };
}

/** The Bot Connector's audience for outgoing calls when authenticated (public cloud). */
export const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
