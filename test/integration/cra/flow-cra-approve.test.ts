/**
 * Scenario (a) and (d) with the tick runner: Alice's mission starts mid-November 2026 (the days
 * before the 16th are outside the window). The month closes on Monday 30 November at 15:00; Alice
 * submits; Claire gets the request (billable units only: no sick leave, note or mood), is reminded
 * twice (2 and 4 working days later), Marc gets the overdue alert after 5, then Claire approves in
 * place. Authorization: the consultant, another mission's approver, an outdated version are refused
 * and change nothing; a second approval is a no-op.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import { formSchema } from '../../../src/chat/message.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { createRitualFlow, readable, type RitualFlow } from '../../helpers/ritual-flow.js';
import { auditOf, clickOn, elementOf, fillWorked, latestWith, timesheetOf } from './cra-world.js';

let flow: RitualFlow;
const MONTH = '2026-11';

beforeAll(async () => {
  flow = await createRitualFlow('2026-11-30 14:00');
  // Worked every working day from the 16th, except a sick day on the 19th with a note and a low mood.
  await fillWorked(flow, 'alice-banque-nord', '2026-11-16', '2026-11-30', ['2026-11-19']);
  const m = await flow.prisma.mission.findUniqueOrThrow({ where: { id: flow.missions['alice-banque-nord'] } });
  await flow.prisma.dayEntry.create({
    data: { missionId: m.id, personId: m.consultantId, date: toDateOnlyUTC('2026-11-19'), fraction: '1', kind: 'SICK', note: 'Grippe carabinée', source: 'WEB' },
  });
  // Sarah is on leave on closing day: her manager may submit for her.
  await fillWorked(flow, 'sarah-banque-nord', '2026-11-01', '2026-11-30', ['2026-11-30']);
  const sarah = await flow.prisma.mission.findUniqueOrThrow({ where: { id: flow.missions['sarah-banque-nord'] } });
  await flow.prisma.dayEntry.create({
    data: { missionId: sarah.id, personId: sarah.consultantId, date: toDateOnlyUTC('2026-11-30'), fraction: '1', kind: 'CP', source: 'WEB' },
  });
  const checkIn = await flow.prisma.checkIn.create({
    data: { missionId: m.id, personId: m.consultantId, kind: 'DAILY', date: toDateOnlyUTC('2026-11-18'), status: 'ANSWERED' },
  });
  await flow.prisma.checkInAnswer.createMany({
    data: [
      { checkInId: checkIn.id, key: 'mood', value: '1' },
      { checkInId: checkIn.id, key: 'note', value: 'Ambiance tendue avec le chef de projet' },
    ],
  });
});

afterAll(async () => {
  await flow?.close();
});

describe('a CRA submitted, reminded, escalated and approved', () => {
  it('sends each consultant their month at closing, with the days outside the mission and a submit button', async () => {
    await flow.tick('2026-11-30 15:01');
    const { message } = await latestWith(flow, 'alice', CRA_ACTIONS.submit);
    const text = readable(message);
    expect(text).toContain('novembre 2026');
    expect(text).toMatch(/02–/); // 2 November is outside the window
    expect(text).toContain('hors mission : 15 j');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(elementOf(message, 'days.edit')).toBeDefined();
    // A month without any activity still gets its CRA (Julien has no day recorded).
    await latestWith(flow, 'julien', CRA_ACTIONS.submit);
    const julien = await timesheetOf(flow, 'julien-assurances-rhin', MONTH);
    expect(julien.status).toBe('DRAFT');
  });

  it('offers the manager to submit for a consultant away at closing, traced under the manager’s name', async () => {
    const notice = await latestWith(flow, 'marc', CRA_ACTIONS.submit);
    expect(readable(notice.message)).toContain('Sarah Lambert');
    expect((await flow.click('julien', elementOf(notice.message, CRA_ACTIONS.submit))).refused?.code).toBe('CRA_NOT_ALLOWED_SUBMIT');
    const result = await clickOn(flow, 'marc', notice.id, elementOf(notice.message, CRA_ACTIONS.submit));
    expect(result.refused).toBeUndefined();
    expect(readable(result.update!)).toContain('CRA soumis pour Sarah Lambert');
    const ts = await timesheetOf(flow, 'sarah-banque-nord', MONTH);
    expect(ts).toMatchObject({ status: 'PENDING_CLIENT', submittedById: flow.people.marc });
    const submit = (await auditOf(flow, ts.id)).find((a) => a.action === 'cra.submit')!;
    expect(submit).toMatchObject({ actorId: flow.people.marc, data: { onBehalfOf: flow.people.sarah } });
    const told = await flow.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: flow.people.sarah, kind: 'cra.submitted' } });
    expect(JSON.stringify(told.payload)).toContain('Marc Lefèvre submitted your');
  });

  it('refuses to submit a month with missing days, listing them', async () => {
    const { message } = await latestWith(flow, 'julien', CRA_ACTIONS.submit);
    const result = await flow.click('julien', elementOf(message, CRA_ACTIONS.submit));
    expect(result.refused?.code).toBe('CRA_INCOMPLETE');
    expect(result.notice).toContain('2026-11-02');
    expect((await timesheetOf(flow, 'julien-assurances-rhin', MONTH)).status).toBe('DRAFT');
  });

  it('submits: a frozen version goes to the approver resolved today, billable units only', async () => {
    const { id, message } = await latestWith(flow, 'alice', CRA_ACTIONS.submit);
    const result = await clickOn(flow, 'alice', id, elementOf(message, CRA_ACTIONS.submit));
    expect(result.refused).toBeUndefined();
    expect(readable(result.update!)).toContain('Claire Dubois');
    const ts = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    expect(ts.status).toBe('PENDING_CLIENT');
    expect(ts.approverId).toBe(flow.people.claire);
    expect(ts.versions).toHaveLength(1);
    expect(ts.versions[0]!.contentHash).toBe(ts.contentHash);
    const content = ts.versions[0]!.content as { totals: { days: string; amount: string }; lines: unknown[] };
    expect(content.totals).toEqual({ days: '10', amount: '6500.00' });

    await flow.tick('2026-11-30 15:02');
    const request = await latestWith(flow, 'claire', CRA_ACTIONS.approve, 'Alice Martin');
    // The CJM (420) is looked for as an amount: a bare "420" can occur in a record id or a hash.
    const shown = JSON.stringify(request.message);
    expect(readable(request.message)).toContain('Alice Martin');
    expect(readable(request.message)).toMatch(/6\s500/);
    expect(readable(request.message)).toContain('BDC-2026-118');
    for (const secret of ['Maladie', 'SICK', 'Sick', 'Grippe', 'Ambiance', 'mood', 'humeur', 'absence', 'Absence', '420,00', '420.00', '420 €']) {
      expect(shown, secret).not.toContain(secret);
    }
    expect(readable(request.message)).toContain('19: 0');
  });

  it('reminds the approver every 2 working days, then alerts the manager after 5', async () => {
    const ts = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    await flow.tick('2026-12-01 10:01');
    await flow.tick('2026-12-02 10:01');
    await flow.tick('2026-12-04 10:01');
    const reminders = await flow.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `cra-request:${ts.id}:v1:${flow.people.claire}:d` } } });
    expect(reminders.map((r) => r.dedupeKey.split(':').at(-1)).sort()).toEqual(['d2', 'd4']);
    expect(await flow.prisma.alert.count({ where: { kind: 'OVERDUE_VALIDATION' } })).toBe(0);
    await flow.tick('2026-12-07 10:01');
    const alert = await flow.prisma.alert.findFirstOrThrow({ where: { kind: 'OVERDUE_VALIDATION', timesheetId: ts.id } });
    expect(alert.recipientId).toBe(flow.people.marc);
    const overdue = await latestWith(flow, 'marc', CRA_ACTIONS.remind);
    expect(readable(overdue.message)).toContain('5 jour(s) ouvré(s)');
    expect(elementOf(overdue.message, CRA_ACTIONS.changeApprover)).toBeDefined();
    expect(elementOf(overdue.message, CRA_ACTIONS.backup)).toBeDefined();
    expect((await timesheetOf(flow, 'alice-banque-nord', MONTH)).reminderCount).toBe(2);
  });

  it('refuses the consultant, another mission’s approver and an outdated version, changing nothing', async () => {
    const request = await latestWith(flow, 'claire', CRA_ACTIONS.approve, 'Alice Martin');
    const approve = elementOf(request.message, CRA_ACTIONS.approve);
    const before = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    const auditBefore = (await auditOf(flow, before.id)).length;

    expect((await flow.click('alice', approve)).refused?.code).toBe('CRA_OWN_APPROVAL');
    const other = await flow.click('thomas', approve);
    expect(other.refused?.code).toBe('CRA_NOT_APPROVER');
    expect(other.notice).toContain('Rien n’a été modifié');
    expect((await flow.click('marc', approve)).refused?.code).toBe('CRA_NOT_APPROVER');
    const value = JSON.parse(approve.value) as { t: string; v: number; h: string };
    const outdated = await flow.click('claire', { actionId: CRA_ACTIONS.approve, value: JSON.stringify({ ...value, v: 2 }) });
    expect(outdated.refused?.code).toBe('CRA_OUTDATED');
    const forged = await flow.click('claire', { actionId: CRA_ACTIONS.approve, value: JSON.stringify({ ...value, h: 'a'.repeat(64) }) });
    expect(forged.refused?.code).toBe('CRA_OUTDATED');

    const after = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    expect(after.status).toBe('PENDING_CLIENT');
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect((await auditOf(flow, before.id)).length).toBe(auditBefore);
  });

  it('approves in place: locked version, audit with approver, channel and hash; a second approval is a no-op', async () => {
    await flow.tick('2026-12-07 11:00');
    const request = await latestWith(flow, 'claire', CRA_ACTIONS.approve, 'Alice Martin');
    const approve = elementOf(request.message, CRA_ACTIONS.approve);
    const result = await clickOn(flow, 'claire', request.id, approve);
    expect(result.refused).toBeUndefined();
    expect(result.update!.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(readable(result.update!)).toContain('Validé par Claire Dubois');

    const ts = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    expect(ts.status).toBe('APPROVED');
    expect(ts.approvedVersion).toBe(1);
    expect(ts.approvedHash).toBe(ts.versions[0]!.contentHash);
    expect(ts.versions[0]!.approvedAt).not.toBeNull();
    const approval = (await auditOf(flow, ts.id)).find((a) => a.action === 'cra.approve')!;
    expect(approval).toMatchObject({ actorId: flow.people.claire, channel: 'WEB', version: 1, contentHash: ts.approvedHash, toStatus: 'APPROVED' });
    expect(await flow.prisma.alert.count({ where: { kind: 'OVERDUE_VALIDATION', status: 'OPEN', timesheetId: ts.id } })).toBe(0);

    const again = await flow.click('claire', approve);
    expect(again.refused).toBeUndefined();
    expect(again.notice).toContain('déjà été validé');
    expect((await auditOf(flow, ts.id)).filter((a) => a.action === 'cra.approve')).toHaveLength(1);

    // Every request of that CRA (the reminders too) lost its buttons; Marc is told, with Reopen (he is admin).
    await flow.tick('2026-12-07 11:01');
    const claire = await flow.conversation('claire');
    expect(claire.filter((c) => c.message.blocks.some((b) => b.type === 'actions') && readable(c.message).includes('Alice Martin'))).toHaveLength(0);
    const approved = await latestWith(flow, 'marc', CRA_ACTIONS.reopen);
    expect(readable(approved.message)).toMatch(/6\s500/);
  });

  it('lets an ESN admin reopen an approved CRA with a reason (never the consultant)', async () => {
    const approved = await latestWith(flow, 'marc', CRA_ACTIONS.reopen);
    const reopen = elementOf(approved.message, CRA_ACTIONS.reopen);
    expect((await flow.click('alice', reopen)).refused?.code).toBe('CRA_REOPEN_FORBIDDEN');
    const opened = await flow.click('marc', reopen);
    formSchema.parse(opened.form);
    expect((await flow.submit('marc', opened.form!, { reason: ' ' })).fieldErrors?.[0]?.field).toBe('reason');
    const forged = await flow.submit('alice', opened.form!, { reason: 'Je veux changer mes jours' });
    expect(forged.refused?.code).toBe('CRA_REOPEN_FORBIDDEN');
    expect((await flow.submit('marc', opened.form!, { reason: 'Le 19 était travaillé' })).refused).toBeUndefined();
    const ts = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    expect(ts).toMatchObject({ status: 'DRAFT', version: 2, approvedHash: null });
    expect(ts.versions[0]).toMatchObject({ version: 1 });
    expect(ts.versions[0]!.approvedAt).not.toBeNull();
    expect(ts.versions[0]!.supersededAt).not.toBeNull();
    const reopened = (await auditOf(flow, ts.id)).find((a) => a.action === 'cra.reopen')!;
    expect(reopened).toMatchObject({ actorId: flow.people.marc, channel: 'WEB', version: 2, data: { reason: 'Le 19 était travaillé', previousVersion: 1 } });
  });
});
