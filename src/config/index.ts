import { existsSync } from 'node:fs';
import { parseEnv, type Env } from './env.js';

export { ConfigError, parseEnv, slackConfigured, teamsConfigured, webChatEnabled, type Env } from './env.js';

let loaded: Env | undefined;

/** The process environment, parsed once. Call sites receive `env`, they never read process.env. */
export function loadEnv(): Env {
  if (!loaded && existsSync('.env')) process.loadEnvFile('.env'); // the environment wins over the file
  loaded ??= parseEnv(process.env);
  return loaded;
}
