/**
 * `startApp` with Slack configured in HTTP mode (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, the Web
 * API at a local fake): the bot checks its token (auth.test), serves POST /slack/events on its one
 * HTTP server beside /healthz, answers Slack's URL verification only when signed, and delivers
 * through the Slack messenger.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../src/app.js';
import { parseEnv } from '../../../src/config/index.js';
import { createLogger } from '../../../src/log.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { createScratchDatabase, type ScratchDatabase } from '../../helpers/scratch-postgres.js';
import { postToSlackEndpoint, SIGNING_SECRET, TEAM } from './slack-world.js';

let fake: FakeSlack;
let app: RunningApp;
let scratch: ScratchDatabase | undefined;

beforeAll(async () => {
  fake = await startFakeSlack({ teamId: TEAM });
  scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL, 'rituel_slack_start') : undefined;
  const env = parseEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: join(mkdtempSync(join(tmpdir(), 'rituel-slack-')), 'data'),
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-start-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });
  app = await startApp(env, createLogger('silent'));
});

afterAll(async () => {
  await app?.stop();
  await scratch?.drop();
  await fake?.close();
});

describe('the server with Slack in HTTP mode', () => {
  it('checks the bot token, mounts /slack/events beside /healthz and verifies signatures', async () => {
    expect(fake.callsOf('auth.test')).toHaveLength(1);
    const base = `http://127.0.0.1:${app.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const challenge = { token: 'x', challenge: 'ritual-challenge', type: 'url_verification' };
    const signed = await postToSlackEndpoint(base, 'event', challenge);
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ challenge: 'ritual-challenge' });
    expect((await postToSlackEndpoint(base, 'event', challenge, { secret: 'wrong' })).status).toBe(401);
    // The web chat is off when a platform is configured; Slack's routes do not swallow the others.
    expect((await fetch(`${base}/chat/`)).status).toBe(404);
  });
});
