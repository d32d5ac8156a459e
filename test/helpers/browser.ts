/**
 * Headless Chromium for the browser tests (Debian's /usr/bin/chromium through playwright-core),
 * and the real Rituel in demo mode (startApp: the demo organization, the real rituals and router,
 * the web chat) at a fixed time, on a fresh data directory (and a scratch PostgreSQL database when
 * TEST_DATABASE_URL is set), with one French page open.
 */
import { expect } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/index.js';
import { createLogger } from '../../src/log.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-postgres.js';

export const CHROMIUM = '/usr/bin/chromium';

/** A clear error when Chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium); it is missing.`);
  }
}

/** Launches headless Chromium; a clear error when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface DemoInBrowser {
  readonly app: RunningApp;
  readonly page: Page;
  /** Loads the web chat and waits until it is ready. */
  openChat(): Promise<void>;
  /** Picks a person (by ref) and waits for their live conversation. */
  openConversation(ref: string): Promise<void>;
  /** Closes the browser, stops the app, drops the scratch database and removes the data directory. */
  stop(): Promise<void>;
}

/**
 * Starts the demo at `now` (the clock stays there) and opens a page in French. `database` names
 * the scratch database and the data directory ("rituel_browser_cra" -> /tmp/rituel-browser-cra-*).
 * Whatever started is stopped again when a later step fails.
 */
export async function startDemoInBrowser(options: { now: Date; database: string }): Promise<DemoInBrowser> {
  requireChromium();
  const dataDir = mkdtempSync(join(tmpdir(), `${options.database.replaceAll('_', '-')}-`));
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let scratch: ScratchDatabase | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close();
    await app?.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const adminUrl = process.env.TEST_DATABASE_URL;
    scratch = adminUrl ? await createScratchDatabase(adminUrl, options.database) : undefined;
    const env = parseEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(scratch ? { DATABASE_URL: scratch.url } : {}) });
    app = await startApp(env, createLogger('silent'), { demo: true, clock: () => options.now });
    browser = await launchChromium();
    const page = await browser.newPage({ locale: 'fr-FR' });
    page.setDefaultTimeout(10_000);
    const started = app;
    return {
      app,
      page,
      stop,
      async openChat() {
        await page.goto(started.webChatUrl!);
        await expect.poll(() => page.locator('body').getAttribute('data-ready')).toBe('true');
      },
      async openConversation(ref) {
        await page.getByTestId(`person-${ref}`).click();
        await expect.poll(() => page.getByTestId('live').textContent()).toBe('en direct');
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
