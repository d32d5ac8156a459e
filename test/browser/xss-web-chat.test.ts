/**
 * HTML and script never execute in the web chat (the real Rituel in demo mode, headless Chromium).
 * The demo organization file is imported again with markup in every name it holds (people, the
 * organization, a client, a mission); then real flows show it back and add more from people: the
 * person picker and the conversation title, a daily check-in (mission title), its note and blocker
 * (form dialog, the manager's alert), a typed command (the person's bubble, the help's "not
 * understood"), the November CRA (submission, the client's request, a dispute reason in the
 * manager's alert, a wrong disputed day in the form's field error, the manager's answer in the
 * client's new request). After each step: no
 * `window.__xss`, no dialog, no console CSP violation, no injected element or handler in the DOM,
 * and the text is shown literally. The page's Content-Security-Policy forbids inline script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { demoOrganizationYaml } from '../../src/demo/demo-organization.js';
import { importOrganizationYaml } from '../../src/org/import-organization.js';
import { startDemoInBrowser, type DemoInBrowser } from '../helpers/browser.js';

/** Tuesday 1 December 2026, 17:35 in Paris: the daily check-in is out, November is closed. */
const NOW = new Date('2026-12-01T17:35:00+01:00');

const ALICE = 'Alice <img src=x onerror="window.__xss=1">';
const CLAIRE = 'Claire "><svg onload=window.__xss=1>';
const MARC = 'Marc <script>window.__xss=1</script>';
const SOPHIE = 'Sophie <a href="javascript:window.__xss=1">lien</a>';
const ORGANIZATION = 'ESN <iframe srcdoc="<script>parent.__xss=1</script>"></iframe>';
const CLIENT = 'Banque <javascript:window.__xss=1|cliquez ici>';
const MISSION = 'Refonte <img src=x onerror="window.__xss=1"> paiements';
const NOTE = '<script>window.__xss=1</script> note';
const BLOCKER = '*<img src=x onerror="window.__xss=1">* javascript:window.__xss=1';
const BLOCKER_SHOWN = '<img src=x onerror="window.__xss=1">';
const COMMAND = '"><svg onload=window.__xss=1> <javascript:alert(1)|click>';
const REASON = '<img src=x onerror="window.__xss=1"> <javascript:alert(1)|voir> "><svg onload=window.__xss=1>';
const BAD_DAY = '<svg/onload=window.__xss=1>';
const ANSWER = '<script>window.__xss=1</script><a href="javascript:window.__xss=1">ok</a>';

let app: RunningApp;
let page: Page;
let demo: DemoInBrowser | undefined;
const dialogs: string[] = [];
const violations: string[] = [];

/** The demo organization file with markup in every name (YAML double-quoted: JSON strings). */
function hostileOrganizationYaml(): string {
  const names: [string, string][] = [
    ['name: Alice Martin', `name: ${JSON.stringify(ALICE)}`],
    ['name: Claire Dubois', `name: ${JSON.stringify(CLAIRE)}`],
    ['name: Marc Lefèvre', `name: ${JSON.stringify(MARC)}`],
    ['name: Sophie Lemaire', `name: ${JSON.stringify(SOPHIE)}`],
    ['name: ESN Démo', `name: ${JSON.stringify(ORGANIZATION)}`],
    ['name: Banque du Nord', `name: ${JSON.stringify(CLIENT)}`],
    ['title: Refonte du SI paiements', `title: ${JSON.stringify(MISSION)}`],
  ];
  let yaml = demoOrganizationYaml('2026-12-01');
  for (const [from, to] of names) {
    expect(yaml).toContain(from);
    yaml = yaml.replace(from, to);
  }
  return yaml;
}

const messages = () => page.getByTestId('messages').locator('[data-testid^="message-"]');

