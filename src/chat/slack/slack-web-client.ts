/**
 * The Slack Web API client of Rituel's own calls (deliveries, linking): no retries of its own and
 * no silent pause on HTTP 429 (rejectRateLimitedCalls), so that the outbox dispatcher decides when
 * to try again and can check first that an unanswered post did not land; a timeout on every call.
 */
import { webApi } from '@slack/bolt';

export type SlackWebClient = InstanceType<typeof webApi.WebClient>;

export interface SlackClientSettings {
  readonly token: string;
  /** Base URL of the Web API (a local fake in tests); Slack's by default. */
  readonly apiUrl?: string | undefined;
  /** Per call, in milliseconds. */
  readonly timeoutMs?: number | undefined;
}

export const DEFAULT_SLACK_TIMEOUT_MS = 10_000;

/** The options shared by Rituel's own client and Bolt's (clientOptions). */
export function slackClientOptions(settings: Omit<SlackClientSettings, 'token'>) {
  return {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: settings.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS,
    logLevel: webApi.LogLevel.ERROR,
  };
}

export function createSlackWebClient(settings: SlackClientSettings): SlackWebClient {
  return new webApi.WebClient(settings.token, slackClientOptions(settings));
}
