/**
 * Every action and form of the rituals, with values that point at one consultant's records (their
 * check-ins, mission, CRA version, the alerts). Played by somebody else, each must be refused and
 * change nothing: that is what the fuzz sends, as is and mutated.
 */
import type { Resources } from './security-world.js';

export interface Intent {
  readonly kind: 'action' | 'form';
  readonly actionId: string;
  readonly value: Record<string, unknown>;
  readonly selected?: string;
  readonly fields?: Record<string, string>;
}

export function intentsOn(target: Resources, alertIds: readonly string[], disputeIds: readonly string[] = []): Intent[] {
  const c = target.checkInIds.at(-1) ?? target.checkInIds[0]!;
  const w = target.weeklyCheckInIds[0] ?? c;
  const t = target.timesheetId;
  const v = target.version;
  const alert = alertIds[0] ?? '00000000-0000-4000-8000-000000000001';
  const dispute = disputeIds[0] ?? '00000000-0000-4000-8000-000000000002';
  const range = { m: target.missionId, from: '2026-11-23', to: '2026-11-27' };
  return [
    { kind: 'action', actionId: 'daily.answer', value: { c, a: 'none' } },
    { kind: 'action', actionId: 'daily.answer', value: { c, a: 'half-am' } },
    { kind: 'action', actionId: 'daily.absence', value: { c }, selected: 'SICK' },
    { kind: 'action', actionId: 'daily.other-half', value: { c }, selected: 'PAID_LEAVE' },
    { kind: 'action', actionId: 'daily.change', value: { c } },
    { kind: 'action', actionId: 'daily.note', value: { c } },
    { kind: 'form', actionId: 'daily.note', value: { c }, fields: { note: 'une note <b>volée</b>', blocker: 'bloqué' } },
    { kind: 'action', actionId: 'weekly.open', value: { c: w } },
    { kind: 'form', actionId: 'weekly.submit', value: { c: w }, fields: { leave_from: '2026-12-01', leave_to: '2026-12-02' } },
    { kind: 'action', actionId: 'days.edit', value: range },
    { kind: 'form', actionId: 'days.save', value: range, fields: { '2026-11-23': 'none', '2026-11-24': 'SICK' } },
    { kind: 'action', actionId: 'alert.ack', value: { alert } },
    { kind: 'action', actionId: 'alert.remind', value: { alert } },
    { kind: 'action', actionId: 'digest.remind', value: { m: target.missionId } },
    { kind: 'action', actionId: 'cra.submit', value: { m: target.missionId, mo: '2026-11' } },
    { kind: 'action', actionId: 'cra.approve', value: { t, v, h: target.contentHash } },
    { kind: 'action', actionId: 'cra.dispute', value: { t, v } },
    { kind: 'form', actionId: 'cra.dispute-form', value: { t, v }, fields: { reason: 'pas d’accord', days: '2026-11-23' } },
    { kind: 'action', actionId: 'cra.satisfaction', value: { t }, selected: '1' },
    { kind: 'action', actionId: 'cra.correct', value: { d: dispute } },
    { kind: 'action', actionId: 'cra.maintain', value: { d: dispute } },
    { kind: 'form', actionId: 'cra.maintain-form', value: { d: dispute }, fields: { answer: 'non' } },
    { kind: 'action', actionId: 'cra.remind', value: { t } },
    { kind: 'action', actionId: 'cra.backup', value: { t } },
    { kind: 'action', actionId: 'cra.change-approver', value: { t } },
    { kind: 'form', actionId: 'cra.change-approver-form', value: { t }, fields: { approver: target.personId } },
    { kind: 'action', actionId: 'cra.reopen', value: { t } },
    { kind: 'form', actionId: 'cra.reopen-form', value: { t }, fields: { reason: 'rouvrir' } },
  ];
}

/** Action ids nobody defined (the router answers UNKNOWN_ACTION). */
export const UNKNOWN_ACTION_IDS = ['daily.answer.x', 'admin.delete', 'cra.approve-all', 'x', 'DAILY.ANSWER', 'report.pdf', 'daily', 'a'.repeat(255)];
