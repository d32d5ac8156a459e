/**
 * A week of rituals and the manager's side, in-process with a simulated clock (examples/org.yaml,
 * web chat messenger), from Monday 23 to Thursday 3 December 2026:
 * - the weekly check-in (Friday 16:00; Thursday 15:00 for Sarah) shows the week with its gaps, rolls
 *   the week's unanswered daily check-ins over, and its form validates everything or writes nothing;
 * - leave declared in it silences Alice on those days (no check-in, no message);
 * - Marc's Monday digest, "Relancer", acknowledging alerts (his own only);
 * - the commands "semaine", "mois", "statut", and correcting days with the days form;
 * - the client / employee boundary: Claire (client contact) never receives anything of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionResult } from '../../../src/chat/interaction.js';
import type { ChatBlock, ChatForm, ChatMessage, FormField } from '../../../src/chat/message.js';
import { toDateOnlyUTC, workingDaysBetween } from '../../../src/domain/index.js';
import { dailyCheckInKey, dailyReminderKey } from '../../../src/rituals/daily-checkin/keys.js';
import { weeklyCheckInKey } from '../../../src/rituals/weekly-checkin/keys.js';
import {
  buttonLabelled,
  createRitualFlow,
  deliveredCopy,
  element,
  elementsNamed,
  labelsOf,
  outboxRow,
  paris,
  parisClock,
  readable,
  type MissionRef,
  type PersonRef,
  type RitualFlow,
} from '../../helpers/ritual-flow.js';

let flow: RitualFlow;
const ALICE_MISSION = 'Refonte du SI paiements';
const LEAVE_DAYS = ['2026-11-30', '2026-12-01', '2026-12-02'];
const CLIENT_CONTACTS: PersonRef[] = ['claire', 'paul', 'sophie', 'thomas', 'emilie'];

beforeAll(async () => {
  flow = await createRitualFlow('2026-11-23 08:00');
});

afterAll(async () => {
  await flow?.close();
});

async function checkIn(mission: MissionRef, kind: 'DAILY' | 'WEEKLY', date: string) {
  return flow.prisma.checkIn.findUnique({
    where: { missionId_kind_date: { missionId: flow.missions[mission], kind, date: toDateOnlyUTC(date) } },
    include: { answers: true },
  });
}

async function entries(mission: MissionRef, date: string): Promise<Record<string, number>> {
  const rows = await flow.prisma.dayEntry.findMany({ where: { missionId: flow.missions[mission], date: toDateOnlyUTC(date) } });
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.fraction.toString())]));
}

async function delivered(dedupeKey: string): Promise<ChatMessage> {
  const row = await outboxRow(flow.prisma, dedupeKey);
  expect(row, dedupeKey).not.toBeNull();
  const copy = await deliveredCopy(flow.prisma, row!.id);
  expect(copy, `web copy of ${dedupeKey}`).not.toBeNull();
  return copy!;
}

/** Everything the database holds that a form submission could write. */
async function writes() {
  return {
    entries: await flow.prisma.dayEntry.count(),
    answers: await flow.prisma.checkInAnswer.count(),
    alerts: await flow.prisma.alert.count(),
    outbox: await flow.prisma.outboxMessage.count(),
    audit: await flow.prisma.auditEvent.count(),
    answered: await flow.prisma.checkIn.count({ where: { status: 'ANSWERED' } }),
  };
}

const fieldIds = (result: InteractionResult) => (result.fieldErrors ?? []).map((e) => e.field).sort();

/** The fields block following a consultant's section in the digest. */
function digestLine(digest: ChatMessage, consultant: string): { fields: Record<string, string>; blocks: ChatBlock[] } {
  const start = digest.blocks.findIndex((b) => b.type === 'section' && b.text.startsWith(`*${consultant}*`));
  expect(start, `${consultant} in the digest`).toBeGreaterThanOrEqual(0);
  const next = digest.blocks.findIndex((b, i) => i > start && (b.type === 'divider' || b.type === 'context'));
  const blocks = digest.blocks.slice(start, next);
  const fields = blocks.find((b) => b.type === 'fields');
  expect(fields).toBeDefined();
  return { fields: Object.fromEntries((fields as Extract<ChatBlock, { type: 'fields' }>).fields.map((f) => [f.label, f.value])), blocks };
}

