/**
 * A person's home (Slack App Home; the Teams adapter may show it too), as neutral blocks: for a
 * consultant "my month" (per mission: days worked and absent, the days still to fill in, the CRA's
 * status, a button to fill them in), for a client approver the CRAs waiting for them, for a
 * manager their open alerts. At most HOME_MAX_BLOCKS blocks (Slack's Home tab takes 100).
 */
import { actions, button, context, divider, header, section } from '../../chat/build.js';
import type { ChatBlock } from '../../chat/message.js';
import type { Db } from '../../db/client.js';
import type { AlertKind } from '../../db/generated/client.js';
import { dateInTimeZone, firstDay, fromDateOnlyUTC, lastDay, monthOf, toDateOnlyUTC } from '../../domain/index.js';
import { formatDay, formatMonth, formatShortDay } from '../../i18n/format-date.js';
import { formatNumber, personLocale, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { ALERT_ACTIONS } from '../alerts/alert-message.js';
import { isGap, loadMissionDays } from '../mission-days.js';
import { MY_DAYS_ACTIONS } from '../my-days/my-days-actions.js';
import { firstName } from '../people.js';

export const HOME_MAX_BLOCKS = 100;
const MAX_APPROVALS = 15;
const MAX_ALERTS = 10;
const MAX_LISTED_DAYS = 12;

export interface HomeView {
  readonly locale: Locale;
  readonly blocks: ChatBlock[];
}

async function monthBlocks(prisma: Db, personId: string, locale: Locale, today: string): Promise<ChatBlock[]> {
  const month = monthOf(today);
  const from = firstDay(month);
  const to = lastDay(month);
  const missions = await prisma.mission.findMany({
    where: { consultantId: personId, startDate: { lte: toDateOnlyUTC(to) }, OR: [{ endDate: null }, { endDate: { gte: toDateOnlyUTC(from) } }] },
    select: { id: true, title: true, timesheets: { where: { month }, select: { status: true } } },
    orderBy: { startDate: 'asc' },
  });
  if (missions.length === 0) return [];
  const blocks: ChatBlock[] = [header(t(locale, 'home.month.header', { month: formatMonth(locale, month) }))];
  for (const mission of missions) {
    const days = await loadMissionDays(prisma, mission.id, from, to, today);
    const worked = days.days.reduce((sum, d) => sum + d.worked, 0);
    const absent = days.days.reduce((sum, d) => sum + d.absent, 0);
    const gaps = days.days.filter(isGap).map((d) => d.date);
    const status = mission.timesheets[0]?.status ?? 'NONE';
    blocks.push(
      section(
        t(locale, 'home.month.mission', {
          mission: mission.title,
          worked: formatNumber(locale, worked),
          absent: formatNumber(locale, absent),
          missing: gaps.length,
        }),
      ),
    );
    const listed = gaps.slice(0, MAX_LISTED_DAYS).map((d) => formatShortDay(locale, d)).join(', ') + (gaps.length > MAX_LISTED_DAYS ? '…' : '');
    blocks.push(context(`${gaps.length > 0 ? t(locale, 'home.month.missingDays', { days: listed }) : t(locale, 'home.month.complete')} · ${t(locale, 'home.month.cra', { status: t(locale, `home.cra.${status}` as MessageKey) })}`));
    const editFrom = gaps[0] ?? from;
    const editTo = today < to ? today : to;
    if (editFrom <= editTo) blocks.push(actions(button(MY_DAYS_ACTIONS.edit, t(locale, 'home.month.fill'), { m: mission.id, from: editFrom, to: editTo }, gaps.length > 0 ? 'primary' : undefined)));
  }
  return blocks;
}

async function approvalBlocks(prisma: Db, personId: string, locale: Locale): Promise<ChatBlock[]> {
  const pending = await prisma.timesheet.findMany({
    where: { approverId: personId, status: 'PENDING_CLIENT' },
    select: { month: true, sentToClientAt: true, submittedAt: true, mission: { select: { title: true, consultant: { select: { name: true } } } } },
    orderBy: [{ month: 'asc' }, { id: 'asc' }],
    take: MAX_APPROVALS,
  });
  const isApprover = pending.length > 0 || (await prisma.missionApprover.count({ where: { personId } })) > 0;
  if (!isApprover) return [];
  const blocks: ChatBlock[] = [header(t(locale, 'home.approvals.header'))];
  if (pending.length === 0) return [...blocks, section(t(locale, 'home.approvals.none'))];
  for (const sheet of pending) {
    const sent = sheet.sentToClientAt ?? sheet.submittedAt;
    blocks.push(
      section(
        t(locale, 'home.approvals.item', {
          consultant: sheet.mission.consultant.name,
          mission: sheet.mission.title,
          month: formatMonth(locale, sheet.month),
          sent: sent ? formatDay(locale, fromDateOnlyUTC(new Date(Date.UTC(sent.getUTCFullYear(), sent.getUTCMonth(), sent.getUTCDate())))) : '—',
        }),
      ),
    );
  }
  blocks.push(context(t(locale, 'home.approvals.hint')));
  return blocks;
}

async function alertBlocks(prisma: Db, personId: string, locale: Locale, isManager: boolean): Promise<ChatBlock[]> {
  const where = { recipientId: personId, status: 'OPEN' as const };
  const [open, total] = await Promise.all([
    prisma.alert.findMany({
      where,
      select: { id: true, kind: true, createdAt: true, subject: { select: { name: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: MAX_ALERTS,
    }),
    prisma.alert.count({ where }),
  ]);
  if (!isManager && open.length === 0) return [];
  const blocks: ChatBlock[] = [header(t(locale, 'home.alerts.header'))];
  if (open.length === 0) return [...blocks, section(t(locale, 'home.alerts.none'))];
  for (const alert of open) {
    const kind = t(locale, `home.alert.kind.${alert.kind satisfies AlertKind}` as MessageKey);
    const since = formatDay(locale, dateInTimeZone(alert.createdAt, 'UTC'));
    blocks.push(
      section(
        t(locale, 'home.alerts.item', { kind, subject: alert.subject?.name ?? '—', since }),
        button(ALERT_ACTIONS.ack, t(locale, 'alert.acknowledge'), { alert: alert.id }),
      ),
    );
  }
  if (total > open.length) blocks.push(context(t(locale, 'home.alerts.more', { count: total - open.length })));
  return blocks;
}

/** The home of a person; `now` decides "this month" in their time zone. */
export async function buildHomeView(prisma: Db, personId: string, now: Date): Promise<HomeView> {
  const person = await prisma.person.findUniqueOrThrow({
    where: { id: personId },
    select: { name: true, roles: true, locale: true, timezone: true, organization: { select: { locale: true, timezone: true } } },
  });
  const locale = personLocale(person.locale, person.organization.locale);
  const today = dateInTimeZone(now, person.timezone ?? person.organization.timezone);
  const isManager = person.roles.includes('MANAGER') || person.roles.includes('ADMIN');
  const parts = [
    await monthBlocks(prisma, personId, locale, today),
    await approvalBlocks(prisma, personId, locale),
    await alertBlocks(prisma, personId, locale, isManager),
  ].filter((p) => p.length > 0);
  const blocks: ChatBlock[] = [section(t(locale, 'home.hello', { name: firstName(person.name) }))];
  if (parts.length === 0 && person.roles.includes('CONSULTANT')) blocks.push(section(t(locale, 'home.month.noMission')));
  for (const part of parts) blocks.push(divider(), ...part);
  blocks.push(divider(), context(t(locale, 'home.commands')));
  return { locale, blocks: blocks.length > HOME_MAX_BLOCKS ? [...blocks.slice(0, HOME_MAX_BLOCKS - 1), context('…')] : blocks };
}
