import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/**
 * Paths never written to the logs: tokens, secrets, authorization headers and the personal data
 * that could travel with a request (e-mail addresses, names, free text answers).
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'email',
  '*.email',
  'note',
  '*.note',
  // The secrets of the configuration, at the top of a log line or one level down (`{ env }`).
  'SLACK_BOT_TOKEN',
  '*.SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  '*.SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  '*.SLACK_SIGNING_SECRET',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'databaseUrl',
  '*.databaseUrl',
  'METRICS_TOKEN',
  '*.METRICS_TOKEN',
  // The same secrets as the settings objects name them (Slack's and Teams' settings).
  'signingSecret',
  '*.signingSecret',
  'appToken',
  '*.appToken',
  'appPassword',
  '*.appPassword',
  // What chat payloads carry: free text typed or submitted, message contents, names, the Teams
  // conversation reference; and what HTTP client errors carry (request headers and bodies).
  'text',
  '*.text',
  'fields',
  '*.fields',
  'payload',
  '*.payload',
  'name',
  'person.name',
  'user.name',
  'conversationRef',
  '*.conversationRef',
  'err.config.headers.Authorization',
  'err.config.headers.authorization',
  'err.config.data',
  'err.request',
];

export type LogFormat = 'json' | 'pretty';

/** JSON lines for machines; readable lines when a person watches the terminal. */
export function defaultLogFormat(): LogFormat {
  return process.stdout.isTTY ? 'pretty' : 'json';
}

export function createLogger(level: string, format: LogFormat = 'json', destination?: pino.DestinationStream): Logger {
  const stream =
    destination ??
    (format === 'pretty'
      ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true })
      : undefined);
  return pino(
    {
      level,
      base: { service: 'rituel' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}

/** Replaces the password of a connection string, for messages that must name the database. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}
