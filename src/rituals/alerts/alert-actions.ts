/**
 * The buttons of an alert, for the people it was sent to (whatever its kind: the rituals' alerts,
 * the dispatcher's delivery alerts). Acknowledge closes it: the person's message loses its buttons
 * and says when. Remind now sends the consultant the days they still have to fill in.
 */
import { z } from 'zod';
import { context } from '../../chat/build.js';
import { parseChatMessage, type ChatMessage } from '../../chat/message.js';
import { defineAction, type HandlerContext } from '../../chat/router/definitions.js';
import { refusal } from '../../chat/router/refusal.js';
import { recordAudit } from '../../db/audit.js';
import type { Tx } from '../../db/client.js';
import { formatMoment } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { ALERT_ACTIONS } from './alert-message.js';
import { alertMessageKey } from './raise-alert.js';
import { remindFromInteraction } from './remind-consultant.js';

const alertRef = z.object({ alert: z.uuid() });

/** The alert and the message about it the acting person received; refuses anybody else. */
async function loadOwnAlert(tx: Tx, ctx: HandlerContext, alertId: string) {
  const alert = await tx.alert.findUnique({ where: { id: alertId } });
  if (!alert) throw refusal('NOT_FOUND', `No alert ${alertId}`);
  const received = await tx.outboxMessage.findUnique({
    where: { dedupeKey: alertMessageKey(alert.id, ctx.person.id) },
    select: { payload: true },
  });
  if (!received || alert.organizationId !== ctx.person.organizationId) {
    throw refusal('NOT_YOURS', `Alert ${alertId} went to somebody else`);
  }
  return { alert, message: parseChatMessage(received.payload) };
}

/** The person's alert message with one more line, with or without its buttons. */
function followedUp(message: ChatMessage, line: string, keepButtons: boolean): ChatMessage {
  const blocks = message.blocks.filter((b) => keepButtons || b.type !== 'actions');
  return { text: message.text, blocks: [...blocks, context(line)] };
}

export const acknowledgeAlertAction = defineAction({
  actionId: ALERT_ACTIONS.ack,
  value: alertRef,
  handle: async (ctx, { value }) => {
    const message = await ctx.prisma.$transaction(async (tx) => {
      const own = await loadOwnAlert(tx, ctx, value.alert);
      const { count } = await tx.alert.updateMany({ where: { id: own.alert.id, status: 'OPEN' }, data: { status: 'ACKNOWLEDGED' } });
      if (count === 1) {
        await recordAudit(tx, {
          organizationId: own.alert.organizationId,
          entityType: 'Alert',
          entityId: own.alert.id,
          action: 'alert.acknowledge',
          fromStatus: 'OPEN',
          toStatus: 'ACKNOWLEDGED',
          channel: ctx.channel,
          actorId: ctx.person.id,
        });
      }
      return own.message;
    });
    const line = t(ctx.locale, 'alert.acknowledged', { when: formatMoment(ctx.locale, ctx.now, ctx.person.timezone) });
    return { update: followedUp(message, line, false) };
  },
});

export const remindFromAlertAction = defineAction({
  actionId: ALERT_ACTIONS.remind,
  value: alertRef,
  handle: async (ctx, { value }) => {
    const { message, notice } = await ctx.prisma.$transaction(async (tx) => {
      const own = await loadOwnAlert(tx, ctx, value.alert);
      if (!own.alert.missionId || !own.alert.subjectId) throw refusal('INVALID_INTERACTION', 'This alert has nobody to remind');
      const text = await remindFromInteraction(tx, ctx, own.alert.missionId);
      return { message: own.message, notice: text };
    });
    const line = t(ctx.locale, 'alert.reminded', { when: formatMoment(ctx.locale, ctx.now, ctx.person.timezone) });
    return { update: followedUp(message, line, true), notice };
  },
});
