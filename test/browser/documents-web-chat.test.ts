/**
 * The web chat renders the two document parts of the neutral model: an image block (the monthly
 * report chart, served by a signed link on the same server) and a link button (an <a> opening the
 * document in a new tab, no interaction).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDocumentBaseUrl } from '../../src/documents/app-settings.js';
import { reportLinks } from '../../src/documents/document-links.js';
import { mountDocumentRoutes } from '../../src/http/document-routes.js';
import { createLogger } from '../../src/log.js';
import { importExampleOrganization } from '../helpers/example-org.js';
import { insertBotMessage, startWebChat, type RunningWebChat } from '../helpers/web-chat.js';

const CHROMIUM = '/usr/bin/chromium';
let chat: RunningWebChat;
let browser: Browser;
let links: { chart: string; pdf: string };
let messageId: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium); it is missing.`);
  chat = await startWebChat();
  mountDocumentRoutes(chat.http.app, { prisma: chat.prisma, logger: createLogger('silent') });
  await importExampleOrganization(chat.prisma);
  await saveDocumentBaseUrl(chat.prisma, `http://127.0.0.1:${chat.port}`);
  const marc = await chat.prisma.person.findFirstOrThrow({ where: { ref: 'marc' } });
  links = (await reportLinks({ prisma: chat.prisma, managerId: marc.id, month: '2026-11', now: new Date() }))!;
  messageId = await insertBotMessage(chat.prisma, marc.id, {
    text: 'Rapport mensuel — novembre 2026',
    blocks: [
      { type: 'header', text: 'Rapport mensuel — novembre 2026' },
      { type: 'image', url: links.chart, alt: 'Jours facturés par consultant', title: 'Jours facturés et TACE' },
      { type: 'actions', elements: [{ type: 'button', actionId: 'report.pdf', label: 'Rapport complet (PDF)', value: '{}', url: links.pdf }] },
    ],
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await chat?.close();
});

describe('web chat documents', () => {
  it('shows the chart image and a link button to the PDF', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.setDefaultTimeout(10_000);
    await page.goto(`${chat.baseUrl}/`);
    await page.getByTestId('person-marc').click();
    const message = page.getByTestId(`message-${messageId}`);
    const image = message.getByTestId('image');
    await expect.poll(() => image.evaluate((img) => {
      const loaded = img as unknown as { complete: boolean; naturalWidth: number };
      return loaded.complete && loaded.naturalWidth;
    }), { timeout: 15_000 }).toBe(900);
    expect(await image.getAttribute('alt')).toBe('Jours facturés par consultant');
    expect(await message.locator('figcaption').textContent()).toBe('Jours facturés et TACE');
    const link = message.getByTestId('link-Rapport complet (PDF)');
    expect(await link.evaluate((node) => {
      const a = node as unknown as { tagName: string; href: string; target: string; rel: string };
      return [a.tagName, a.href, a.target, a.rel];
    })).toEqual(['A', links.pdf, '_blank', 'noopener noreferrer']);
    expect(await message.locator('button').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