describe('the week of 23 November', () => {
  it('Alice answers Monday and Tuesday, and leaves Wednesday and Thursday unanswered', async () => {
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']) {
      await flow.tick(`${day} 09:01`);
      await flow.tick(`${day} 15:01`);
      await flow.tick(`${day} 17:31`);
      if (day <= '2026-11-24') {
        const question = await delivered(dailyCheckInKey(flow.missions['alice-banque-nord'], day));
        flow.setClock(`${day} 17:45`);
        const result = await flow.click('alice', element(question, 'daily.answer', { a: 'full' }));
        expect(result.refused).toBeUndefined();
      }
      await flow.tick(`${day} 18:01`);
    }
    expect(await entries('alice-banque-nord', '2026-11-24')).toEqual({ WORKED: 1 });
    for (const day of ['2026-11-25', '2026-11-26']) expect(await checkIn('alice-banque-nord', 'DAILY', day)).toMatchObject({ status: 'PENDING' });
    // Sarah's weekly check-in went out on Thursday at 15:00, her mission's weekday.
    const sarahWeekly = await outboxRow(flow.prisma, weeklyCheckInKey(flow.missions['sarah-banque-nord'], '2026-11-23'));
    expect(sarahWeekly).toMatchObject({ status: 'SENT', recipientId: flow.people.sarah });
    expect(sarahWeekly!.sentAt).toEqual(paris('2026-11-26 15:01'));
    expect(readable(sarahWeekly!.message)).toContain('Weekly check-in — week of Monday 23 November');
  });

  it('Sarah fills her whole month from "month" (days form): the days to fill are required', async () => {
    await flow.tick('2026-11-27 09:01');
    flow.setClock('2026-11-27 10:00');
    const month = await flow.command('sarah', 'month');
    expect(month.replies).toHaveLength(1);
    const view = month.replies![0]!;
    expect(readable(view)).toContain('November 2026 — Audit de performance des API de paiement');
    expect(readable(view)).toContain('CRA of the month: draft.');
    const open = await flow.click('sarah', buttonLabelled(view, 'Fill in my days'));
    const form = open.form!;
    expect(form.actionId).toBe('days.save');
    const novemberWorkingDays = workingDaysBetween('2026-11-01', '2026-11-30', 'FR');
    expect(form.fields.map((f) => f.id)).toEqual(novemberWorkingDays.map((d) => `day_${d}`));
    // Up to today the days are required; Monday 30 is to come (may be filled ahead).
    expect(form.fields.filter((f) => f.required).map((f) => f.id)).toEqual(novemberWorkingDays.filter((d) => d <= '2026-11-27').map((d) => `day_${d}`));

    const before = await writes();
    const partial = await flow.submit('sarah', form, { 'day_2026-11-02': 'full' });
    expect(partial.fieldErrors?.length).toBe(novemberWorkingDays.length - 2);
    expect(partial.fieldErrors?.[0]).toEqual({ field: 'day_2026-11-03', message: 'Required.' });
    expect(await writes()).toEqual(before);

    const saved = await flow.submit('sarah', form, Object.fromEntries(novemberWorkingDays.map((d) => [`day_${d}`, 'full'])));
    expect(saved.fieldErrors).toBeUndefined();
    expect(saved.notice).toBe(`${novemberWorkingDays.length} day(s) saved.`);
    expect(readable(saved.replies![0]!)).toContain('To fill in: 0 d');
    expect(await entries('sarah-banque-nord', '2026-11-30')).toEqual({ WORKED: 1 });
    // Her check-ins of the week count as answered.
    expect(await checkIn('sarah-banque-nord', 'DAILY', '2026-11-25')).toMatchObject({ status: 'ANSWERED' });
  });

  it('Friday 16:00: Alice’s weekly check-in shows the week with its gaps, and the week’s unanswered check-ins roll over', async () => {
    await flow.tick('2026-11-27 16:01');
    const key = weeklyCheckInKey(flow.missions['alice-banque-nord'], '2026-11-23');
    const row = await outboxRow(flow.prisma, key);
    expect(row).toMatchObject({ status: 'SENT', recipientId: flow.people.alice, kind: 'checkin.weekly' });
    expect(row!.sentAt).toEqual(paris('2026-11-27 16:01'));
    const weekly = await delivered(key);
    const text = readable(weekly);
    expect(text).toContain('Point hebdo — semaine du lundi 23 novembre');
    expect(text).toContain('lun. 23 : Journée complète');
    expect(text).toContain('mar. 24 : Journée complète');
    for (const day of ['mer. 25', 'jeu. 26', 'ven. 27']) expect(text).toContain(`${day} : *⚠ à compléter*`);
    expect(text).toContain('3 jour(s) restent à compléter.');
    expect(text).toContain('jamais au client');
    expect(await checkIn('alice-banque-nord', 'WEEKLY', '2026-11-23')).toMatchObject({ status: 'PENDING' });

    // Wednesday and Thursday roll over; their question and their reminder say so, without the answer buttons.
    for (const day of ['2026-11-25', '2026-11-26']) {
      expect(await checkIn('alice-banque-nord', 'DAILY', day)).toMatchObject({ status: 'EXPIRED' });
      for (const messageKey of [dailyCheckInKey(flow.missions['alice-banque-nord'], day), dailyReminderKey(flow.missions['alice-banque-nord'], day)]) {
        const copy = await delivered(messageKey);
        expect(readable(copy)).toContain('est repris dans votre point hebdo');
        expect(elementsNamed(copy, 'daily.answer')).toEqual([]);
      }
    }
    for (const day of ['2026-11-23', '2026-11-24']) expect(await checkIn('alice-banque-nord', 'DAILY', day)).toMatchObject({ status: 'ANSWERED' });
  });

  let form: ChatForm;
  const fieldsOf = (extra: Record<string, string>) => ({
    'day_2026-11-25': 'full',
    'day_2026-11-26': 'half+RTT',
    'day_2026-11-27': 'full',
    mood: '2',
    highlights: 'Mise en production du module virement',
    blockers: 'Accès VPN bloqué depuis mardi',
    risks: 'Recette décalée d’une semaine',
    ...extra,
  });

  it('"weekly.open" returns the form: one required select per gap day, the mood, texts and leave dates', async () => {
    flow.setClock('2026-11-27 16:05');
    const weekly = await delivered(weeklyCheckInKey(flow.missions['alice-banque-nord'], '2026-11-23'));
    const open = await flow.click('alice', element(weekly, 'weekly.open'));
    expect(open.refused).toBeUndefined();
    form = open.form!;
    expect(form.actionId).toBe('weekly.submit');
    const byId = new Map<string, FormField>(form.fields.map((f) => [f.id, f]));
    const days = form.fields.filter((f) => f.id.startsWith('day_'));
    expect(days.map((f) => f.id)).toEqual(['day_2026-11-23', 'day_2026-11-24', 'day_2026-11-25', 'day_2026-11-26', 'day_2026-11-27']);
    expect(days.every((f) => f.kind === 'select')).toBe(true);
    expect(days.filter((f) => f.required).map((f) => f.id)).toEqual(['day_2026-11-25', 'day_2026-11-26', 'day_2026-11-27']);
    expect(byId.get('day_2026-11-23')).toMatchObject({ required: false, initial: 'full' });
    expect(byId.get('mood')).toMatchObject({ kind: 'select', required: true });
    expect((byId.get('mood') as Extract<FormField, { kind: 'select' }>).options.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    for (const id of ['highlights', 'blockers', 'risks']) expect(byId.get(id)).toMatchObject({ kind: 'textarea', required: false });
    expect(byId.get('leave_from')).toMatchObject({ kind: 'date', required: false });
    expect(byId.get('leave_to')).toMatchObject({ kind: 'date', required: false });
    expect(byId.get('leave_kind')).toMatchObject({ kind: 'select', initial: 'CP' });
  });

  it('a submission with a gap day missing, or without a mood, gets field errors and writes nothing', async () => {
    const before = await writes();
    const missingDay = await flow.submit('alice', form, fieldsOf({ 'day_2026-11-27': '' }));
    expect(missingDay.fieldErrors).toEqual([{ field: 'day_2026-11-27', message: 'Champ obligatoire.' }]);
    const noMood = await flow.submit('alice', form, fieldsOf({ mood: '' }));
    expect(noMood.fieldErrors).toEqual([{ field: 'mood', message: 'Champ obligatoire.' }]);
    const badMood = await flow.submit('alice', form, fieldsOf({ mood: '7', 'day_2026-11-25': 'vacances' }));
    expect(fieldIds(badMood)).toEqual(['day_2026-11-25', 'mood']);
    expect(await writes()).toEqual(before);
    expect(await checkIn('alice-banque-nord', 'WEEKLY', '2026-11-23')).toMatchObject({ status: 'PENDING', answers: [] });
  });

  it('leave over a day already worked is refused, and nothing of the form is written', async () => {
    const before = await writes();
    // A day of this week: the error is shown next to that day.
    const thisWeek = await flow.submit('alice', form, fieldsOf({ leave_from: '2026-11-24', leave_to: '2026-11-24', leave_kind: 'CP' }));
    expect(thisWeek.fieldErrors).toEqual([
      { field: 'day_2026-11-24', message: 'Le 2026-11-24 est déjà déclaré travaillé : corrigez ce jour avant d’y poser un congé.' },
    ]);
    expect(await writes()).toEqual(before);
    expect(await entries('alice-banque-nord', '2026-11-25')).toEqual({});
    expect(await entries('alice-banque-nord', '2026-11-24')).toEqual({ WORKED: 1 });

    // A day of next week Sarah already filled as worked: the error is shown next to the leave dates, in English.
    const sarahWeekly = await delivered(weeklyCheckInKey(flow.missions['sarah-banque-nord'], '2026-11-23'));
    const sarahForm = (await flow.click('sarah', element(sarahWeekly, 'weekly.open'))).form!;
    expect(sarahForm.fields.filter((f) => f.id.startsWith('day_') && f.required)).toEqual([]);
    const nextWeek = await flow.submit('sarah', sarahForm, { mood: '4', leave_from: '2026-11-30', leave_to: '2026-12-01', leave_kind: 'RTT' });
    expect(nextWeek.fieldErrors).toEqual([
      { field: 'leave_from', message: '2026-11-30 is already recorded as worked: correct that day before taking leave on it.' },
    ]);
    expect(await writes()).toEqual(before);
    expect(await entries('sarah-banque-nord', '2026-12-01')).toEqual({});
    expect(await checkIn('sarah-banque-nord', 'WEEKLY', '2026-11-23')).toMatchObject({ status: 'PENDING', answers: [] });
  });

  it('a valid submission fills the days, stores the answers, declares the leave and alerts Marc of the low mood and the blocker', async () => {
    const result = await flow.submit('alice', form, fieldsOf({ leave_from: '2026-11-30', leave_to: '2026-12-02', leave_kind: 'CP' }));
    expect(result.fieldErrors).toBeUndefined();
    expect(result.refused).toBeUndefined();
    expect(result.notice).toBe('Point hebdo envoyé.');
    expect(await entries('alice-banque-nord', '2026-11-25')).toEqual({ WORKED: 1 });
    expect(await entries('alice-banque-nord', '2026-11-26')).toEqual({ WORKED: 0.5, RTT: 0.5 });
    expect(await entries('alice-banque-nord', '2026-11-27')).toEqual({ WORKED: 1 });
    for (const day of LEAVE_DAYS) expect(await entries('alice-banque-nord', day)).toEqual({ CP: 1 });
    // Only working days get leave (the weekend of 28–29 November is not in the range; nothing outside it either).
    expect(await flow.prisma.dayEntry.count({ where: { personId: flow.people.alice, kind: 'CP' } })).toBe(3);

    const weekly = await checkIn('alice-banque-nord', 'WEEKLY', '2026-11-23');
    expect(weekly).toMatchObject({ status: 'ANSWERED', answeredVia: 'WEB' });
    expect(Object.fromEntries(weekly!.answers.map((a) => [a.key, a.value]))).toEqual({
      mood: '2',
      highlights: 'Mise en production du module virement',
      blockers: 'Accès VPN bloqué depuis mardi',
      risks: 'Recette décalée d’une semaine',
      leave: '2026-11-30 → 2026-12-02 (CP, 3)',
    });
    // The rolled-over daily check-ins of the days filled count as answered.
    expect(await checkIn('alice-banque-nord', 'DAILY', '2026-11-25')).toMatchObject({ status: 'ANSWERED' });

    const update = readable(result.update!);
    expect(update).toContain('Merci, votre point hebdo est transmis à votre manager');
    expect(update).toContain('Humeur : 2/5');
    expect(update).toContain('jeu. 26 : ½ journée travaillée + ½ RTT');

    const alerts = await flow.prisma.alert.findMany({ where: { kind: { in: ['LOW_MOOD', 'BLOCKER'] } }, orderBy: { kind: 'asc' } });
    expect(alerts.map((a) => a.kind).sort()).toEqual(['BLOCKER', 'LOW_MOOD']);
    for (const alert of alerts) {
      expect(alert).toMatchObject({ recipientId: flow.people.marc, subjectId: flow.people.alice, status: 'OPEN', missionId: flow.missions['alice-banque-nord'] });
    }
    const queued = await flow.prisma.outboxMessage.findMany({ where: { recipientId: flow.people.marc, kind: { in: ['alert.low_mood', 'alert.blocker'] } } });
    expect(queued).toHaveLength(2);
    expect(readable(queued.find((q) => q.kind === 'alert.low_mood')!.payload as ChatMessage)).toContain('humeur de 2/5');
    expect(readable(queued.find((q) => q.kind === 'alert.blocker')!.payload as ChatMessage)).toContain('Accès VPN bloqué depuis mardi');

    // Sending the same answers again changes nothing and raises nothing new.
    const before = await writes();
    const again = await flow.submit('alice', form, fieldsOf({}));
    expect(again.fieldErrors).toBeUndefined();
    expect((await writes()).alerts).toBe(before.alerts);
    expect((await writes()).entries).toBe(before.entries);
  });

  it('Friday’s daily check-in is not asked (the day is filled); the alerts reach Marc at the next tick', async () => {
    await flow.tick('2026-11-27 16:16');
    const marc = (await flow.conversation('marc')).map((m) => readable(m.message));
    expect(marc.some((t) => t.includes('humeur de 2/5') && t.includes('Alice Martin'))).toBe(true);
    expect(marc.some((t) => t.includes('Accès VPN bloqué depuis mardi'))).toBe(true);
    await flow.tick('2026-11-27 17:31');
    await flow.tick('2026-11-27 18:01');
    expect(await checkIn('alice-banque-nord', 'DAILY', '2026-11-27')).toBeNull();
    expect(await checkIn('julien-assurances-rhin', 'DAILY', '2026-11-27')).toMatchObject({ status: 'PENDING' });
  });

  it('"semaine" shows Alice her week with a button to correct it', async () => {
    flow.setClock('2026-11-27 18:30');
    const week = await flow.command('alice', 'Semaine');
    expect(week.replies).toHaveLength(1);
    const text = readable(week.replies![0]!);
    expect(text).toContain(`Ma semaine — ${ALICE_MISSION}`);
    expect(text).toContain('jeu. 26 : ½ journée travaillée + ½ RTT');
    expect(text).toContain('Travaillé : 4,5 j · Absences : 0,5 j · À compléter : 0 j');
    expect(JSON.parse(element(week.replies![0]!, 'days.edit').value)).toEqual({ m: flow.missions['alice-banque-nord'], from: '2026-11-23', to: '2026-11-27' });
  });
});

