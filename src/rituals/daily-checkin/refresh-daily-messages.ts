import type { Tx } from '../../db/client.js';
import type { Locale } from '../../i18n/index.js';
import { enqueueUpdate } from '../../scheduler/outbox/enqueue-message.js';
import { dailyAnsweredMessage } from './daily-checkin-messages.js';
import type { DailyCheckInView } from './daily-checkin-view.js';
import { dailyCheckInKey, dailyReminderKey } from './keys.js';

/**
 * Shows the answer on every message of the check-in (the question and its reminder), wherever the
 * person answered: nobody answers an old question twice by mistake.
 */
export async function refreshDailyMessages(tx: Tx, view: DailyCheckInView, locale: Locale, now: Date, changeId: string): Promise<void> {
  const message = dailyAnsweredMessage(locale, view);
  for (const originalKey of [dailyCheckInKey(view.missionId, view.date), dailyReminderKey(view.missionId, view.date)]) {
    await enqueueUpdate(tx, { originalKey, dedupeKey: `${originalKey}:update:${changeId}`, message, now });
  }
}
