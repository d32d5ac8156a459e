/** Deterministic outbox and ritual-run keys of the monthly CRA (a second tick or click queues nothing new). */
export const craCloseKey = (missionId: string, month: string): string => `cra-close:${missionId}:${month}`;
export const craCloseManagerKey = (missionId: string, month: string): string => `cra-close-manager:${missionId}:${month}`;
/** The validation request of one version to one approver (`suffix`: a reminder, a resend after a maintained dispute). */
export const craRequestKey = (timesheetId: string, version: number, approverId: string, suffix = ''): string =>
  `cra-request:${timesheetId}:v${version}:${approverId}${suffix ? `:${suffix}` : ''}`;
export const craRequestPrefix = (timesheetId: string): string => `cra-request:${timesheetId}:`;
export const craFollowUpKey = (missionId: string, date: string): string => `cra-followup:${missionId}:${date}`;
