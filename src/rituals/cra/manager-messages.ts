/** What the ESN manager of a mission receives about its CRA: a dispute, an overdue validation, no approver, a purchase order burning. */
import { actions, button, context, message, section } from '../../chat/build.js';
import type { ChatBlock, ChatMessage } from '../../chat/message.js';
import { formatDay, formatMonth } from '../../i18n/format-date.js';
import { formatNumber, t, type Locale } from '../../i18n/index.js';
import type { IsoDate, YearMonth } from '../../domain/index.js';
import { ALERT_ACTIONS } from '../alerts/alert-message.js';
import { CRA_ACTIONS } from './cra-actions.js';

interface CraFacts {
  readonly name: string;
  readonly missionTitle: string;
  readonly month: YearMonth;
}

export function disputeAlertMessage(
  locale: Locale,
  view: CraFacts & { alertId: string; disputeId: string; approverName: string; version: number; reason: string; days: readonly IsoDate[] },
): ChatMessage {
  const text = t(locale, 'craflow.alert.dispute', {
    approver: view.approverName,
    month: formatMonth(locale, view.month),
    name: view.name,
    mission: view.missionTitle,
    version: view.version,
    reason: view.reason.slice(0, 1500),
  });
  const days =
    view.days.length > 0
      ? t(locale, 'craflow.alert.disputeDays', { days: view.days.map((d) => formatDay(locale, d)).join(', ') })
      : t(locale, 'craflow.alert.disputeAll');
  return message(text.replaceAll('*', '').slice(0, 3000), [
    section(text),
    context(days.slice(0, 3000)),
    actions(
      button(CRA_ACTIONS.correct, t(locale, 'craflow.alert.correct'), { d: view.disputeId }, 'primary'),
      button(CRA_ACTIONS.maintain, t(locale, 'craflow.alert.maintain'), { d: view.disputeId }),
    ),
  ]);
}

export function overdueAlertMessage(
  locale: Locale,
  view: CraFacts & { timesheetId: string; approverName: string; days: number; hasBackup: boolean },
): ChatMessage {
  const text = t(locale, 'craflow.alert.overdue', {
    month: formatMonth(locale, view.month),
    name: view.name,
    mission: view.missionTitle,
    approver: view.approverName,
    days: view.days,
  });
  const ref = { t: view.timesheetId };
  const buttons = [button(CRA_ACTIONS.remind, t(locale, 'craflow.alert.remindNow'), ref, 'primary')];
  if (view.hasBackup) buttons.push(button(CRA_ACTIONS.backup, t(locale, 'craflow.alert.sendBackup'), ref));
  buttons.push(button(CRA_ACTIONS.changeApprover, t(locale, 'craflow.alert.changeApprover'), ref));
  return message(text.replaceAll('*', ''), [section(text), actions(...buttons)]);
}

export function noApproverMessage(locale: Locale, view: CraFacts & { timesheetId: string; day: IsoDate }): ChatMessage {
  const text = t(locale, 'craflow.manager.noApprover', {
    mission: view.missionTitle,
    day: formatDay(locale, view.day),
    month: formatMonth(locale, view.month),
    name: view.name,
  });
  return message(text.replaceAll('*', ''), [
    section(text),
    actions(button(CRA_ACTIONS.changeApprover, t(locale, 'craflow.alert.changeApprover'), { t: view.timesheetId }, 'primary')),
  ]);
}

export type PoAlertKind = 'PO_BURN_80' | 'PO_BURN_100' | 'PO_FORECAST_NEGATIVE';

export function poAlertMessage(
  locale: Locale,
  view: { alertId: string; kind: PoAlertKind; number: string; missionTitle: string; ordered: number; consumed: number; remaining: number; planned: number; end: IsoDate },
): ChatMessage {
  const params = {
    number: view.number,
    mission: view.missionTitle,
    ordered: formatNumber(locale, view.ordered),
    consumed: formatNumber(locale, view.consumed),
    percent: formatNumber(locale, view.ordered > 0 ? Math.floor((view.consumed / view.ordered) * 100) : 100, 0),
    remaining: formatNumber(locale, view.remaining),
    planned: view.planned,
    end: formatDay(locale, view.end),
  };
  const key = view.kind === 'PO_BURN_80' ? 'craflow.alert.po80' : view.kind === 'PO_BURN_100' ? 'craflow.alert.po100' : 'craflow.alert.poForecast';
  const text = t(locale, key, params);
  return message(text.replaceAll('*', ''), [section(text), actions(button(ALERT_ACTIONS.ack, t(locale, 'craflow.alert.ack'), { alert: view.alertId }))]);
}

/** A manager's CRA message once acted on: the buttons go, the outcome line comes. */
export function followedUp(original: ChatMessage, line: string, keepButtons = false): ChatMessage {
  const blocks: ChatBlock[] = original.blocks.filter((b) => keepButtons || b.type !== 'actions');
  return { text: original.text, blocks: [...blocks, context(line)] };
}
