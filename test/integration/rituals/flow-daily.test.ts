/**
 * The daily check-in lived end to end, in-process with a simulated clock (examples/org.yaml, web
 * chat messenger): delivery at 17:30, answers by click (half day, the other half, change, full day,
 * absence), a note with a blocker to the manager (in working hours, or the next morning), the next
 * morning's reminder answered from the reminder (the question updated too), English for Sarah, and
 * a submitted month that refuses any answer.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/chat/message.js';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import { dailyCheckInKey, dailyReminderKey } from '../../../src/rituals/daily-checkin/keys.js';
import {
  createRitualFlow,
  deliveredCopy,
  element,
  elementsNamed,
  labelsOf,
  outboxRow,
  paris,
  readable,
  type MissionRef,
  type RitualFlow,
} from '../../helpers/ritual-flow.js';

let flow: RitualFlow;

beforeAll(async () => {
  // Alice's mission starts on Monday 16 November 2026.
  flow = await createRitualFlow('2026-11-17 08:00');
});

afterAll(async () => {
  await flow?.close();
});

/** The check-in row of a mission and date, with its answers. */
async function checkIn(mission: MissionRef, date: string) {
  return flow.prisma.checkIn.findUnique({
    where: { missionId_kind_date: { missionId: flow.missions[mission], kind: 'DAILY', date: toDateOnlyUTC(date) } },
    include: { answers: true },
  });
}

/** A mission's entries on a date, as { KIND: fraction }. */
async function entries(mission: MissionRef, date: string): Promise<Record<string, number>> {
  const rows = await flow.prisma.dayEntry.findMany({ where: { missionId: flow.missions[mission], date: toDateOnlyUTC(date) } });
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.fraction.toString())]));
}

const answersOf = (row: { answers: { key: string; value: string }[] } | null) =>
  Object.fromEntries((row?.answers ?? []).map((a) => [a.key, a.value]));

/** The delivered copy (web chat) of the message queued under a dedupe key. */
async function delivered(dedupeKey: string): Promise<ChatMessage> {
  const row = await outboxRow(flow.prisma, dedupeKey);
  expect(row, dedupeKey).not.toBeNull();
  const copy = await deliveredCopy(flow.prisma, row!.id);
  expect(copy, `web copy of ${dedupeKey}`).not.toBeNull();
  return copy!;
}

const dailyKey = (mission: MissionRef, date: string) => dailyCheckInKey(flow.missions[mission], date);

async function auditCount(where: { action: string; entityId?: string }) {
  return flow.prisma.auditEvent.count({ where });
}

