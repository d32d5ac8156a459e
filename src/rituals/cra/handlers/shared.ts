/**
 * What the CRA chat handlers share: the button values they parse, the moment they print, and the
 * updates of the manager's alert messages once an alert has been followed up.
 */
import { z } from 'zod';
import type { HandlerContext } from '../../../chat/router/definitions.js';
import { isYearMonth } from '../../../domain/index.js';
import { CodedError } from '../../../errors.js';
import { formatMoment } from '../../../i18n/format-date.js';
import { actorOf, assertCanManage } from '../../../services/cra/cra-people.js';
import { loadCraRecord } from '../../../services/cra/cra-record.js';
import { alertMessageKey } from '../../alerts/raise-alert.js';
import { latestCopy } from '../cra-message-copies.js';
import { followedUp } from '../manager-messages.js';

export const submitValue = z.object({ m: z.uuid(), mo: z.string().refine(isYearMonth) });
export const approveValue = z.object({ t: z.uuid(), v: z.number().int().min(1), h: z.string().regex(/^[0-9a-f]{64}$/) });
export const versionValue = z.object({ t: z.uuid(), v: z.number().int().min(1) });
export const timesheetValue = z.object({ t: z.uuid() });
export const disputeValue = z.object({ d: z.uuid() });

export const when = (ctx: HandlerContext): string => formatMoment(ctx.locale, ctx.now, ctx.person.timezone);

/** The dispute alert message the acting manager received, updated with a line. */
export async function disputeAlertUpdate(ctx: HandlerContext, disputeId: string, line: string) {
  const alert = await ctx.prisma.alert.findUnique({ where: { dedupeKey: `cra-dispute:${disputeId}` }, select: { id: true } });
  const shown = alert ? await latestCopy(ctx.prisma, alertMessageKey(alert.id, ctx.person.id)) : null;
  if (alert) await ctx.prisma.alert.updateMany({ where: { id: alert.id, status: 'OPEN' }, data: { status: 'RESOLVED', resolvedAt: ctx.now } });
  return shown ? { update: followedUp(shown, line) } : { notice: line };
}

/** The record of a CRA waiting for the client, if the acting person manages its mission. */
export async function managedPending(ctx: HandlerContext, timesheetId: string, allowSubmitted = false) {
  return ctx.prisma.$transaction(async (tx) => {
    const record = await loadCraRecord(tx, timesheetId);
    assertCanManage(await actorOf(tx, ctx.person.id), record.mission);
    const ok = record.timesheet.status === 'PENDING_CLIENT' || (allowSubmitted && record.timesheet.status === 'SUBMITTED');
    if (!ok) throw new CodedError('CRA_NOT_PENDING', 'Not pending', {}, { params: { status: record.timesheet.status } });
    return record;
  });
}

/** The overdue alert the acting manager received about a CRA, updated with a line. */
export async function overdueUpdate(ctx: HandlerContext, timesheetId: string, line: string, keepButtons: boolean) {
  const alert = await ctx.prisma.alert.findFirst({ where: { timesheetId, kind: 'OVERDUE_VALIDATION' }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  const shown = alert ? await latestCopy(ctx.prisma, alertMessageKey(alert.id, ctx.person.id)) : null;
  return shown ? { update: followedUp(shown, line, keepButtons), notice: line } : { notice: line };
}
