import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, slackConfigured, teamsConfigured, webChatEnabled } from '../../../src/config/env.js';

function problemsOf(source: NodeJS.ProcessEnv): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('environment', () => {
  it('has working defaults with nothing set: embedded database, French, web chat only', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEFAULT_LOCALE: 'fr', DEFAULT_TIMEZONE: 'Europe/Paris', LOG_LEVEL: 'info' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(slackConfigured(env) || teamsConfigured(env)).toBe(false);
    expect(webChatEnabled(env)).toBe(true);
  });

  it('names every wrong variable and what is expected', () => {
    const problems = problemsOf({ PORT: 'eighty', DEFAULT_TIMEZONE: 'Mars/Olympus', DEFAULT_LOCALE: 'de', DATABASE_URL: 'mysql://x', SLACK_BOT_TOKEN: 'abc' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        'DEFAULT_TIMEZONE: expected an IANA time zone such as Europe/Paris',
        expect.stringMatching(/^DEFAULT_LOCALE: /),
        'DATABASE_URL: expected a postgresql:// connection string',
        'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-',
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('checks that platform credentials come together', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      'SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    ]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toEqual(['SLACK_BOT_TOKEN: required when Slack is configured']);
    expect(problemsOf({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' })).toEqual([
      'MicrosoftAppTenantId: required for a SingleTenant bot',
    ]);
    expect(problemsOf({ MicrosoftAppId: 'id' })).toContain('MicrosoftAppPassword: required with MicrosoftAppId');
  });

  it('turns the web chat off when a platform is configured, unless WEB_CHAT=on', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
    expect(webChatEnabled(parseEnv(slack))).toBe(false);
    expect(webChatEnabled(parseEnv({ ...slack, WEB_CHAT: 'on' }))).toBe(true);
    expect(webChatEnabled(parseEnv({ WEB_CHAT: 'off' }))).toBe(false);
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });
});