describe('Tuesday 17 November: answering by click', () => {
  let question: ChatMessage;
  let current: ChatMessage;

  it('delivers nothing before 17:30, then Alice’s check-in at the 17:31 tick', async () => {
    await flow.tick('2026-11-17 17:15');
    expect(await checkIn('alice-banque-nord', '2026-11-17')).toBeNull();
    expect(await flow.conversation('alice')).toEqual([]);

    await flow.tick('2026-11-17 17:31');
    const row = await checkIn('alice-banque-nord', '2026-11-17');
    expect(row).toMatchObject({ status: 'PENDING', personId: flow.people.alice });
    const conversation = await flow.conversation('alice');
    expect(conversation).toHaveLength(1);
    question = conversation[0]!.message;
    expect(readable(question)).toContain('Comment s’est passée votre journée du *mardi 17 novembre* sur *Refonte du SI paiements* ?');
    // Half-day granularity: full day, morning only, afternoon only, and the absence select.
    expect(labelsOf(question, 'daily.answer')).toEqual(['Journée complète', 'Matin seulement', 'Après-midi seulement']);
    expect(elementsNamed(question, 'daily.absence')).toHaveLength(1);
    const sent = await outboxRow(flow.prisma, dailyKey('alice-banque-nord', '2026-11-17'));
    expect(sent).toMatchObject({ status: 'SENT', recipientId: flow.people.alice, kind: 'checkin.daily' });
    expect(sent!.sentAt).toEqual(paris('2026-11-17 17:31'));
    // Julien's check-in is at 18:00: not yet.
    expect(await checkIn('julien-assurances-rhin', '2026-11-17')).toBeNull();
  });

  it('"Matin seulement" records half a day worked, answers the check-in and shows the outcome without the answer buttons', async () => {
    flow.setClock('2026-11-17 17:40');
    const result = await flow.click('alice', element(question, 'daily.answer', { a: 'half-am' }));
    expect(result.refused).toBeUndefined();
    expect(await entries('alice-banque-nord', '2026-11-17')).toEqual({ WORKED: 0.5 });
    const row = await checkIn('alice-banque-nord', '2026-11-17');
    expect(row).toMatchObject({ status: 'ANSWERED', answeredVia: 'WEB' });
    expect(row!.answeredAt).toEqual(paris('2026-11-17 17:40'));
    expect(answersOf(row)).toMatchObject({ day: 'half', half: 'AM' });

    current = result.update!;
    expect(readable(current)).toContain('Matin travaillé');
    expect(elementsNamed(current, 'daily.answer')).toEqual([]);
    expect(elementsNamed(current, 'daily.absence')).toEqual([]);
    // What the other half was, and a way to change the answer.
    expect(elementsNamed(current, 'daily.other-half')).toHaveLength(1);
    expect(elementsNamed(current, 'daily.change')).toHaveLength(1);
    // The delivered question is updated the same way (an update row of the original message).
    const updates = await flow.prisma.outboxMessage.findMany({ where: { updates: { dedupeKey: dailyKey('alice-banque-nord', '2026-11-17') } } });
    expect(updates).toHaveLength(1);
    expect(readable(updates[0]!.payload as ChatMessage)).toContain('Matin travaillé');
  });

  it('the other half "RTT" adds half a day of RTT', async () => {
    const result = await flow.click('alice', element(current, 'daily.other-half'), 'RTT');
    expect(result.refused).toBeUndefined();
    expect(await entries('alice-banque-nord', '2026-11-17')).toEqual({ WORKED: 0.5, RTT: 0.5 });
    current = result.update!;
    expect(readable(current)).toContain('Matin travaillé, après-midi : RTT');
    expect(elementsNamed(current, 'daily.other-half')).toEqual([]);
  });

  it('"Modifier" then "Journée complète" replaces both by a full day worked, each change audited', async () => {
    const change = await flow.click('alice', element(current, 'daily.change'));
    expect(change.refused).toBeUndefined();
    const again = change.update!;
    expect(labelsOf(again, 'daily.answer')).toEqual(['Journée complète', 'Matin seulement', 'Après-midi seulement']);
    // "Change" alone changes nothing.
    expect(await entries('alice-banque-nord', '2026-11-17')).toEqual({ WORKED: 0.5, RTT: 0.5 });

    const full = await flow.click('alice', element(again, 'daily.answer', { a: 'full' }));
    expect(full.refused).toBeUndefined();
    expect(await entries('alice-banque-nord', '2026-11-17')).toEqual({ WORKED: 1 });
    expect(readable(full.update!)).toContain('Journée complète');
    expect(answersOf(await checkIn('alice-banque-nord', '2026-11-17'))).toMatchObject({ day: 'full' });
    expect(answersOf(await checkIn('alice-banque-nord', '2026-11-17')).half).toBeUndefined();

    const audit = await flow.prisma.auditEvent.findMany({
      where: { action: 'days.record', entityId: `${flow.missions['alice-banque-nord']}:2026-11-17` },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.data)).toEqual([
      expect.objectContaining({ from: {}, to: { WORKED: '0.5' } }),
      expect.objectContaining({ from: { WORKED: '0.5' }, to: { WORKED: '0.5', RTT: '0.5' } }),
      expect.objectContaining({ from: { WORKED: '0.5', RTT: '0.5' }, to: { WORKED: '1' } }),
    ]);
    expect(audit.every((a) => a.actorId === flow.people.alice && a.channel === 'WEB')).toBe(true);
  });

  it('the same click delivered twice changes nothing the second time', async () => {
    // Slack or Teams may deliver one payload twice: the router answers the repeat with the first answer.
    const interaction = {
      id: randomUUID(),
      kind: 'action' as const,
      actor: flow.actor('alice'),
      actionId: 'daily.answer',
      // A click on the question as first delivered (its web copy still had the buttons).
      value: element(question, 'daily.answer', { a: 'half-pm' }).value,
    };
    const before = await auditCount({ action: 'days.record' });
    const first = await flow.router.handle(interaction);
    expect(first.refused).toBeUndefined();
    expect(await entries('alice-banque-nord', '2026-11-17')).toEqual({ WORKED: 0.5 });
    expect(answersOf(await checkIn('alice-banque-nord', '2026-11-17'))).toMatchObject({ day: 'half', half: 'PM' });
    const second = await flow.router.handle(interaction);
    expect(second.duplicate).toBe(true);
    expect(second.update).toEqual(first.update);
    expect(await auditCount({ action: 'days.record' })).toBe(before + 1);
    // Back to the full day for what follows.
    const full = await flow.click('alice', element(question, 'daily.answer', { a: 'full' }));
    expect(full.refused).toBeUndefined();
    expect(await entries('alice-banque-nord', '2026-11-17')).toEqual({ WORKED: 1 });
  });

  it('Sarah, whose locale is English, gets her check-in and its outcome in English', async () => {
    const conversation = await flow.conversation('sarah');
    expect(conversation).toHaveLength(1);
    const sarahQuestion = conversation[0]!.message;
    expect(readable(sarahQuestion)).toContain('How was *Tuesday 17 November* on *Audit de performance des API de paiement*?');
    expect(labelsOf(sarahQuestion, 'daily.answer')).toEqual(['Full day', 'Morning only', 'Afternoon only']);
    const result = await flow.click('sarah', element(sarahQuestion, 'daily.answer', { a: 'half-pm' }));
    expect(result.refused).toBeUndefined();
    expect(readable(result.update!)).toContain('Afternoon worked');
    expect(labelsOf(result.update!, 'daily.change')).toEqual(['Change']);
    expect(await entries('sarah-banque-nord', '2026-11-17')).toEqual({ WORKED: 0.5 });
    // And nobody else can answer her check-in.
    const stolen = await flow.click('alice', element(sarahQuestion, 'daily.answer', { a: 'full' }));
    expect(stolen.refused).toEqual({ code: 'NOT_YOURS' });
    expect(await entries('sarah-banque-nord', '2026-11-17')).toEqual({ WORKED: 0.5 });
  });
});

