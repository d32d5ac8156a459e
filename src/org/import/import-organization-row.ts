/** The organization row of the file (name, locale, settings), matched by its slug. */
import type { OrgFile } from '../org-file-schema.js';
import type { OrganizationOutcome } from './import-summary.js';
import { changedFields, isEmpty } from './sync-rows.js';
import type { Tx } from './transaction.js';

function craCloseRule(rule: string): string {
  return rule === 'last-working-day' ? 'LAST_WORKING_DAY' : rule.toUpperCase().replace('-', '_');
}

function wantedOrganization(org: OrgFile['organization']) {
  const settings = org.settings;
  return {
    name: org.name,
    locale: org.locale,
    timezone: org.timezone,
    dailyCheckinTime: settings.dailyCheckinTime,
    weeklyCheckinDay: settings.weeklyCheckinDay,
    weeklyCheckinTime: settings.weeklyCheckinTime,
    quietHoursStart: settings.quietHours.start,
    quietHoursEnd: settings.quietHours.end,
    checkinReminderTime: settings.checkinReminderTime,
    digestDay: settings.digest.day,
    digestTime: settings.digest.time,
    silentDaysAlert: settings.silentDaysAlert,
    craCloseRule: craCloseRule(settings.craClose.rule),
    craCloseTime: settings.craClose.time,
    clientResponseWorkingDays: settings.validation.responseWorkingDays,
    reminderEveryWorkingDays: settings.validation.reminderEveryWorkingDays,
    escalateAfterWorkingDays: settings.validation.escalateAfterWorkingDays,
    backupAfterWorkingDays: settings.validation.backupAfterWorkingDays,
    tacitAcceptanceWorkingDays: settings.validation.tacitAcceptanceWorkingDays,
    catchUpWindowMinutes: settings.catchUpWindowMinutes,
    retentionMonths: settings.retentionMonths,
  };
}

/** Creates the organization, or updates the fields that differ; returns its id and what happened. */
export async function importOrganizationRow(
  tx: Tx,
  org: OrgFile['organization'],
): Promise<{ id: string; outcome: OrganizationOutcome }> {
  const wanted = wantedOrganization(org);
  const stored = await tx.organization.findUnique({ where: { slug: org.slug } });
  if (!stored) {
    const created = await tx.organization.create({ data: { slug: org.slug, ...wanted } });
    return { id: created.id, outcome: 'created' };
  }
  const changes = changedFields(stored, wanted);
  if (isEmpty(changes)) return { id: stored.id, outcome: 'unchanged' };
  const updated = await tx.organization.update({ where: { id: stored.id }, data: changes });
  return { id: updated.id, outcome: 'updated' };
}