/** Nothing ran, nothing was injected: the flag, dialogs, CSP reports, and the DOM itself. */
async function expectNothingExecuted(): Promise<void> {
  expect(await page.evaluate('window.__xss')).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
  // Page code as text: the test project's types have no DOM.
  const injected = await page.evaluate(`({
    imgX: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    scriptsInBody: document.querySelectorAll('#people script, #messages script, dialog script, #conversation script').length,
    iframes: document.querySelectorAll('iframe').length,
    javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\\s*javascript:/i.test(a.getAttribute('href') || '')).length,
    handlerAttributes: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
  })`);
  expect(injected).toEqual({ imgX: 0, svg: 0, inlineScripts: 0, scriptsInBody: 0, iframes: 0, javascriptLinks: 0, handlerAttributes: 0 });
}

beforeAll(async () => {
  demo = await startDemoInBrowser({ now: NOW, database: 'rituel_browser_xss' });
  ({ app, page } = demo);
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const imported = await importOrganizationYaml({ prisma: app.database.prisma, text: hostileOrganizationYaml() });
  expect(imported.ok, JSON.stringify(imported.ok ? null : imported.problems)).toBe(true);
});

afterAll(async () => {
  await demo?.stop();
});

describe('HTML and script in the web chat are shown as text, never run', () => {
  it('serves the page with a Content-Security-Policy that forbids inline script', async () => {
    const response = await fetch(app.webChatUrl!);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('shows the names of the organization file literally in the person picker and the conversation title', async () => {
    await demo!.openChat();
    expect(await page.getByTestId('person-alice').textContent()).toContain(ALICE);
    expect(await page.getByTestId('person-claire').textContent()).toContain(CLAIRE);
    expect(await page.getByTestId('person-marc').textContent()).toContain(MARC);
    expect(await page.getByTestId('person-sophie').textContent()).toContain(SOPHIE);
    expect(await page.getByTestId('people').textContent()).toContain(ORGANIZATION);
    await demo!.openConversation('alice');
    expect(await page.getByTestId('conversation-title').textContent()).toContain(ALICE);
    await expectNothingExecuted();
  });

  it('shows a mission title, a check-in note and a blocker literally (message, form dialog, manager alert)', async () => {
    // The check-in went out at start, before the names changed: "mois" shows the mission as it is now.
    await app.scheduler.tickNow();
    await page.getByTestId('quick-month').click();
    await expect.poll(() => messages().filter({ hasText: `décembre 2026 — ${MISSION}` }).count()).toBe(1);
    await expectNothingExecuted();
    const asked = messages().filter({ hasText: 'mardi 1 décembre' }).filter({ hasText: 'Comment s’est passée' });
    await expect.poll(() => asked.count()).toBe(1);
    // The same message once it changes in place.
    const question = page.getByTestId((await asked.getAttribute('data-testid'))!);

    await question.getByRole('button', { name: 'Ajouter une note ou un point bloquant' }).click();
    const dialog = page.getByTestId('dialog');
    await dialog.getByLabel('Note (facultative)').fill(NOTE);
    await dialog.getByLabel('Point bloquant (facultatif)').fill(BLOCKER);
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => question.textContent()).toContain(BLOCKER_SHOWN);
    await expectNothingExecuted();

    // The form again: the saved texts come back as the fields' values.
    await question.getByRole('button', { name: 'Modifier la note' }).click();
    expect(await dialog.getByLabel('Note (facultative)').inputValue()).toBe(NOTE);
    expect(await dialog.getByLabel('Point bloquant (facultatif)').inputValue()).toBe(BLOCKER);
    expect(await dialog.getByTestId('dialog-title').textContent()).not.toBe('');
    await dialog.getByTestId('dialog-cancel').click();
    await expectNothingExecuted();

    await app.scheduler.tickNow();
    await demo!.openConversation('marc');
    const alert = messages().filter({ hasText: BLOCKER_SHOWN });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain(ALICE);
    await expectNothingExecuted();
  });

  it('shows a typed command literally, in the person’s bubble and in the answer', async () => {
    await demo!.openConversation('alice');
    await page.getByTestId('command-input').fill(COMMAND);
    await page.getByTestId('command-send').click();
    const echoed = messages().filter({ hasText: COMMAND });
    // The person's bubble, and the help saying what it did not understand.
    await expect.poll(() => echoed.count()).toBe(2);
    expect(await messages().filter({ hasText: `Je n’ai pas compris « ${COMMAND} »` }).count()).toBe(1);
    await expectNothingExecuted();
  });

  it('shows names, a dispute reason and the manager’s answer literally through the CRA', async () => {
    // Alice submits November from the demo panel's CRA message.
    await page.getByTestId('demo-trigger-cra').click();
    await expect.poll(() => page.getByTestId('demo-result').textContent()).toContain('CRA du mois');
    const november = messages().filter({ hasText: 'CRA novembre 2026' });
    await expect.poll(() => november.count()).toBe(1);
    expect(await november.textContent()).toContain(MISSION);
    await november.getByRole('button', { name: 'Soumettre le CRA' }).click();
    await expect.poll(() => november.getByRole('button', { name: 'Soumettre le CRA' }).count()).toBe(0);
    await expectNothingExecuted();

    // Claire, the client approver, reads the request (the consultant's and the mission's names) and disputes it.
    await app.scheduler.tickNow();
    await demo!.openConversation('claire');
    const request = messages().filter({ hasText: 'CRA à valider' });
    await expect.poll(() => request.count()).toBe(1);
    expect(await request.textContent()).toContain(ALICE);
    expect(await request.textContent()).toContain(MISSION);
    await expectNothingExecuted();
    await request.getByRole('button', { name: 'Contester' }).click();
    const dialog = page.getByTestId('dialog');
    await dialog.getByLabel('Motif').fill(REASON);
    // A wrong day comes back in the field's error, as text.
    await dialog.getByLabel(/Jours contestés/).fill(BAD_DAY);
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => dialog.getByTestId('field-error-days').textContent()).toContain(BAD_DAY);
    await expectNothingExecuted();
    await dialog.getByLabel(/Jours contestés/).fill('');
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => page.getByTestId('notice').last().textContent()).toContain('Votre contestation est transmise');
    await app.scheduler.tickNow();
    await expect.poll(() => request.textContent()).toContain('Contesté par');
    expect(await request.textContent()).toContain(CLAIRE);
    await expectNothingExecuted();

    // Marc reads the reason in the dispute alert and maintains the CRA with an answer.
    await app.scheduler.tickNow();
    await demo!.openConversation('marc');
    const disputeAlert = messages().filter({ hasText: REASON });
    await expect.poll(() => disputeAlert.count()).toBe(1);
    await expectNothingExecuted();
    await disputeAlert.getByRole('button', { name: 'Maintenir et répondre' }).click();
    await dialog.getByLabel('Réponse au client').fill(ANSWER);
    await dialog.getByTestId('dialog-submit').click();
    await expect.poll(() => disputeAlert.getByRole('button', { name: 'Maintenir et répondre' }).count()).toBe(0);
    await expectNothingExecuted();

    // Claire gets the CRA again with Marc's answer, as text.
    await app.scheduler.tickNow();
    await demo!.openConversation('claire');
    const answered = messages().filter({ hasText: ANSWER });
    await expect.poll(() => answered.count()).toBe(1);
    expect(await answered.getByRole('button', { name: 'Valider' }).count()).toBe(1);
    await expectNothingExecuted();
  });

  it('would notice markup parsed as HTML (control: an element injected on purpose)', async () => {
    await page.evaluate(`(() => {
      const probe = document.createElement('div');
      probe.id = 'xss-probe';
      probe.innerHTML = '<img src="x" onerror="window.__xss=1">';
      document.body.append(probe);
    })()`);
    await expect(expectNothingExecuted()).rejects.toThrow();
    // The policy blocked the handler: the flag is still unset.
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    await page.evaluate("document.getElementById('xss-probe').remove()");
    violations.length = 0;
  });
});
