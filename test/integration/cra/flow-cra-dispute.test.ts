/**
 * Scenario (b): Sarah's November 2026 CRA is disputed by Claire for two days; Marc maintains it
 * with an answer (same version back to Claire), Claire disputes again, Marc has it corrected: the
 * CRA goes back to draft as version 2 (the contested days marked), Sarah fixes a day through the
 * ESN's days form and resubmits; version 2 goes to Claire, who approves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSchema } from '../../../src/chat/message.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { createRitualFlow, readable, type RitualFlow } from '../../helpers/ritual-flow.js';
import { auditOf, clickOn, elementOf, fillWorked, latestWith, timesheetOf } from './cra-world.js';

let flow: RitualFlow;
const MONTH = '2026-11';
const SARAH = 'sarah-banque-nord';

beforeAll(async () => {
  flow = await createRitualFlow('2026-11-30 14:00');
  await fillWorked(flow, SARAH, '2026-11-01', '2026-11-30');
  await flow.tick('2026-11-30 15:01');
  const { message } = await latestWith(flow, 'sarah', CRA_ACTIONS.submit);
  expect((await flow.click('sarah', elementOf(message, CRA_ACTIONS.submit))).refused).toBeUndefined();
  await flow.tick('2026-11-30 15:02');
});

afterAll(async () => {
  await flow?.close();
});

async function dispute(reason: string, days: string) {
  const request = await latestWith(flow, 'claire', CRA_ACTIONS.dispute);
  const opened = await flow.click('claire', elementOf(request.message, CRA_ACTIONS.dispute));
  expect(opened.form?.actionId).toBe(CRA_ACTIONS.disputeForm);
  formSchema.parse(opened.form);
  return flow.submit('claire', opened.form!, { reason, days });
}

describe('a disputed CRA, maintained, disputed again, corrected and approved', () => {
  it('records the optional satisfaction of the approver only', async () => {
    const request = await latestWith(flow, 'claire', CRA_ACTIONS.satisfaction);
    const choice = elementOf(request.message, CRA_ACTIONS.satisfaction);
    expect((await flow.click('sarah', choice, '5')).refused?.code).toBe('CRA_OWN_APPROVAL');
    expect((await flow.click('claire', choice, '9')).refused).toBeDefined();
    expect((await flow.click('claire', choice, '4')).notice).toContain('4/5');
    expect((await timesheetOf(flow, SARAH, MONTH)).satisfaction).toBe(4);
  });

  it('validates the dispute form: a reason, days of the month inside the mission', async () => {
    expect((await dispute('  ', '')).fieldErrors?.[0]?.field).toBe('reason');
    const outside = await dispute('Jours en trop', '2026-11-05, 2026-12-01');
    expect(outside.fieldErrors?.[0]?.field).toBe('days');
    expect(outside.fieldErrors?.[0]?.message).toContain('2026-12-01');
    expect((await timesheetOf(flow, SARAH, MONTH)).status).toBe('PENDING_CLIENT');
  });

  it('a partial dispute tells the manager (correct / maintain) and the consultant', async () => {
    const result = await dispute('Sarah était en congé le 5 et le 6', '2026-11-05 2026-11-06');
    expect(result.refused).toBeUndefined();
    const ts = await timesheetOf(flow, SARAH, MONTH);
    expect(ts.status).toBe('DISPUTED');
    expect(ts.disputes[0]!.days.map((d) => d.date.toISOString().slice(0, 10)).sort()).toEqual(['2026-11-05', '2026-11-06']);
    await flow.tick('2026-11-30 15:10');
    const alert = await latestWith(flow, 'marc', CRA_ACTIONS.correct);
    expect(readable(alert.message)).toContain('Sarah était en congé');
    expect(readable(alert.message)).toContain('les autres jours ne sont pas contestés');
    const sarah = await flow.conversation('sarah');
    expect(readable(sarah.at(-1)!.message)).toContain('disputed by the client');
    expect(readable(sarah.at(-1)!.message)).not.toContain('congé le 5');
    // Claire's request lost its buttons.
    const claire = await flow.conversation('claire');
    expect(claire.filter((c) => c.message.blocks.some((b) => b.type === 'actions'))).toHaveLength(0);
  });

  it('maintain: same version back to the approver with the answer', async () => {
    const alert = await latestWith(flow, 'marc', CRA_ACTIONS.maintain);
    expect((await flow.click('sarah', elementOf(alert.message, CRA_ACTIONS.maintain))).refused?.code).toBe('CRA_NOT_ALLOWED_MANAGE');
    const opened = await clickOn(flow, 'marc', alert.id, elementOf(alert.message, CRA_ACTIONS.maintain));
    formSchema.parse(opened.form);
    const done = await flow.submit('marc', opened.form!, { answer: 'Les feuilles de présence du site montrent Sarah présente.' });
    expect(done.refused).toBeUndefined();
    const ts = await timesheetOf(flow, SARAH, MONTH);
    expect(ts.status).toBe('PENDING_CLIENT');
    expect(ts.version).toBe(1);
    await flow.tick('2026-11-30 15:20');
    const request = await latestWith(flow, 'claire', CRA_ACTIONS.approve);
    expect(readable(request.message)).toContain('feuilles de présence');
  });

  it('correct: version 2 in draft with the contested days marked; the consultant fixes and resubmits', async () => {
    expect((await dispute('Toujours pas d’accord sur le 5', '2026-11-05')).refused).toBeUndefined();
    await flow.tick('2026-11-30 15:30');
    const alert = await latestWith(flow, 'marc', CRA_ACTIONS.correct);
    const corrected = await clickOn(flow, 'marc', alert.id, elementOf(alert.message, CRA_ACTIONS.correct));
    expect(corrected.refused).toBeUndefined();
    let ts = await timesheetOf(flow, SARAH, MONTH);
    expect(ts.status).toBe('DRAFT');
    expect(ts.version).toBe(2);
    expect(ts.versions[0]!.supersededAt).not.toBeNull();

    await flow.tick('2026-11-30 15:40');
    const back = await latestWith(flow, 'sarah', CRA_ACTIONS.submit);
    expect(readable(back.message)).toContain('05●⚑');
    // Sarah fixes the 5th through the ESN's days form: a day of paid leave.
    const form = (await flow.click('sarah', elementOf(back.message, 'days.edit'))).form!;
    const saved = await flow.submit('sarah', form, { 'day_2026-11-05': 'CP' });
    expect(saved.refused).toBeUndefined();
    expect(saved.fieldErrors).toBeUndefined();
    expect((await clickOn(flow, 'sarah', back.id, elementOf(back.message, CRA_ACTIONS.submit))).refused).toBeUndefined();
    ts = await timesheetOf(flow, SARAH, MONTH);
    expect(ts.status).toBe('PENDING_CLIENT');
    expect(ts.versions).toHaveLength(2);
    expect(ts.versions[1]!.contentHash).not.toBe(ts.versions[0]!.contentHash);

    // The old version's approve button is refused; the new one is approved.
    await flow.tick('2026-11-30 15:50');
    const claire = await flow.conversation('claire');
    const old = claire.flatMap((c) => c.message.blocks).length;
    expect(old).toBeGreaterThan(0);
    const request = await latestWith(flow, 'claire', CRA_ACTIONS.approve);
    expect(JSON.parse(elementOf(request.message, CRA_ACTIONS.approve).value)).toMatchObject({ v: 2 });
    expect(readable(request.message)).toContain('05: 0');
    const stale = JSON.stringify({ t: ts.id, v: 1, h: ts.versions[0]!.contentHash });
    expect((await flow.click('claire', { actionId: CRA_ACTIONS.approve, value: stale })).refused?.code).toBe('CRA_OUTDATED');
    expect((await clickOn(flow, 'claire', request.id, elementOf(request.message, CRA_ACTIONS.approve))).refused).toBeUndefined();
    ts = await timesheetOf(flow, SARAH, MONTH);
    expect(ts).toMatchObject({ status: 'APPROVED', approvedVersion: 2, approvedHash: ts.versions[1]!.contentHash });

    const actions = (await auditOf(flow, ts.id)).map((a) => a.action);
    expect(actions).toEqual(['cra.submit', 'cra.send', 'cra.satisfaction', 'cra.dispute', 'cra.maintain', 'cra.dispute', 'cra.correct', 'cra.submit', 'cra.send', 'cra.approve']);
  });
});
