/**
 * The web chat page in headless Chromium (Debian's /usr/bin/chromium through playwright-core),
 * against the real server and a router of test-only definitions: pick a person, click, see the
 * message change in place, fill a form, type commands, run the demo panel; and no HTML injection.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExampleOrganization } from '../helpers/example-org.js';
import { insertBotMessage, sampleBotMessage, startWebChat, type RunningWebChat } from '../helpers/web-chat.js';

const CHROMIUM = '/usr/bin/chromium';
const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';

let chat: RunningWebChat;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let alice: string;
let approvalId: string;
let formId: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium); it is missing.`);
  }
  chat = await startWebChat({ pollMs: 500 });
  await importExampleOrganization(chat.prisma);
  alice = (await chat.prisma.person.findFirstOrThrow({ where: { ref: 'alice' } })).id;
  approvalId = await insertBotMessage(chat.prisma, alice, sampleBotMessage('CRA-11'), new Date(Date.now() - 120_000));
  formId = await insertBotMessage(chat.prisma, alice, sampleBotMessage('days'), new Date(Date.now() - 60_000));

  const org = await chat.prisma.organization.create({ data: { slug: 'xss', name: `${XSS_SCRIPT} Org` } });
  const intruder = await chat.prisma.person.create({ data: { organizationId: org.id, ref: 'intruder', name: XSS_NAME, roles: ['CONSULTANT'] } });
  await insertBotMessage(chat.prisma, intruder.id, {
    text: XSS_SCRIPT,
    blocks: [
      { type: 'header', text: XSS_SCRIPT },
      { type: 'section', text: `Note: *${XSS_NAME}*` },
      { type: 'fields', fields: [{ label: XSS_NAME, value: XSS_SCRIPT }] },
      { type: 'actions', elements: [{ type: 'button', actionId: 'test.approve', label: '<b>bold?</b>', value: '{"item":"x"}' }] },
    ],
  });
  await chat.prisma.webMessage.create({ data: { personId: intruder.id, author: 'PERSON', payload: { text: XSS_NAME } } });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ locale: 'fr-FR' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.setDefaultTimeout(5000);
});

afterAll(async () => {
  await browser?.close();
  await chat?.close();
});

const message = (id: string) => page.getByTestId(`message-${id}`);
const xssFlag = () => page.evaluate(() => (globalThis as Record<string, unknown>).__xss);

describe('web chat page', () => {
  it('lists people by organization with role badges and opens a conversation', async () => {
    await page.goto(`${chat.baseUrl}/`);
    await expect.poll(() => page.locator('body').getAttribute('data-ready')).toBe('true');
    const marc = page.getByTestId('person-marc');
    await expect.poll(() => marc.textContent()).toContain('Marc Lefèvre');
    expect(await marc.getByTestId('badge-manager').textContent()).toBe('manager');
    expect(await marc.getByTestId('badge-admin').textContent()).toBe('admin');
    expect(await page.getByTestId('person-claire').getByTestId('badge-client').textContent()).toBe('client');
    expect(await page.getByTestId('placeholder').textContent()).toContain('Choisissez une personne');

    await page.getByTestId('person-alice').click();
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe('Conversation de Alice Martin');
    const seeded = message(approvalId);
    await expect.poll(() => seeded.textContent()).toContain('Approval of CRA-11');
    expect(await seeded.locator('strong').first().textContent()).toBe('CRA-11');
    expect(await seeded.locator('dl dt').allTextContents()).toEqual(['Item', 'Days']);
    expect(await page.getByTestId('quick-week').textContent()).toBe('Ma semaine');
    await expect.poll(() => page.getByTestId('live').textContent()).toBe('en direct');
  });

  it('updates the clicked message in place and shows the reply and the notice', async () => {
    await page.evaluate(() => ((globalThis as Record<string, unknown>).__noReload = true));
    await message(approvalId).getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => message(approvalId).textContent()).toContain('Approved: CRA-11');
    expect(await message(approvalId).getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Thanks for approving CRA-11');
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('Recorded CRA-11');
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).__noReload)).toBe(true);
  });

  it('shows changes made elsewhere without a reload (live stream)', async () => {
    await chat.prisma.webMessage.update({
      where: { id: approvalId },
      data: { payload: { text: 'Changed elsewhere', blocks: [{ type: 'section', text: 'Changed *elsewhere*' }] } },
    });
    await expect.poll(() => message(approvalId).textContent()).toContain('Changed elsewhere');
    expect(await page.getByTestId(`message-${approvalId}`).count()).toBe(1);
  });

  it('sends the choice of a select', async () => {
    await message(formId).getByTestId('select-test.choose').selectOption('blue');
    await expect.poll(() => message(formId).textContent()).toContain('Chosen: blue');
  });

  it('sends the date picked, once', async () => {
    const dated = await insertBotMessage(chat.prisma, alice, sampleBotMessage('date'));
    chat.events.changed(alice);
    await message(dated).getByTestId('date-test.choose').fill('2026-11-20');
    await expect.poll(() => message(dated).textContent()).toContain('Chosen: 2026-11-20');
  });

  it('opens a form, keeps it open on field errors, and closes it once valid', async () => {
    const other = await insertBotMessage(chat.prisma, alice, sampleBotMessage('form'));
    chat.events.changed(alice);
    await message(other).getByRole('button', { name: 'Edit days' }).click();
    const dialog = page.getByTestId('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByTestId('dialog-title').textContent()).toBe('Days worked');
    expect(await dialog.getByTestId('field-place').locator('select').inputValue()).toBe('office');

    await dialog.getByTestId('dialog-submit').click();
    expect(await dialog.getByTestId('field-error-days').textContent()).toBe('Ce champ est obligatoire.');
    await dialog.getByLabel('Days').fill('3');
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => dialog.getByTestId('field-error-days').textContent()).toBe('Expected 0, 0.5 or 1');
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByLabel('Days').fill('1');
    await dialog.getByLabel('Note').fill('Réunion client');
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => message(other).textContent()).toContain('Days: 1 (office)');
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('Saved 1 day(s)');
  });

  it('sends typed commands and quick commands and shows the answers', async () => {
    await page.getByTestId('command-input').fill('aide');
    await page.getByTestId('command-input').press('Enter');
    const list = page.getByTestId('messages');
    await expect.poll(() => list.locator('.message.person .bubble').last().textContent()).toBe('aide');
    await expect.poll(() => list.locator('.message.bot .bubble').last().textContent()).toContain('Commands: help, week');
    await page.getByTestId('quick-week').click();
    await expect.poll(() => list.locator('.message.person .bubble').last().textContent()).toBe('semaine');
    await expect.poll(() => list.locator('.message.bot .bubble').last().textContent()).toContain('Nothing to show for this week yet');
  });

  it('runs the demo panel for the selected person', async () => {
    await page.getByTestId('demo-trigger-daily').click();
    await expect.poll(() => page.getByTestId('demo-result').textContent()).toBe('Ritual daily sent');
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Ritual daily ran');
    await page.getByTestId('demo-at').fill('2026-11-16T17:30');
    await page.getByTestId('demo-offset').fill('+01:00');
    await page.getByTestId('demo-tick').click();
    await expect.poll(() => page.getByTestId('demo-result').textContent()).toContain('2 rituel(s) planifié(s), 1 message(s) envoyé(s)');
    expect(chat.demo.ticks.at(-1)?.toISOString()).toBe('2026-11-16T16:30:00.000Z');
  });

  it('shows the page in English for an English-speaking person', async () => {
    await page.getByTestId('person-sarah').click();
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe('Conversation of Sarah Lambert');
    expect(await page.getByTestId('quick-help').textContent()).toBe('Help');
    expect(await page.getByTestId('command-input').getAttribute('placeholder')).toContain('Type a command');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows names and messages with HTML in them as text, and runs none of it', async () => {
    const intruder = page.getByTestId('person-intruder');
    expect(await intruder.locator('.person-name').textContent()).toBe(XSS_NAME);
    await intruder.click();
    const list = page.getByTestId('messages');
    await expect.poll(() => list.locator('.message').count()).toBe(2);
    expect(await list.locator('.block-header').textContent()).toBe(XSS_SCRIPT);
    expect(await list.locator('.block-section').textContent()).toBe(`Note: ${XSS_NAME}`);
    expect(await list.locator('dt').textContent()).toBe(XSS_NAME);
    expect(await list.getByRole('button').textContent()).toBe('<b>bold?</b>');
    expect(await list.locator('.message.person .bubble').textContent()).toBe(XSS_NAME);
    expect(await page.getByTestId('conversation-title').textContent()).toBe(`Conversation de ${XSS_NAME}`);
    expect(await page.getByTestId('organization-xss').locator('h3').textContent()).toBe(`${XSS_SCRIPT} Org`);
    expect(await page.locator('main img, aside img, main script, aside script').count()).toBe(0);
    expect(await xssFlag()).toBeUndefined();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
