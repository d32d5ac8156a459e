import { z } from 'zod';

/** Every environment variable Rituel reads. `.env.example` documents each of them. */
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Europe/Paris');

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// connection string')
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int('expected an integer port').min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: optionalString.pipe(z.url('expected an absolute URL such as https://rituel.example.com').optional()),
  DEFAULT_TIMEZONE: timeZone.default('Europe/Paris'),
  DEFAULT_LOCALE: z.enum(['fr', 'en']).default('fr'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  WEB_CHAT: onOff.optional(),
  WEB_CHAT_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'expected at least 16 characters').optional()),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int('expected a whole number of seconds').min(0).max(600).default(10),

  SLACK_BOT_TOKEN: optionalString.pipe(z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-').optional()),
  SLACK_API_URL: optionalString.pipe(z.url('expected the base URL of the Slack Web API, e.g. https://slack.com/api/').optional()),
  /** The workspace budget of chat.postMessage the bot paces itself to (Slack: "several hundred a minute"). */
  SLACK_MESSAGES_PER_MINUTE: z.coerce.number().int('expected a whole number of messages').min(1).max(100_000).default(300),

  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: optionalString,
});

export type Env = z.output<typeof envSchema>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and checks the environment once; throws ConfigError naming every wrong variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const env = result.data;
  const problems: string[] = [];
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if ((env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) && !env.SLACK_BOT_TOKEN) {
    problems.push('SLACK_BOT_TOKEN: required when Slack is configured');
  }
  if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required with MicrosoftAppId');
  }
  if (env.MicrosoftAppId && env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required for a SingleTenant bot');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}

export function slackConfigured(env: Env): boolean {
  return Boolean(env.SLACK_BOT_TOKEN);
}

export function teamsConfigured(env: Env): boolean {
  return Boolean(env.MicrosoftAppId);
}

/** The web chat is on by default only when no platform is configured. */
export function webChatEnabled(env: Env): boolean {
  return env.WEB_CHAT ?? (!slackConfigured(env) && !teamsConfigured(env));
}