describe('Marc’s alerts', () => {
  const alertMessage = async (kind: string) => {
    const row = await flow.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: flow.people.marc, kind } });
    return (await deliveredCopy(flow.prisma, row.id))!;
  };

  it('Julien cannot acknowledge Marc’s alert; Marc can, and his message loses its buttons', async () => {
    flow.setClock('2026-11-27 18:40');
    const lowMood = await alertMessage('alert.low_mood');
    const ack = element(lowMood, 'alert.ack');
    const alertId = (JSON.parse(ack.value) as { alert: string }).alert;

    const julien = await flow.click('julien', ack);
    expect(julien.refused).toEqual({ code: 'NOT_YOURS' });
    expect(julien.update).toBeUndefined();
    const claire = await flow.click('claire', ack);
    expect(claire.refused).toEqual({ code: 'NOT_YOURS' });
    expect(await flow.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).toMatchObject({ status: 'OPEN' });

    const marc = await flow.click('marc', ack);
    expect(marc.refused).toBeUndefined();
    expect(await flow.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).toMatchObject({ status: 'ACKNOWLEDGED' });
    expect(marc.update!.blocks.filter((b) => b.type === 'actions')).toEqual([]);
    expect(readable(marc.update!)).toContain('humeur de 2/5');
    expect(readable(marc.update!)).toContain('✅ Pris en compte le vendredi 27 novembre à 18:40.');
    // A second click acknowledges nothing more.
    await flow.click('marc', ack);
    expect(await flow.prisma.auditEvent.count({ where: { action: 'alert.acknowledge', entityId: alertId } })).toBe(1);
  });
});

