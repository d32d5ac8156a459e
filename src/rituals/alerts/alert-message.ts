/**
 * The message an ESN manager gets for an alert about one of their consultants (a blocker, a low
 * mood, days without any answer, somebody Rituel cannot reach), with its buttons: acknowledge,
 * remind now (alert-actions.ts then updates it).
 */
import { actions, button, message, section } from '../../chat/build.js';
import type { ChatMessage } from '../../chat/message.js';
import type { AlertKind } from '../../db/generated/client.js';
import { formatDay } from '../../i18n/format-date.js';
import { t, type Locale, type MessageKey } from '../../i18n/index.js';

export const ALERT_ACTIONS = { ack: 'alert.ack', remind: 'alert.remind' } as const;

/** Facts an alert carries (Alert.data): whatever its text needs. */
export interface AlertFacts {
  readonly mission?: string;
  readonly date?: string;
  readonly text?: string;
  readonly mood?: number;
  readonly since?: string;
  readonly days?: number;
  readonly week?: string;
}

export interface AlertView {
  readonly id: string;
  readonly kind: RitualAlertKind;
  readonly subjectName: string;
  readonly facts: AlertFacts;
}

/** The texts of the alerts rituals raise (the CRA alerts have their own messages). */
const ALERT_TEXTS = {
  BLOCKER: 'alert.BLOCKER',
  LOW_MOOD: 'alert.LOW_MOOD',
  MISSING_CHECKINS: 'alert.MISSING_CHECKINS',
  UNKNOWN_USER: 'alert.UNKNOWN_USER',
} as const satisfies Partial<Record<AlertKind, MessageKey>>;

export type RitualAlertKind = keyof typeof ALERT_TEXTS;

/** The kinds whose subject is a consultant who can be reminded. */
const REMINDABLE: readonly RitualAlertKind[] = ['BLOCKER', 'LOW_MOOD', 'MISSING_CHECKINS'];

function alertText(locale: Locale, view: AlertView): string {
  const f = view.facts;
  const params = {
    name: view.subjectName,
    mission: f.mission ?? '',
    day: f.date ? formatDay(locale, f.date) : '',
    text: f.text ?? '',
    mood: f.mood ?? 0,
    since: f.since ? formatDay(locale, f.since) : '',
    days: f.days ?? 0,
    week: f.week ? formatDay(locale, f.week) : '',
  };
  return t(locale, ALERT_TEXTS[view.kind], params);
}

export function alertMessage(locale: Locale, view: AlertView): ChatMessage {
  const text = alertText(locale, view);
  const blocks = [section(text)];
  const buttons = [button(ALERT_ACTIONS.ack, t(locale, 'alert.acknowledge'), { alert: view.id }, 'primary')];
  if (REMINDABLE.includes(view.kind)) buttons.push(button(ALERT_ACTIONS.remind, t(locale, 'alert.remindNow'), { alert: view.id }));
  blocks.push(actions(...buttons));
  return message(text.replaceAll('*', ''), blocks);
}
