/**
 * Every ritual of Rituel, written once against the neutral chat layer: what the scheduler runs,
 * the actions and forms the router dispatches to, and the text commands.
 */
import type { CommandDefinition, InteractionDefinition } from '../chat/router/definitions.js';
import type { ScheduledRitual } from '../scheduler/scheduled-ritual.js';
import { acknowledgeAlertAction, remindFromAlertAction } from './alerts/alert-actions.js';
import { silenceAlertRitual } from './alerts/plan-silence-alert.js';
import { helpCommand } from './commands/help.js';
import { CRA_INTERACTIONS } from './cra/handlers/index.js';
import { craCloseRitual } from './cra/plan-cra-close.js';
import { craFollowUpRitual } from './cra/plan-cra-followup.js';
import { myMonthCommand } from './commands/my-month.js';
import { myWeekCommand } from './commands/my-week.js';
import { statusCommand } from './commands/status.js';
import { absenceDailyAction, answerDailyAction, changeDailyAction, otherHalfDailyAction } from './daily-checkin/answer-daily-checkin.js';
import { openDailyNoteAction, saveDailyNoteForm } from './daily-checkin/daily-note.js';
import { dailyCheckInRitual } from './daily-checkin/plan-daily-checkin.js';
import { dailyReminderRitual } from './daily-checkin/plan-daily-reminder.js';
import { managerDigestRitual, remindFromDigestAction } from './manager-digest/plan-digest.js';
import { managerReportRitual } from './manager-report/plan-manager-report.js';
import { openDaysFormAction, saveDaysForm } from './my-days/edit-days.js';
import { openWeeklyAction, submitWeeklyForm } from './weekly-checkin/answer-weekly-checkin.js';
import { weeklyCheckInRitual } from './weekly-checkin/plan-weekly-checkin.js';

/** In this order within a tick: the week's check-in rolls the week's pending days in before the evening's. */
export const SCHEDULED_RITUALS: readonly ScheduledRitual[] = [
  dailyReminderRitual,
  silenceAlertRitual,
  weeklyCheckInRitual,
  dailyCheckInRitual,
  managerDigestRitual,
  managerReportRitual,
  craCloseRitual,
  craFollowUpRitual,
];

export const INTERACTION_DEFINITIONS: readonly InteractionDefinition[] = [
  answerDailyAction,
  absenceDailyAction,
  otherHalfDailyAction,
  changeDailyAction,
  openDailyNoteAction,
  saveDailyNoteForm,
  openWeeklyAction,
  submitWeeklyForm,
  openDaysFormAction,
  saveDaysForm,
  acknowledgeAlertAction,
  remindFromAlertAction,
  remindFromDigestAction,
  ...CRA_INTERACTIONS,
];

export const COMMANDS: readonly CommandDefinition[] = [helpCommand, myWeekCommand, myMonthCommand, statusCommand];
export const FALLBACK_COMMAND = helpCommand.name;