describe('Monday 30 November: Marc’s digest', () => {
  let digest: ChatMessage;

  it('arrives once at 09:00 and lists Alice, Julien and Sarah with their days, missing days, mood and blockers', async () => {
    const key = `digest:${flow.people.marc}:2026-11-30`;
    await flow.tick('2026-11-30 08:46');
    expect(await outboxRow(flow.prisma, key)).toBeNull();
    await flow.tick('2026-11-30 09:01');
    await flow.tick('2026-11-30 09:16');
    // One digest a Monday, to Marc only (the first went out on 23 November).
    const all = await flow.prisma.outboxMessage.findMany({ where: { kind: 'digest.weekly' }, orderBy: { dedupeKey: 'asc' } });
    expect(all.map((r) => [r.recipientId, r.dedupeKey])).toEqual([
      [flow.people.marc, `digest:${flow.people.marc}:2026-11-23`],
      [flow.people.marc, key],
    ]);
    const rows = all.filter((r) => r.dedupeKey === key);
    expect(rows[0]).toMatchObject({ recipientId: flow.people.marc, dedupeKey: `digest:${flow.people.marc}:2026-11-30`, status: 'SENT' });
    expect(rows[0]!.sentAt).toEqual(paris('2026-11-30 09:01'));
    digest = (await deliveredCopy(flow.prisma, rows[0]!.id))!;
    const text = readable(digest);
    expect(text).toContain('Votre équipe du lundi 23 novembre au dimanche 29 novembre');
    const names = digest.blocks.filter((b): b is Extract<ChatBlock, { type: 'section' }> => b.type === 'section').map((b) => b.text.split('*')[1]);
    expect(names).toEqual(['Alice Martin', 'Julien Moreau', 'Sarah Lambert']);

    const alice = digestLine(digest, 'Alice Martin');
    expect(alice.fields).toEqual({
      Semaine: '4,5 j travaillé(s) · 0,5 j d’absence',
      'À compléter ce mois-ci': '5 j (lun. 16, mar. 17, mer. 18, jeu. 19, ven. 20)',
      Humeur: '2/5',
      'Points bloquants': 'Accès VPN bloqué depuis mardi',
    });
    expect(labelsOf({ text: '', blocks: alice.blocks }, 'digest.remind')).toEqual(['Relancer Alice']);

    const julien = digestLine(digest, 'Julien Moreau');
    const julienMissing = workingDaysBetween('2026-11-01', '2026-11-29', 'FR-67');
    expect(julien.fields).toMatchObject({ Semaine: '0 j travaillé(s) · 0 j d’absence', Humeur: '—', 'Points bloquants': '—' });
    expect(julien.fields['À compléter ce mois-ci']).toMatch(new RegExp(`^${julienMissing.length} j \\(lun\\. 2, `));
    expect(elementsNamed({ text: '', blocks: julien.blocks }, 'digest.remind')).toHaveLength(1);

    const sarah = digestLine(digest, 'Sarah Lambert');
    expect(sarah.fields).toEqual({ Semaine: '5 j travaillé(s) · 0 j d’absence', 'À compléter ce mois-ci': '—', Humeur: '—', 'Points bloquants': '—' });
    expect(elementsNamed({ text: '', blocks: sarah.blocks }, 'digest.remind')).toEqual([]);
    expect(text).toContain('3 consultant(s) · 2 avec des jours à compléter.');
  });

  it('"Relancer" sends the consultant the missing days (after Alice’s leave), or says nothing is missing', async () => {
    flow.setClock('2026-11-30 09:20');
    const remindAlice = await flow.click('marc', element(digest, 'digest.remind', { m: flow.missions['alice-banque-nord'] }));
    expect(remindAlice.refused).toBeUndefined();
    expect(remindAlice.notice).toBe(
      'Relance prête pour Alice (5 jour(s) à compléter) ; elle partira le jeudi 3 décembre à 08:30, en dehors de ses heures de repos.',
    );
    const toAlice = await flow.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: flow.people.alice, kind: 'remind.days' } });
    expect(toAlice.nextAttemptAt).toEqual(paris('2026-12-03 08:30'));
    const reminder = toAlice.payload as ChatMessage;
    expect(readable(reminder)).toContain(`Marc vous demande de compléter vos jours sur *${ALICE_MISSION}* : 5 jour(s) manquant(s) (lun. 16, mar. 17, mer. 18, jeu. 19, ven. 20).`);
    expect(JSON.parse(element(reminder, 'days.edit').value)).toEqual({ m: flow.missions['alice-banque-nord'], from: '2026-11-16', to: '2026-11-20' });

    const remindJulien = await flow.click('marc', element(digest, 'digest.remind', { m: flow.missions['julien-assurances-rhin'] }));
    const julienMissing = workingDaysBetween('2026-11-01', '2026-11-30', 'FR-67').length;
    expect(remindJulien.notice).toBe(`Relance envoyée à Julien (${julienMissing} jour(s) à compléter).`);
    await flow.tick('2026-11-30 09:25');
    const julien = (await flow.conversation('julien')).map((m) => readable(m.message));
    expect(julien.filter((t) => t.includes(`Marc vous demande de compléter vos jours`) && t.includes(`${julienMissing} jour(s) manquant(s)`))).toHaveLength(1);

    // Sarah has nothing missing (the button is not in the digest; the action says so and sends nothing).
    const remindSarah = await flow.click('marc', { actionId: 'digest.remind', value: JSON.stringify({ m: flow.missions['sarah-banque-nord'] }) });
    expect(remindSarah.notice).toBe('Sarah n’a aucun jour à compléter pour l’instant : rien n’a été envoyé.');
    expect(await flow.prisma.outboxMessage.count({ where: { recipientId: flow.people.sarah, kind: 'remind.days' } })).toBe(0);

    // Only the mission's manager may remind.
    const byJulien = await flow.click('julien', element(digest, 'digest.remind', { m: flow.missions['alice-banque-nord'] }));
    expect(byJulien.refused).toEqual({ code: 'NOT_YOURS' });
    expect(await flow.prisma.outboxMessage.count({ where: { kind: 'remind.days' } })).toBe(2);
  });

  it('"statut" tells Alice what is missing, and Marc his open alerts', async () => {
    flow.setClock('2026-11-30 09:30');
    const alice = await flow.command('alice', 'statut');
    expect(alice.replies!.map(readable).join('\n')).toContain(
      `*${ALICE_MISSION}* : 5 jour(s) à compléter (lun. 16, mar. 17, mer. 18, jeu. 19, ven. 20) · CRA : brouillon`,
    );
    const marc = await flow.command('marc', 'Statut');
    const open = await flow.prisma.alert.findMany({ where: { recipientId: flow.people.marc, status: 'OPEN' } });
    // The blocker, and Julien's and Sarah's three silent days; the low mood was acknowledged.
    expect(open.map((a) => a.kind).sort()).toEqual(['BLOCKER', 'MISSING_CHECKINS', 'MISSING_CHECKINS']);
    expect(marc.replies![0]!.text).toBe('Vous avez 3 alerte(s) ouverte(s) :');
    const shown = marc.replies!.slice(1);
    expect(shown).toHaveLength(3);
    expect(shown.every((m) => elementsNamed(m, 'alert.ack').length === 1)).toBe(true);
    expect(shown.some((m) => readable(m).includes('humeur'))).toBe(false);
  });

  it('"mois" and the days form correct a day of the month; the days still to fill are required', async () => {
    flow.setClock('2026-11-30 09:40');
    const month = await flow.command('alice', 'mois');
    const view = month.replies![0]!;
    expect(readable(view)).toContain(`novembre 2026 — ${ALICE_MISSION}`);
    expect(readable(view)).toContain('CRA du mois : brouillon.');
    expect(readable(view)).toContain('lun. 30 : Congé payé');
    const open = await flow.click('alice', element(view, 'days.edit'));
    const form = open.form!;
    const required = form.fields.filter((f) => f.required).map((f) => f.id);
    expect(required).toEqual(['day_2026-11-16', 'day_2026-11-17', 'day_2026-11-18', 'day_2026-11-19', 'day_2026-11-20']);
    expect(form.fields.find((f) => f.id === 'day_2026-11-26')).toMatchObject({ initial: 'half+RTT' });

    const before = await writes();
    const onlyThursday = await flow.submit('alice', form, { 'day_2026-11-26': 'full' });
    expect(fieldIds(onlyThursday)).toEqual(required);
    expect(await writes()).toEqual(before);

    const fields = Object.fromEntries(form.fields.map((f) => [f.id, 'initial' in f && f.initial ? f.initial : 'full']));
    const saved = await flow.submit('alice', form, { ...fields, 'day_2026-11-26': 'full' });
    expect(saved.fieldErrors).toBeUndefined();
    expect(saved.notice).toBe('6 jour(s) enregistré(s).');
    expect(await entries('alice-banque-nord', '2026-11-26')).toEqual({ WORKED: 1 });
    expect(await entries('alice-banque-nord', '2026-11-16')).toEqual({ WORKED: 1 });
    // The leave stays as it was.
    expect(await entries('alice-banque-nord', '2026-11-30')).toEqual({ CP: 1 });
    const audit = await flow.prisma.auditEvent.findMany({ where: { action: 'days.record', entityId: `${flow.missions['alice-banque-nord']}:2026-11-26` }, orderBy: { id: 'asc' } });
    expect(audit.at(-1)!.data).toMatchObject({ from: { WORKED: '0.5', RTT: '0.5' }, to: { WORKED: '1' } });

    const status = await flow.command('alice', 'statut');
    expect(readable(status.replies![0]!)).toContain(`*${ALICE_MISSION}* : tous vos jours sont saisis · CRA : brouillon`);
  });
});

