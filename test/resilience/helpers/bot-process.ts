/**
 * A real `rituel start` in a child process (TypeScript sources through tsx), its clock set by a
 * preloaded fake clock (movable-clock.mjs: the clock reads FAKE_NOW at start and runs on; SIGUSR2
 * moves it 6 minutes ahead), logging JSON lines that the test reads (the start line gives the port).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { CLI_ENTRY, ROOT } from '../../helpers/cli.js';

export const FAKE_CLOCK = join(ROOT, 'test', 'resilience', 'helpers', 'movable-clock.mjs');
/** How far SIGUSR2 moves the process's clock: past the dispatcher's lease (DEFAULT_LEASE_MS, 5 minutes). */
export const CLOCK_STEP_MS = 6 * 60_000;
export const SLACK_TOKEN = 'xoxb-resilience-token';
export const SLACK_SECRET = 'resilience-signing-secret';

export interface LogLine {
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  readonly baseUrl: string;
  readonly lines: LogLine[];
  readonly exit: Promise<number | null>;
  /** Moves the process's clock CLOCK_STEP_MS ahead (its timers keep real time). */
  advanceClock(): void;
  /** SIGKILL: no goodbye, whatever it was doing. */
  kill(): Promise<void>;
  /** SIGTERM, and its exit code. */
  stop(): Promise<number | null>;
  stderr(): string;
}

export interface BotProcessOptions {
  readonly databaseUrl: string;
  /** ISO instant the process's clock reads at start. */
  readonly fakeNow: string;
  /** The fake Slack's Web API base URL: Slack configured in HTTP mode. */
  readonly slackApiUrl?: string;
  readonly env?: Record<string, string>;
}

const running = new Set<BotProcess>();

export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', FAKE_CLOCK, CLI_ENTRY, 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: options.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      FAKE_NOW: options.fakeNow,
      FAKE_CLOCK_STEP_MS: String(CLOCK_STEP_MS),
      ...(options.slackApiUrl
        ? { SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: options.slackApiUrl, SLACK_MESSAGES_PER_MINUTE: '60000' }
        : {}),
      ...options.env,
    },
  });
  const lines: LogLine[] = [];
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line; stderr: ${stderr}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let line: LogLine;
        try {
          line = JSON.parse(text) as LogLine;
        } catch {
          line = { msg: text };
        }
        lines.push(line);
        if (typeof line.port === 'number') {
          clearTimeout(timer);
          resolve(line.port);
        }
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
  const bot: BotProcess = {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    exit,
    advanceClock() {
      child.kill('SIGUSR2');
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
      running.delete(bot);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exit;
      running.delete(bot);
      return code;
    },
    stderr: () => stderr,
  };
  running.add(bot);
  return bot;
}

/** Kills every bot process still running (afterAll). */
export async function killAllBots(): Promise<void> {
  await Promise.all([...running].map((bot) => bot.kill()));
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 120_000, everyMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The process's readiness: the HTTP status of /readyz, or null when it does not answer. */
export async function readyStatus(bot: BotProcess): Promise<number | null> {
  try {
    const response = await fetch(`${bot.baseUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

export async function healthStatus(bot: BotProcess): Promise<number | null> {
  try {
    const response = await fetch(`${bot.baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}
