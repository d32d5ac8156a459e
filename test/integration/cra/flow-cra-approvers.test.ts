/**
 * Scenario (c): January 2027. Alice's CRA goes to Claire on Friday 29 January; Paul becomes the
 * mission's approver on 1 February: the pending request is re-routed to him (Claire's message says
 * so, both identities are in the audit). Marc then changes the approver by hand (Sophie), who
 * approves; Paul's request no longer works. Julien's contract allows tacit acceptance: reminders
 * announce it, Marc is alerted after 5 working days, the backup (Émilie) asked after 7, and the CRA
 * is deemed accepted after 10 (channel SYSTEM).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSchema } from '../../../src/chat/message.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { createRitualFlow, readable, type RitualFlow } from '../../helpers/ritual-flow.js';
import { auditOf, elementOf, fillWorked, latestWith, timesheetOf } from './cra-world.js';

let flow: RitualFlow;
const MONTH = '2027-01';

beforeAll(async () => {
  flow = await createRitualFlow('2027-01-29 14:00');
  await fillWorked(flow, 'alice-banque-nord', '2027-01-01', '2027-01-31');
  await fillWorked(flow, 'julien-assurances-rhin', '2027-01-01', '2027-01-31', [], 'FR-67');
  await flow.tick('2027-01-29 15:01');
  for (const person of ['alice', 'julien'] as const) {
    const { message } = await latestWith(flow, person, CRA_ACTIONS.submit);
    expect((await flow.click(person, elementOf(message, CRA_ACTIONS.submit))).refused).toBeUndefined();
  }
  await flow.tick('2027-01-29 15:02');
});

afterAll(async () => {
  await flow?.close();
});

describe('approvers changing while a CRA waits', () => {
  it('re-routes the pending request when the dated approver changes', async () => {
    let ts = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    expect(ts.approverId).toBe(flow.people.claire);
    const content = ts.versions[0]!.content as { totals: { amount: string } };
    expect(content.totals.amount).toBe(`${20 * 680}.00`);
    await flow.tick('2027-02-01 10:01');
    ts = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    expect(ts.approverId).toBe(flow.people.paul);
    await flow.tick('2027-02-01 10:02');
    const claire = await flow.conversation('claire');
    expect(readable(claire.at(-1)!.message)).toContain('Demande transmise à Paul Girard');
    expect(claire.at(-1)!.message.blocks.some((b) => b.type === 'actions')).toBe(false);
    await latestWith(flow, 'paul', CRA_ACTIONS.approve);
    const reroute = (await auditOf(flow, ts.id)).find((a) => a.action === 'cra.reroute')!;
    expect(reroute.data).toMatchObject({ fromApproverId: flow.people.claire, toApproverId: flow.people.paul, reason: 'dated' });
    expect(reroute.channel).toBe('SYSTEM');
  });

  it('lets the manager change the approver among the client’s contacts', async () => {
    const ts = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    const button = { actionId: CRA_ACTIONS.changeApprover, value: JSON.stringify({ t: ts.id }) };
    expect((await flow.click('paul', button)).refused?.code).toBe('CRA_NOT_ALLOWED_MANAGE');
    const opened = await flow.click('marc', button);
    formSchema.parse(opened.form);
    const field = opened.form!.fields[0]!;
    expect(field.kind === 'select' && field.options.map((o) => o.label).sort()).toEqual(['Claire Dubois', 'Paul Girard', 'Sophie Lemaire']);
    expect((await flow.submit('marc', opened.form!, { approver: flow.people.sophie })).refused).toBeUndefined();
    await flow.tick('2027-02-01 10:05');
    const paulRequest = await flow.conversation('paul');
    expect(readable(paulRequest.at(-1)!.message)).toContain('Sophie Lemaire');
    const request = await latestWith(flow, 'sophie', CRA_ACTIONS.approve);
    const approve = elementOf(request.message, CRA_ACTIONS.approve);
    expect((await flow.click('paul', approve)).refused?.code).toBe('CRA_NOT_APPROVER');
    expect((await flow.click('sophie', approve)).refused).toBeUndefined();
    const after = await timesheetOf(flow, 'alice-banque-nord', MONTH);
    expect(after.status).toBe('APPROVED');
    const approval = (await auditOf(flow, ts.id)).find((a) => a.action === 'cra.approve')!;
    expect(approval.actorId).toBe(flow.people.sophie);
  });

  it('tacit acceptance: announced in reminders, escalation, backup, then deemed accepted', async () => {
    const ts = await timesheetOf(flow, 'julien-assurances-rhin', MONTH);
    expect(ts.approverId).toBe(flow.people.thomas);
    await flow.tick('2027-02-02 10:01');
    const reminder = await latestWith(flow, 'thomas', CRA_ACTIONS.approve);
    expect(readable(reminder.message)).toContain('réputé accepté');
    expect(readable(reminder.message)).toContain('vendredi 12 février');
    await flow.tick('2027-02-05 10:01');
    expect(await flow.prisma.alert.count({ where: { kind: 'OVERDUE_VALIDATION', timesheetId: ts.id } })).toBe(1);
    await flow.tick('2027-02-09 10:01');
    const backup = await latestWith(flow, 'emilie', CRA_ACTIONS.approve);
    expect(readable(backup.message)).toContain('suppléant');
    await flow.tick('2027-02-11 10:01');
    expect((await timesheetOf(flow, 'julien-assurances-rhin', MONTH)).status).toBe('PENDING_CLIENT');
    await flow.tick('2027-02-12 10:01');
    const after = await timesheetOf(flow, 'julien-assurances-rhin', MONTH);
    expect(after).toMatchObject({ status: 'APPROVED', approvedVersion: 1, approvedHash: after.versions[0]!.contentHash });
    const tacit = (await auditOf(flow, ts.id)).find((a) => a.action === 'cra.tacit-approve')!;
    expect(tacit).toMatchObject({ channel: 'SYSTEM', actorId: null });
  });

  it('without any approver the CRA waits SUBMITTED and the manager chooses one', async () => {
    const sarah = flow.missions['sarah-banque-nord'];
    await flow.prisma.missionApprover.deleteMany({ where: { missionId: sarah } });
    await fillWorked(flow, 'sarah-banque-nord', '2027-01-01', '2027-01-31');
    flow.setClock('2027-02-12 11:00');
    const { message } = await latestWith(flow, 'sarah', CRA_ACTIONS.submit);
    expect((await flow.click('sarah', elementOf(message, CRA_ACTIONS.submit))).refused).toBeUndefined();
    let ts = await timesheetOf(flow, 'sarah-banque-nord', MONTH);
    expect(ts).toMatchObject({ status: 'SUBMITTED', approverId: null });
    await flow.tick('2027-02-12 11:01');
    const notice = await latestWith(flow, 'marc', CRA_ACTIONS.changeApprover, 'Aucun valideur');
    const opened = await flow.click('marc', elementOf(notice.message, CRA_ACTIONS.changeApprover));
    expect((await flow.submit('marc', opened.form!, { approver: flow.people.thomas })).fieldErrors?.[0]?.field).toBe('approver');
    expect((await flow.submit('marc', opened.form!, { approver: flow.people.claire })).refused).toBeUndefined();
    ts = await timesheetOf(flow, 'sarah-banque-nord', MONTH);
    expect(ts).toMatchObject({ status: 'PENDING_CLIENT', approverId: flow.people.claire });
    expect(ts.sentToClientAt).not.toBeNull();
    await flow.tick('2027-02-12 11:02');
    await latestWith(flow, 'claire', CRA_ACTIONS.approve, 'Sarah Lambert');
  });
});