describe('Alice’s leave, 30 November – 2 December', () => {
  it('gets her no check-in and no message on those days; the reminder Marc asked for arrives on Thursday at 08:30', async () => {
    const before = (await flow.conversation('alice')).map((m) => m.id);
    for (const day of LEAVE_DAYS) {
      if (day !== '2026-11-30') await flow.tick(`${day} 09:01`);
      await flow.tick(`${day} 16:01`);
      await flow.tick(`${day} 17:31`);
      await flow.tick(`${day} 18:01`);
      expect(await checkIn('alice-banque-nord', 'DAILY', day)).toBeNull();
    }
    expect((await flow.conversation('alice')).map((m) => m.id)).toEqual(before);

    await flow.tick('2026-12-03 08:16');
    expect((await flow.conversation('alice')).map((m) => m.id)).toEqual(before);
    await flow.tick('2026-12-03 08:31');
    const after = await flow.conversation('alice');
    expect(after).toHaveLength(before.length + 1);
    expect(readable(after.at(-1)!.message)).toContain('Marc vous demande de compléter vos jours');
    await flow.tick('2026-12-03 17:31');
    expect(await checkIn('alice-banque-nord', 'DAILY', '2026-12-03')).toMatchObject({ status: 'PENDING' });

    // Nothing new reached her on a day of leave: no message to her was due or sent on one.
    const toAlice = await flow.prisma.outboxMessage.findMany({ where: { recipientId: flow.people.alice, updatesId: null } });
    for (const row of toAlice) {
      expect(LEAVE_DAYS, `${row.kind} due`).not.toContain(parisClock(row.nextAttemptAt).date);
      if (row.sentAt) expect(LEAVE_DAYS, `${row.kind} sent`).not.toContain(parisClock(row.sentAt).date);
    }
    // Julien, who is not on leave, was asked every day.
    for (const day of LEAVE_DAYS) expect(await checkIn('julien-assurances-rhin', 'DAILY', day)).not.toBeNull();
  });
});