describe('Wednesday 18 November: an absence, a note and blockers', () => {
  let question: ChatMessage;
  let answered: ChatMessage;

  it('the absence select records a full day of sick leave', async () => {
    await flow.tick('2026-11-18 09:01');
    // Tuesday was answered: no reminder this morning, even for Sarah's half day (answered, the other half left open).
    expect(await outboxRow(flow.prisma, dailyReminderKey(flow.missions['alice-banque-nord'], '2026-11-17'))).toBeNull();
    expect(await entries('sarah-banque-nord', '2026-11-17')).toEqual({ WORKED: 0.5 });
    expect(await outboxRow(flow.prisma, dailyReminderKey(flow.missions['sarah-banque-nord'], '2026-11-17'))).toBeNull();
    await flow.tick('2026-11-18 17:31');
    const conversation = await flow.conversation('alice');
    question = conversation[conversation.length - 1]!.message;
    expect(readable(question)).toContain('mercredi 18 novembre');
    flow.setClock('2026-11-18 17:35');
    const result = await flow.click('alice', element(question, 'daily.absence'), 'SICK');
    expect(result.refused).toBeUndefined();
    expect(await entries('alice-banque-nord', '2026-11-18')).toEqual({ SICK: 1 });
    expect(await checkIn('alice-banque-nord', '2026-11-18')).toMatchObject({ status: 'ANSWERED' });
    answered = result.update!;
    expect(readable(answered)).toContain('Maladie');
  });

  it('a note with a blocker alerts Marc once, delivered at the next tick in working hours', async () => {
    flow.setClock('2026-11-18 17:40');
    const open = await flow.click('alice', element(answered, 'daily.note'));
    expect(open.form).toBeDefined();
    expect(open.form!.fields.map((f) => f.id)).toEqual(['note', 'blocker']);
    const blocker = 'Pas d’accès à la recette depuis ce matin';
    const saved = await flow.submit('alice', open.form!, { note: 'Journée au lit', blocker });
    expect(saved.fieldErrors).toBeUndefined();
    expect(saved.notice).toBe('Votre point bloquant a été transmis à votre manager.');
    expect(readable(saved.update!)).toContain(`Point bloquant (transmis à votre manager) : ${blocker}`);

    const alerts = await flow.prisma.alert.findMany({ where: { kind: 'BLOCKER' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ recipientId: flow.people.marc, subjectId: flow.people.alice, missionId: flow.missions['alice-banque-nord'], status: 'OPEN' });
    const toMarc = await flow.prisma.outboxMessage.findMany({ where: { recipientId: flow.people.marc } });
    expect(toMarc).toHaveLength(1);
    expect(toMarc[0]).toMatchObject({ kind: 'alert.blocker', status: 'PENDING' });
    expect(readable(toMarc[0]!.payload as ChatMessage)).toContain(blocker);
    expect(toMarc[0]!.nextAttemptAt).toEqual(paris('2026-11-18 17:40'));
    expect(await flow.conversation('marc')).toEqual([]);

    await flow.tick('2026-11-18 17:45');
    const marc = await flow.conversation('marc');
    expect(marc).toHaveLength(1);
    expect(readable(marc[0]!.message)).toContain('Alice Martin');
    expect(readable(marc[0]!.message)).toContain(blocker);
    expect(elementsNamed(marc[0]!.message, 'alert.ack')).toHaveLength(1);

    // Saving the same note again raises nothing new.
    const open2 = await flow.click('alice', element(saved.update!, 'daily.note'));
    expect(open2.form!.fields.find((f) => f.id === 'blocker')).toMatchObject({ initial: blocker });
    const same = await flow.submit('alice', open2.form!, { note: 'Journée au lit', blocker });
    expect(same.notice).toBe('Note enregistrée.');
    expect(await flow.prisma.alert.count({ where: { kind: 'BLOCKER' } })).toBe(1);
    // The manager's alert is the only place the blocker went: no client contact, nobody else.
    expect(await flow.prisma.outboxMessage.count({ where: { kind: { startsWith: 'alert' } } })).toBe(1);
  });

  it('a new blocker raised at 21:00 waits for Marc’s next working morning (08:30)', async () => {
    flow.setClock('2026-11-18 21:00');
    const open = await flow.click('alice', element(answered, 'daily.note'));
    const blocker = 'Toujours bloquée : le VPN refuse mon certificat';
    const saved = await flow.submit('alice', open.form!, { note: 'Journée au lit', blocker });
    expect(saved.notice).toBe('Votre point bloquant a été transmis à votre manager.');
    expect(await flow.prisma.alert.count({ where: { kind: 'BLOCKER' } })).toBe(2);
    const queued = await flow.prisma.outboxMessage.findMany({ where: { recipientId: flow.people.marc, status: 'PENDING' } });
    expect(queued).toHaveLength(1);
    expect(readable(queued[0]!.payload as ChatMessage)).toContain(blocker);
    expect(queued[0]!.nextAttemptAt).toEqual(paris('2026-11-19 08:30'));

    await flow.tick('2026-11-18 21:15');
    await flow.tick('2026-11-19 08:15');
    expect(await flow.conversation('marc')).toHaveLength(1);
    await flow.tick('2026-11-19 08:31');
    const marc = await flow.conversation('marc');
    expect(marc).toHaveLength(2);
    expect(readable(marc[1]!.message)).toContain(blocker);
    const sent = await flow.prisma.outboxMessage.findUniqueOrThrow({ where: { id: queued[0]!.id } });
    expect(sent.sentAt).toEqual(paris('2026-11-19 08:31'));
  });
});

describe('Thursday 19 – Friday 20 November: the next morning’s reminder', () => {
  it('reminds an unanswered check-in once, the next working morning at 09:00; answering it updates the question too', async () => {
    await flow.tick('2026-11-19 09:01');
    // Wednesday was answered (sick): no reminder.
    expect(await outboxRow(flow.prisma, dailyReminderKey(flow.missions['alice-banque-nord'], '2026-11-18'))).toBeNull();
    await flow.tick('2026-11-19 17:31');
    const questionKey = dailyKey('alice-banque-nord', '2026-11-19');
    const reminderKey = dailyReminderKey(flow.missions['alice-banque-nord'], '2026-11-19');
    const question = await delivered(questionKey);
    expect(readable(question)).toContain('jeudi 19 novembre');

    await flow.tick('2026-11-20 08:45');
    expect(await outboxRow(flow.prisma, reminderKey)).toBeNull();
    await flow.tick('2026-11-20 09:01');
    const reminderRow = await outboxRow(flow.prisma, reminderKey);
    expect(reminderRow).toMatchObject({ status: 'SENT', kind: 'checkin.daily.reminder', recipientId: flow.people.alice });
    expect(reminderRow!.sentAt).toEqual(paris('2026-11-20 09:01'));
    const reminder = await delivered(reminderKey);
    expect(readable(reminder)).toContain('Petit rappel : comment s’est passée votre journée du *jeudi 19 novembre*');
    // One check-in, two messages about it.
    expect(await flow.prisma.checkIn.count({ where: { missionId: flow.missions['alice-banque-nord'], date: toDateOnlyUTC('2026-11-19') } })).toBe(1);
    // Another tick this morning does not remind twice.
    await flow.tick('2026-11-20 09:16');
    expect(await flow.prisma.outboxMessage.count({ where: { kind: 'checkin.daily.reminder', recipientId: flow.people.alice } })).toBe(1);

    flow.setClock('2026-11-20 09:20');
    const result = await flow.click('alice', element(reminder, 'daily.answer', { a: 'full' }));
    expect(result.refused).toBeUndefined();
    expect(await entries('alice-banque-nord', '2026-11-19')).toEqual({ WORKED: 1 });
    expect(await checkIn('alice-banque-nord', '2026-11-19')).toMatchObject({ status: 'ANSWERED' });
    // The original question gets an update row; its web copy still shows the buttons until a tick delivers it.
    const questionRow = await outboxRow(flow.prisma, questionKey);
    const updates = await flow.prisma.outboxMessage.findMany({ where: { updatesId: questionRow!.id } });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ status: 'PENDING', recipientId: flow.people.alice });
    expect(elementsNamed((await delivered(questionKey)), 'daily.answer')).toHaveLength(3);

    await flow.tick('2026-11-20 09:31');
    const updatedQuestion = await delivered(questionKey);
    expect(readable(updatedQuestion)).toContain('jeudi 19 novembre');
    expect(readable(updatedQuestion)).toContain('Journée complète');
    expect(elementsNamed(updatedQuestion, 'daily.answer')).toEqual([]);
    expect(await flow.prisma.outboxMessage.findUniqueOrThrow({ where: { id: updates[0]!.id } })).toMatchObject({ status: 'SENT' });
    // The reminder's copy shows the answer as well, and no new message was added for it.
    expect(elementsNamed(await delivered(reminderKey), 'daily.answer')).toEqual([]);
    expect((await flow.conversation('alice')).filter((m) => readable(m.message).includes('jeudi 19 novembre'))).toHaveLength(2);
  });
});

