/**
 * Purchase-order burn alerts to the ESN manager (DOMAIN.md): at 80 % and 100 % consumed (consumed
 * = validated billable days), and when the forecast goes negative (remaining = ordered − consumed
 * − pending; forecast = remaining − planned working days of the mission until the order ends).
 * Each is raised once per order. Called after submissions and approvals, in their transaction.
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import type { Tx } from '../../db/client.js';
import { addDays, lastDay, workingDaysBetween, type YearMonth } from '../../domain/index.js';
import { purchaseOrderBurn } from '../../rituals/cra/cra-content.js';
import { poAlertMessage, type PoAlertKind } from '../../rituals/cra/manager-messages.js';
import { personSummary } from '../../rituals/people.js';
import type { CraMission } from './cra-record.js';
import { raiseAlertWithMessage } from '../../rituals/alerts/raise-alert.js';

export async function checkPurchaseOrderBurn(
  tx: Tx,
  options: { mission: CraMission; month: YearMonth; now: Date; platforms: readonly ChatPlatform[] },
): Promise<PoAlertKind[]> {
  const { mission } = options;
  const burn = await purchaseOrderBurn(tx, mission.id, options.month);
  if (!burn) return [];
  const remaining = burn.ordered - burn.consumed - burn.pending;
  const from = addDays(lastDay(options.month), 1);
  const to = mission.calendar.endDate && mission.calendar.endDate < burn.endDate ? mission.calendar.endDate : burn.endDate;
  const planned = from <= to ? workingDaysBetween(from, to, mission.calendar.region, { whitMondayWorked: mission.calendar.whitMondayWorked }).length : 0;
  const due: PoAlertKind[] = [];
  if (burn.consumed >= burn.ordered) due.push('PO_BURN_100');
  else if (burn.consumed >= 0.8 * burn.ordered) due.push('PO_BURN_80');
  if (remaining - planned < 0) due.push('PO_FORECAST_NEGATIVE');
  const manager = await personSummary(tx, mission.managerId);
  const raised: PoAlertKind[] = [];
  for (const kind of due) {
    const facts = { number: burn.number, missionTitle: mission.title, ordered: burn.ordered, consumed: burn.consumed, remaining, planned, end: to };
    const result = await raiseAlertWithMessage(tx, {
      kind,
      dedupeKey: `po:${kind}:${burn.id}`,
      organizationId: mission.organizationId,
      missionId: mission.id,
      subjectId: mission.consultantId,
      recipientId: mission.managerId,
      data: { ...facts, month: options.month },
      message: (alertId) => poAlertMessage(manager.locale, { alertId, kind, ...facts }),
      now: options.now,
      platforms: options.platforms,
    });
    if (result.raised) raised.push(kind);
  }
  return raised;
}
