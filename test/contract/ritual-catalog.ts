/**
 * The catalog of ritual messages and forms every adapter must render: each built by the real
 * ritual message builders of src/rituals from hand-made views (no database), in both languages,
 * plus a few messages that push the neutral model's limits (escaping, long texts, many blocks).
 * New rituals add their builders here; the shared adapter contract (adapter-contract.ts) walks it.
 */
import type { ChatForm, ChatMessage } from '../../src/chat/message.js';
import type { Locale } from '../../src/i18n/index.js';
import { alertMessage, type RitualAlertKind } from '../../src/rituals/alerts/alert-message.js';
import type { DailyCheckInView } from '../../src/rituals/daily-checkin/daily-checkin-view.js';
import { dailyAnsweredMessage, dailyQuestionMessage, dailyRolledOverMessage } from '../../src/rituals/daily-checkin/daily-checkin-messages.js';
import { digestMessages } from '../../src/rituals/manager-digest/digest-message.js';
import type { DigestLine } from '../../src/rituals/manager-digest/digest-content.js';
import type { MissionDay, MissionDays } from '../../src/rituals/mission-days.js';
import { daysForm } from '../../src/rituals/my-days/days-form.js';
import { daysReminderMessage } from '../../src/rituals/my-days/days-reminder-message.js';
import { daysSummaryMessage } from '../../src/rituals/my-days/days-summary-message.js';
import { weeklyForm } from '../../src/rituals/weekly-checkin/weekly-form.js';
import { weeklyAnsweredMessage, weeklyQuestionMessage } from '../../src/rituals/weekly-checkin/weekly-messages.js';
import type { WeeklyCheckInView } from '../../src/rituals/weekly-checkin/weekly-view.js';
import type { Granularity } from '../../src/db/generated/client.js';
import { workingDaysBetween } from '../../src/domain/index.js';
import { approvedMessage } from '../../src/rituals/cra/approved-message.js';
import { closeMessage } from '../../src/rituals/cra/close-message.js';
import type { CraGridDay } from '../../src/rituals/cra/cra-content.js';
import { disputeAlertMessage, noApproverMessage, overdueAlertMessage, poAlertMessage } from '../../src/rituals/cra/manager-messages.js';
import { requestMessage } from '../../src/rituals/cra/request-message.js';

export interface CatalogEntry<T> {
  readonly name: string;
  readonly item: T;
}

const IDS = {
  checkIn: '0b0f6a52-4f0c-4a55-9d8e-1a2b3c4d5e6f',
  person: '1c1f6a52-4f0c-4a55-9d8e-1a2b3c4d5e6f',
  mission: '2d2f6a52-4f0c-4a55-9d8e-1a2b3c4d5e6f',
  manager: '3e3f6a52-4f0c-4a55-9d8e-1a2b3c4d5e6f',
  org: '4f4f6a52-4f0c-4a55-9d8e-1a2b3c4d5e6f',
  alert: '5a5f6a52-4f0c-4a55-9d8e-1a2b3c4d5e6f',
};

const TITLE = 'Refonte <SI> paiements & co';

function day(date: string, overrides: Partial<MissionDay> = {}): MissionDay {
  return {
    date,
    working: true,
    holiday: null,
    inMission: true,
    future: false,
    choice: null,
    worked: 0,
    absent: 0,
    personTotal: 0,
    editable: true,
    ...overrides,
  };
}

function missionDays(granularity: Granularity, count = 5): MissionDays {
  const days: MissionDay[] = [];
  for (let i = 0; i < count; i++) {
    const date = `2026-11-${String(16 + i).padStart(2, '0')}`;
    if (i === 0) days.push(day(date, { choice: 'full', worked: 1, personTotal: 1 }));
    else if (i === 1) days.push(day(date, { choice: 'half+RTT', worked: 0.5, absent: 0.5, personTotal: 1 }));
    else if (i === 2) days.push(day(date, { choice: 'CP', absent: 1, personTotal: 1 }));
    else if (i === 4) days.push(day(date, { future: true }));
    else days.push(day(date));
  }
  return { missionId: IDS.mission, missionTitle: TITLE, consultantId: IDS.person, granularity, days };
}