describe('Monday 23 November: a submitted month cannot be answered', () => {
  it('refuses the answer in the person’s language and changes nothing', async () => {
    await flow.tick('2026-11-23 17:31');
    const alice = await delivered(dailyKey('alice-banque-nord', '2026-11-23'));
    const sarah = await delivered(dailyKey('sarah-banque-nord', '2026-11-23'));
    for (const ref of ['alice-banque-nord', 'sarah-banque-nord'] as const) {
      await flow.prisma.timesheet.create({ data: { missionId: flow.missions[ref], month: '2026-11', status: 'SUBMITTED' } });
    }
    flow.setClock('2026-11-23 17:40');
    const counts = async () => ({
      entries: await flow.prisma.dayEntry.count(),
      audit: await flow.prisma.auditEvent.count(),
      outbox: await flow.prisma.outboxMessage.count(),
      answers: await flow.prisma.checkInAnswer.count(),
    });
    const before = await counts();

    const refusedFr = await flow.click('alice', element(alice, 'daily.answer', { a: 'full' }));
    expect(refusedFr.refused).toEqual({ code: 'CRA_SUBMITTED' });
    expect(refusedFr.update).toBeUndefined();
    expect(refusedFr.notice).toContain('Le CRA 2026-11 est soumis');
    const refusedAbsence = await flow.click('alice', element(alice, 'daily.absence'), 'CP');
    expect(refusedAbsence.refused).toEqual({ code: 'CRA_SUBMITTED' });

    const refusedEn = await flow.click('sarah', element(sarah, 'daily.answer', { a: 'full' }));
    expect(refusedEn.refused).toEqual({ code: 'CRA_SUBMITTED' });
    expect(refusedEn.notice).toContain('The CRA 2026-11 is submitted');

    expect(await counts()).toEqual(before);
    expect(await entries('alice-banque-nord', '2026-11-23')).toEqual({});
    expect(await checkIn('alice-banque-nord', '2026-11-23')).toMatchObject({ status: 'PENDING', answeredAt: null });
    expect(await checkIn('sarah-banque-nord', '2026-11-23')).toMatchObject({ status: 'PENDING', answeredAt: null });

    // No reminder of Monday's check-in, and no check-in any more for a day of that month (Julien's month is still open).
    await flow.tick('2026-11-24 09:01');
    await flow.tick('2026-11-24 18:01');
    expect(await checkIn('alice-banque-nord', '2026-11-24')).toBeNull();
    expect(await checkIn('sarah-banque-nord', '2026-11-24')).toBeNull();
    expect(await checkIn('julien-assurances-rhin', '2026-11-24')).toMatchObject({ status: 'PENDING' });
    expect(await outboxRow(flow.prisma, dailyReminderKey(flow.missions['alice-banque-nord'], '2026-11-23'))).toBeNull();
  });
});
