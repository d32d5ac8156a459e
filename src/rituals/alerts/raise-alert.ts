/**
 * Raises an alert once (its dedupe key is deterministic: "blocker:<checkInId>") and queues its
 * message to the person responsible, in the caller's transaction. raiseAlert is for the rituals'
 * alerts (their text comes from alert-message.ts); raiseAlertWithMessage for any kind, with the
 * caller's message (the CRA alerts).
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import type { ChatMessage } from '../../chat/message.js';
import { alertMessageKey, createAlert } from '../../db/create-alert.js';
import type { Prisma, Tx } from '../../db/client.js';
import type { AlertKind } from '../../db/generated/client.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { personSummary } from '../people.js';
import { alertMessage, type AlertFacts, type RitualAlertKind } from './alert-message.js';

/** Key of the message telling `recipientId` about an alert (the dispatcher's delivery alerts use it too). */
export { alertMessageKey };

interface AlertTarget {
  dedupeKey: string;
  organizationId: string;
  missionId?: string | null;
  /** Whom the alert is about. */
  subjectId: string;
  /** Whom it goes to (the mission's ESN manager). */
  recipientId: string;
  now: Date;
  platforms: readonly ChatPlatform[];
}

export interface RaiseAlertOptions extends AlertTarget {
  kind: RitualAlertKind;
  facts: AlertFacts;
}

export interface RaiseAlertWithMessageOptions extends AlertTarget {
  kind: AlertKind;
  timesheetId?: string | null;
  /** Alert.data. */
  data: Prisma.InputJsonValue;
  /** The message to the recipient, built once the alert exists (only when this call raised it). */
  message: (alertId: string) => ChatMessage | Promise<ChatMessage>;
}

/** Returns the alert's id, and whether this call raised it (false: it was raised before). */
export async function raiseAlert(tx: Tx, options: RaiseAlertOptions): Promise<{ id: string; raised: boolean }> {
  const { facts, ...rest } = options;
  return raiseAlertWithMessage(tx, {
    ...rest,
    data: facts as Prisma.InputJsonValue,
    message: async (alertId) => {
      const [subject, recipient] = await Promise.all([personSummary(tx, options.subjectId), personSummary(tx, options.recipientId)]);
      return alertMessage(recipient.locale, { id: alertId, kind: options.kind, subjectName: subject.name, facts });
    },
  });
}

/** Returns the alert's id, and whether this call raised it (false: it was raised before). */
export async function raiseAlertWithMessage(tx: Tx, options: RaiseAlertWithMessageOptions): Promise<{ id: string; raised: boolean }> {
  const alert = await createAlert(
    tx,
    {
      organizationId: options.organizationId,
      kind: options.kind,
      dedupeKey: options.dedupeKey,
      missionId: options.missionId ?? null,
      timesheetId: options.timesheetId ?? null,
      subjectId: options.subjectId,
      recipientId: options.recipientId,
      data: options.data,
      createdAt: options.now,
    },
    { channel: 'SYSTEM', data: { kind: options.kind, subjectId: options.subjectId, recipientId: options.recipientId } },
  );
  if (!alert.created) return { id: alert.id, raised: false };
  await enqueueMessage(tx, {
    dedupeKey: alertMessageKey(alert.id, options.recipientId),
    recipientId: options.recipientId,
    kind: `alert.${options.kind.toLowerCase()}`,
    message: await options.message(alert.id),
    now: options.now,
    platforms: options.platforms,
  });
  return { id: alert.id, raised: true };
}