describe('the client / employee boundary', () => {
  it('Claire sees none of it: no check-in, answer, mood, note, alert or digest was ever queued for a client contact', async () => {
    const clients = CLIENT_CONTACTS.map((ref) => flow.people[ref]);
    expect(await flow.prisma.outboxMessage.count({ where: { recipientId: { in: clients } } })).toBe(0);
    expect(await flow.prisma.webMessage.count({ where: { personId: { in: clients } } })).toBe(0);
    expect(await flow.prisma.alert.count({ where: { recipientId: { in: clients } } })).toBe(0);
    // Everything queued went to the consultants and their ESN manager only.
    const recipients = await flow.prisma.outboxMessage.findMany({ distinct: ['recipientId'], select: { recipientId: true } });
    expect(recipients.map((r) => r.recipientId).sort()).toEqual([flow.people.alice, flow.people.julien, flow.people.marc, flow.people.sarah].sort());

    // Nor can she open what was meant for the consultant or the manager.
    const weekly = await delivered(weeklyCheckInKey(flow.missions['alice-banque-nord'], '2026-11-23'));
    const open = await flow.click('claire', element(weekly, 'weekly.open'));
    expect(open.refused).toEqual({ code: 'NOT_YOURS' });
    expect(open.form).toBeUndefined();
    const digest = await delivered(`digest:${flow.people.marc}:2026-11-30`);
    const remind = await flow.click('claire', element(digest, 'digest.remind', { m: flow.missions['alice-banque-nord'] }));
    expect(remind.refused).toEqual({ code: 'NOT_YOURS' });
    const status = await flow.command('claire', 'statut');
    expect(status.replies!.map((m) => m.text)).toEqual(['Les demandes de validation des CRA de vos missions arriveront ici.']);
    const week = await flow.command('claire', 'semaine');
    expect(week.replies!.map((m) => m.text)).toEqual(['Vous n’avez pas de mission en cours : rien à saisir pour l’instant.']);
    expect(await flow.prisma.outboxMessage.count({ where: { recipientId: { in: clients } } })).toBe(0);
  });
});