function dailyView(overrides: Partial<DailyCheckInView> = {}): DailyCheckInView {
  return {
    id: IDS.checkIn,
    personId: IDS.person,
    missionId: IDS.mission,
    missionTitle: TITLE,
    granularity: 'HALF',
    date: '2026-11-17',
    status: 'PENDING',
    choice: null,
    otherMission: false,
    half: null,
    note: null,
    blocker: null,
    ...overrides,
  };
}

function weeklyView(overrides: Partial<WeeklyCheckInView> = {}): WeeklyCheckInView {
  return {
    id: IDS.checkIn,
    missionId: IDS.mission,
    missionTitle: TITLE,
    managerId: IDS.manager,
    organizationId: IDS.org,
    monday: '2026-11-16',
    friday: '2026-11-20',
    status: 'PENDING',
    days: missionDays('HALF'),
    answers: {},
    ...overrides,
  };
}

const digestLine = (i: number): DigestLine => ({
  missionId: IDS.mission,
  missionTitle: `${TITLE} ${i}`,
  consultantName: `Consultant ${i}`,
  worked: 3.5,
  absent: 1,
  monthGaps: i % 2 === 0 ? ['2026-11-03', '2026-11-04'] : [],
  moods: [3, 4, 2],
  blockers: i % 3 === 0 ? ['Accès VPN <bloqué> & rien'] : [],
});

/** Messages that stress the model itself: escaping, the longest texts, the most blocks. */
export function edgeMessages(): CatalogEntry<ChatMessage>[] {
  const long = 'é'.repeat(2990) + ' *fin*';
  const many: ChatMessage = {
    text: 'Fifty blocks',
    blocks: Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? { type: 'section' as const, text: `Ligne ${i} <b>&amp;</b> *gras*` }
        : { type: 'actions' as const, elements: [{ type: 'button' as const, actionId: 'edge.click', label: `Bouton ${i}`, value: JSON.stringify({ i }) }] },
    ),
  };
  return [
    {
      name: 'edge: escaping and every block type',
      item: {
        text: 'A <script>alert(1)</script> & "quotes"',
        blocks: [
          { type: 'header', text: 'Titre <b>&</b> *pas gras*' },
          { type: 'section', text: 'Du *gras*, des <chevrons> & une esperluette', accessory: { type: 'button', actionId: 'edge.accessory', label: 'Voir <ça> & plus', value: '{"q":"<&>"}' } },
          { type: 'fields', fields: Array.from({ length: 10 }, (_, i) => ({ label: `Champ <${i}>`, value: `Valeur & ${i}` })) },
          { type: 'context', text: 'Contexte <i>&</i>' },
          { type: 'divider' },
          { type: 'image', url: 'https://example.org/chart.png?a=1&b=2', alt: 'Un graphique <alt>', title: 'Graphique' },
          {
            type: 'actions',
            elements: [
              { type: 'button', actionId: 'edge.ok', label: 'x'.repeat(75), value: JSON.stringify({ pad: 'v'.repeat(1900) }), style: 'primary' },
              { type: 'button', actionId: 'edge.no', label: 'Non', value: '{}', style: 'danger' },
              { type: 'button', actionId: 'edge.link', label: 'Ouvrir le rapport', value: '{}', url: 'https://example.org/report?id=1&x=2' },
              {
                type: 'select',
                actionId: 'edge.select',
                placeholder: 'Choisir',
                value: '{"ctx":1}',
                options: Array.from({ length: 100 }, (_, i) => ({ label: `Option <${i}>`, value: `opt-${i}` })),
                initial: 'opt-3',
              },
              { type: 'date', actionId: 'edge.date', placeholder: 'Une date', value: '{"ctx":2}', initial: '2026-11-20' },
            ],
          },
        ],
      },
    },
    { name: 'edge: longest section', item: { text: 'Long', blocks: [{ type: 'section', text: long }, { type: 'context', text: long }] } },
    { name: 'edge: fifty blocks', item: many },
    { name: 'edge: text only', item: { text: 'Juste du texte & <rien>', blocks: [] } },
  ];
}

