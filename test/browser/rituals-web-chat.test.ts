/**
 * The real Rituel (startApp in demo mode: the demo organization, the real rituals and router, the
 * web chat) in headless Chromium, on a Tuesday at 17:35 in Paris: a consultant answers the daily
 * check-in with a half day and the message changes in place, the day is stored; a blocker sent in
 * the note reaches the manager, who sees the alert in their own conversation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { toDateOnlyUTC } from '../../src/domain/index.js';
import { startDemoInBrowser, type DemoInBrowser } from '../helpers/browser.js';

/** Tuesday 24 November 2026, 17:35 in Paris: after the daily check-in time, before the quiet hours. */
const NOW = new Date('2026-11-24T17:35:00+01:00');
const BLOCKER = 'Accès VPN coupé depuis ce matin';

let app: RunningApp;
let page: Page;
let demo: DemoInBrowser | undefined;

beforeAll(async () => {
  demo = await startDemoInBrowser({ now: NOW, database: 'rituel_browser' });
  ({ app, page } = demo);
});

afterAll(async () => {
  await demo?.stop();
});

describe('the rituals in the web chat', () => {
  it('lets a consultant answer the daily check-in with a half day: the message updates in place and the day is stored', async () => {
    await demo!.openChat();
    await demo!.openConversation('julien');

    // The server's first tick (at start, 17:35) sends the daily check-ins of 17:30; waiting for it
    // (or running another) delivers julien's once.
    await app.scheduler.tickNow();
    const julienId = (await app.database.prisma.person.findFirstOrThrow({ where: { ref: 'julien' } })).id;
    const delivered = await app.database.prisma.outboxMessage.findMany({ where: { recipientId: julienId, kind: 'checkin.daily' } });
    expect(delivered.map((m) => [m.dedupeKey.endsWith(':2026-11-24'), m.status])).toEqual([[true, 'SENT']]);
    const question = page.getByTestId('messages').locator('[data-testid^="message-"]', { hasText: 'mardi 24 novembre' });
    await expect.poll(() => question.count()).toBe(1);
    expect(await question.textContent()).toContain('Migration du datalake sinistres');

    await question.getByRole('button', { name: 'Matin seulement' }).click();
    await expect.poll(() => question.textContent()).toContain('Matin travaillé');
    expect(await question.getByRole('button', { name: 'Matin seulement' }).count()).toBe(0);

    const julien = await app.database.prisma.person.findFirstOrThrow({ where: { ref: 'julien' } });
    const entries = await app.database.prisma.dayEntry.findMany({ where: { personId: julien.id, date: toDateOnlyUTC('2026-11-24') } });
    expect(entries.map((e) => [e.kind, e.fraction.toString(), e.source])).toEqual([['WORKED', '0.5', 'WEB']]);
  });

  it('sends a blocker to the manager, who sees the alert in their conversation', async () => {
    const question = page.getByTestId('messages').locator('[data-testid^="message-"]', { hasText: 'mardi 24 novembre' });
    await question.getByRole('button', { name: 'Ajouter une note ou un point bloquant' }).click();
    const dialog = page.getByTestId('dialog');
    await dialog.getByLabel('Point bloquant (facultatif)').fill(BLOCKER);
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('transmis à votre manager');
    await expect.poll(() => question.textContent()).toContain(BLOCKER);

    await app.scheduler.tickNow();
    await demo!.openConversation('marc');
    const alert = page.getByTestId('messages').locator('[data-testid^="message-"]', { hasText: BLOCKER });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('Julien Moreau signale un point bloquant');

    await alert.getByRole('button', { name: 'Pris en compte' }).click();
    await expect.poll(() => alert.textContent()).toContain('Pris en compte le mardi 24 novembre à 17:35');
    expect(await alert.getByRole('button').count()).toBe(0);
  });
});
