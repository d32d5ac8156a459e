/**
 * The monthly CRA in the web chat (the real Rituel in demo mode, headless Chromium): Alice gets
 * her CRA from the demo panel and submits it with its button; the validation request reaches the
 * client approver's conversation, the approver clicks "Valider" and the message updates in place
 * (the buttons give way to the outcome); the CRA is approved in the database, bound to the
 * version shown.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { startDemoInBrowser, type DemoInBrowser } from '../helpers/browser.js';
/** Tuesday 1 December 2026, 10:30 in Paris: November is closed, working hours. */
const NOW = new Date('2026-12-01T10:30:00+01:00');

let app: RunningApp;
let page: Page;
let demo: DemoInBrowser | undefined;

beforeAll(async () => {
  demo = await startDemoInBrowser({ now: NOW, database: 'rituel_browser_cra' });
  ({ app, page } = demo);
});

afterAll(async () => {
  await demo?.stop();
});

describe('the monthly CRA in the web chat', () => {
  it('lets the consultant submit from the demo panel, then the client approve: the messages update in place', async () => {
    const { prisma } = app.database;
    const mission = await prisma.mission.findFirstOrThrow({ where: { consultant: { ref: 'alice' } } });
    await demo!.openChat();

    // The clock reads 1 December: the demo panel's "CRA du mois" sends November's, still a draft.
    await demo!.openConversation('alice');
    await page.getByTestId('demo-trigger-cra').click();
    await expect.poll(() => page.getByTestId('demo-result').textContent()).toContain('CRA du mois');
    const november = page.getByTestId('messages').locator('[data-testid^="message-"]', { hasText: 'CRA novembre 2026' });
    await expect.poll(() => november.count()).toBe(1);
    expect(await november.textContent()).toContain('Refonte du SI paiements');
    await november.getByRole('button', { name: 'Soumettre le CRA' }).click();
    await expect.poll(() => november.getByRole('button', { name: 'Soumettre le CRA' }).count()).toBe(0);
    const submitted = await prisma.timesheet.findUniqueOrThrow({ where: { missionId_month: { missionId: mission.id, month: '2026-11' } } });
    expect(submitted).toMatchObject({ status: 'PENDING_CLIENT', submittedById: mission.consultantId });
    const approver = await prisma.person.findUniqueOrThrow({ where: { id: submitted.approverId! } });

    await app.scheduler.tickNow();
    await demo!.openConversation(approver.ref);
    const request = page.getByTestId('messages').locator('[data-testid^="message-"]', { hasText: 'CRA à valider' });
    await expect.poll(() => request.count()).toBe(1);
    expect(await request.textContent()).toContain('Alice');
    expect(await request.textContent()).not.toContain('Maladie');

    await request.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => request.textContent()).toContain(`Validé par ${approver.name}`);
    expect(await request.getByRole('button', { name: 'Valider' }).count()).toBe(0);
    expect(await request.getByRole('button', { name: 'Contester' }).count()).toBe(0);

    const ts = await prisma.timesheet.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(ts).toMatchObject({ status: 'APPROVED', approvedVersion: submitted.version, approvedHash: submitted.contentHash });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: ts.id, action: 'cra.approve' } });
    expect(audit).toMatchObject({ actorId: approver.id, channel: 'WEB' });
  });
});