export function catalogMessages(): CatalogEntry<ChatMessage>[] {
  const entries: CatalogEntry<ChatMessage>[] = [];
  for (const locale of ['fr', 'en'] as Locale[]) {
    const add = (name: string, item: ChatMessage) => entries.push({ name: `${locale}: ${name}`, item });
    for (const granularity of ['DAY', 'HALF', 'QUARTER'] as Granularity[]) {
      add(`daily question (${granularity})`, dailyQuestionMessage(locale, dailyView({ granularity })));
    }
    add('daily reminder', dailyQuestionMessage(locale, dailyView({ otherMission: true }), true));
    add('daily answered', dailyAnsweredMessage(locale, dailyView({ status: 'ANSWERED', choice: 'half', half: 'AM', note: 'RAS <ok> & fini', blocker: 'Bloqué' })));
    add('daily rolled over', dailyRolledOverMessage(locale, dailyView({ status: 'EXPIRED' }), true));
    add('weekly question', weeklyQuestionMessage(locale, weeklyView()));
    add('weekly answered', weeklyAnsweredMessage(locale, weeklyView({ status: 'ANSWERED', answers: { mood: '4', blockers: 'Aucun' } })));
    add('days summary', daysSummaryMessage(locale, missionDays('QUARTER', 5), { from: '2026-11-16', to: '2026-11-20' }, { footer: 'CRA : brouillon' }));
    add('days reminder', daysReminderMessage(locale, { missionId: IDS.mission, missionTitle: TITLE, managerName: 'Marc', days: ['2026-11-17', '2026-11-19'] }));
    for (const kind of ['BLOCKER', 'LOW_MOOD', 'MISSING_CHECKINS', 'UNKNOWN_USER'] as RitualAlertKind[]) {
      add(`alert ${kind}`, alertMessage(locale, { id: IDS.alert, kind, subjectName: 'Alice <A> & B', facts: { mission: TITLE, date: '2026-11-17', text: 'VPN', mood: 1, since: '2026-11-10', days: 3, week: '2026-11-16' } }));
    }
    digestMessages(locale, Array.from({ length: 20 }, (_, i) => digestLine(i)), { from: '2026-11-16', to: '2026-11-22' }).forEach((m, i) => add(`digest page ${i + 1}`, m));
    for (const [name, m] of craMessages(locale)) add(name, m);
  }
  return entries;
}

export function catalogForms(): CatalogEntry<ChatForm>[] {
  const entries: CatalogEntry<ChatForm>[] = [];
  for (const locale of ['fr', 'en'] as Locale[]) {
    const add = (name: string, item: ChatForm | null) => {
      if (item) entries.push({ name: `${locale}: ${name}`, item });
    };
    add('weekly form', weeklyForm(locale, weeklyView(), true));
    add('days form (month)', daysForm(locale, { ...missionDays('HALF', 5), days: Array.from({ length: 23 }, (_, i) => day(`2026-10-${String(i + 1).padStart(2, '0')}`)) }, { from: '2026-10-01', to: '2026-10-31' }, false));
  }
  entries.push({
    name: 'edge: every field kind',
    item: {
      actionId: 'edge.form',
      value: JSON.stringify({ id: IDS.checkIn, pad: 'p'.repeat(1500) }),
      title: 'x'.repeat(24),
      submitLabel: 'y'.repeat(24),
      intro: 'Intro <b>&</b> *gras*',
      fields: [
        { kind: 'select', id: 'mood', label: 'Humeur', options: [{ label: '1', value: '1' }, { label: '5 <top>', value: '5' }], initial: '5', required: true },
        { kind: 'text', id: 'short', label: 'Court', required: false, maxLength: 50, placeholder: 'ex. <rien>' },
        { kind: 'textarea', id: 'long', label: 'Long', required: true, maxLength: 3000, initial: 'déjà & là' },
        { kind: 'date', id: 'when', label: 'Quand', required: false, initial: '2026-11-20' },
      ],
    },
  });
  return entries;
}

