/**
 * "statut" / "status": where the person stands. A consultant: days to fill and the CRA of each
 * mission; a manager (or anyone alerted): their open alerts, with their buttons; a client
 * contact: what will come here.
 */
import { textMessage } from '../../chat/build.js';
import type { ChatMessage } from '../../chat/message.js';
import type { CommandDefinition, HandlerContext } from '../../chat/router/definitions.js';
import { firstDay, monthOf } from '../../domain/index.js';
import { personToday } from '../person-today.js';
import { formatShortDay } from '../../i18n/format-date.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { parseChatMessage } from '../../chat/message.js';
import { alertMessageKey } from '../alerts/raise-alert.js';
import { missingDaysUntil } from '../missing-days.js';
import { consultantMissions } from '../consultant-missions.js';

const MAX_ALERTS_SHOWN = 5;

async function consultantStatus(ctx: HandlerContext): Promise<ChatMessage[]> {
  const today = personToday(ctx);
  const month = monthOf(today);
  const missions = await consultantMissions(ctx, firstDay(month), today);
  const lines: string[] = [];
  for (const mission of missions) {
    const missing = await missingDaysUntil(ctx.prisma, mission.id, today);
    const timesheet = await ctx.prisma.timesheet.findUnique({ where: { missionId_month: { missionId: mission.id, month } }, select: { status: true } });
    const status = t(ctx.locale, `cra.status.${timesheet?.status ?? 'DRAFT'}` as MessageKey);
    lines.push(
      missing.length > 0
        ? t(ctx.locale, 'status.missionMissing', { mission: mission.title, count: missing.length, days: missing.map((d) => formatShortDay(ctx.locale, d)).join(', '), status })
        : t(ctx.locale, 'status.missionComplete', { mission: mission.title, status }),
    );
  }
  return lines.length > 0 ? [textMessage(lines.join('\n'))] : [];
}

/** The open alerts the person was told about, shown again as they received them (with their buttons). */
async function alertsStatus(ctx: HandlerContext): Promise<ChatMessage[]> {
  const alerts = await ctx.prisma.alert.findMany({
    where: { organizationId: ctx.person.organizationId, status: 'OPEN' },
    select: { id: true },
    orderBy: { createdAt: 'desc' },
  });
  const received = await ctx.prisma.outboxMessage.findMany({
    where: { recipientId: ctx.person.id, dedupeKey: { in: alerts.map((a) => alertMessageKey(a.id, ctx.person.id)) } },
    select: { payload: true },
    orderBy: { createdAt: 'desc' },
  });
  if (received.length === 0) return ctx.person.roles.includes('MANAGER') ? [textMessage(t(ctx.locale, 'status.noAlert'))] : [];
  return [
    textMessage(t(ctx.locale, 'status.openAlerts', { count: received.length })),
    ...received.slice(0, MAX_ALERTS_SHOWN).map((r) => parseChatMessage(r.payload)),
  ];
}

export const statusCommand: CommandDefinition = {
  name: 'status',
  words: ['statut', 'status', 'etat', 'state'],
  async handle(ctx) {
    const replies: ChatMessage[] = [];
    if (ctx.person.roles.includes('CONSULTANT')) replies.push(...(await consultantStatus(ctx)));
    replies.push(...(await alertsStatus(ctx)));
    if (ctx.person.roles.includes('CLIENT_CONTACT')) replies.push(textMessage(t(ctx.locale, 'status.client')));
    if (replies.length === 0) replies.push(textMessage(t(ctx.locale, 'command.noMission')));
    return { replies };
  },
};