/** The monthly CRA's messages (src/rituals/cra), for a full November. */
function craMessages(locale: Locale): [string, ChatMessage][] {
  const month = '2026-11';
  const worked = workingDaysBetween('2026-11-01', '2026-11-30', 'FR');
  const gridDays: CraGridDay[] = Array.from({ length: 30 }, (_, i) => {
    const date = `2026-11-${String(i + 1).padStart(2, '0')}`;
    const working = worked.includes(date);
    return { date, weekday: ((i + 6) % 7) + 1, working, holiday: date === '2026-11-11' ? 'Armistice' : null, inMission: true, worked: working && i !== 3 ? 1 : 0, absent: 0, missing: working && i === 3 };
  });
  const facts = { name: 'Alice <Martin>', missionTitle: TITLE, month };
  return [
    ['cra close', closeMessage(locale, { missionId: IDS.mission, missionTitle: TITLE, clientName: 'Banque & Nord', month, startDate: '2026-09-01', endDate: null, grid: { days: gridDays, missingDays: ['2026-11-04'], complete: false }, disputed: ['2026-11-05'], note: 'Correction demandée' })],
    [
      'cra request',
      requestMessage(locale, {
        timesheetId: IDS.checkIn,
        version: 2,
        contentHash: 'a'.repeat(64),
        consultantName: 'Alice <Martin>',
        missionTitle: TITLE,
        dueDate: '2026-12-03',
        tacitDate: '2026-12-10',
        notes: ['Relance'],
        content: {
          missionId: IDS.mission,
          month,
          version: 2,
          days: worked.map((date) => ({ date, worked: '1', billable: '1' })),
          lines: [
            { from: '2026-11-02', to: '2026-11-15', days: '9', tjm: '650.00', amount: '5850.00' },
            { from: '2026-11-16', to: '2026-11-30', days: '11', tjm: '700.00', amount: '7700.00' },
          ],
          totals: { days: '20', amount: '13550.00' },
          purchaseOrder: { number: 'PO-42', ordered: '100', consumed: '40', pending: '20', remaining: '40' },
        },
      }),
    ],
    ['cra approved', approvedMessage(locale, { timesheetId: IDS.checkIn, consultantName: 'Alice', missionTitle: TITLE, month, version: 2, approverName: 'Claire', approvedAt: new Date('2026-12-01T10:00:00Z'), timeZone: 'Europe/Paris', totalDays: '20', totalAmount: '13550.00', canReopen: true, pdfUrl: 'https://rituel.example.org/documents/cra.pdf?t=1&x=2' })],
    ['cra dispute alert', disputeAlertMessage(locale, { ...facts, alertId: IDS.alert, disputeId: IDS.person, approverName: 'Claire', version: 2, reason: 'Le 11 est férié <non>', days: ['2026-11-10', '2026-11-12'] })],
    ['cra overdue alert', overdueAlertMessage(locale, { ...facts, timesheetId: IDS.checkIn, approverName: 'Claire', days: 4, hasBackup: true })],
    ['cra no approver', noApproverMessage(locale, { ...facts, timesheetId: IDS.checkIn, day: '2026-11-30' })],
    ['cra purchase order', poAlertMessage(locale, { alertId: IDS.alert, kind: 'PO_BURN_80', number: 'PO-42', missionTitle: TITLE, ordered: 100, consumed: 80, remaining: 20, planned: 25, end: '2027-03-31' })],
  ];
}
