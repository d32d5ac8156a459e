/**
 * Raises the DELIVERY_FAILED alert about a person Rituel cannot reach on a platform, and queues
 * the message that tells the people responsible for them. Runs inside the transaction that marks
 * the row FAILED: the failure, the alert and its messages are written together, or not at all.
 *
 * One alert per person and platform (dedupe key `delivery-failed:<personId>:<platform>`): the
 * next failures for the same person find it and tell nobody again.
 */
import { alertMessageKey, createAlert } from '../../db/create-alert.js';
import type { Prisma, Tx } from '../../db/client.js';
import type { ChatPlatform } from '../../chat/interaction.js';
import { personLocale } from '../../i18n/index.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { buildDeliveryAlert } from './build-delivery-alert.js';
import { findAlertRecipients } from './find-alert-recipients.js';

export const DELIVERY_ALERT_KIND = 'alert.delivery_failed';

export interface RaiseDeliveryAlertOptions {
  /** The outbox row that could not be delivered. */
  outboxId: string;
  messageKind: string;
  subjectId: string;
  platform: ChatPlatform;
  code: string;
  /** The attempts made, when the failure is retries running out. */
  attemptsMade?: number | undefined;
  now: Date;
  /** The dispatcher's platforms, in order of preference: where the people responsible are reached. */
  platforms: readonly ChatPlatform[];
}

export interface RaisedAlert {
  readonly alertId: string;
  /** Messages queued (0 when nobody could be found or reached). */
  readonly queued: number;
}

export function deliveryAlertKey(subjectId: string, platform: ChatPlatform): string {
  return `delivery-failed:${subjectId}:${platform}`;
}

/** Null when the alert already existed (raised by an earlier failure): nobody is told twice. */
export async function raiseDeliveryAlert(tx: Tx, options: RaiseDeliveryAlertOptions): Promise<RaisedAlert | null> {
  const dedupeKey = deliveryAlertKey(options.subjectId, options.platform);
  if (await tx.alert.findUnique({ where: { dedupeKey }, select: { id: true } })) return null;

  const responsible = await findAlertRecipients(tx, options.subjectId);
  const data: Prisma.InputJsonObject = {
    platform: options.platform,
    code: options.code,
    outboxId: options.outboxId,
    messageKind: options.messageKind,
    ...(options.attemptsMade === undefined ? {} : { attempts: options.attemptsMade }),
  };
  // ON CONFLICT DO NOTHING: a concurrent dispatcher raising the same alert wins without aborting this transaction.
  const alert = await createAlert(
    tx,
    {
      organizationId: responsible.organizationId,
      kind: 'DELIVERY_FAILED',
      dedupeKey,
      subjectId: options.subjectId,
      recipientId: responsible.personIds[0] ?? null,
      missionId: responsible.missionId,
      data,
      createdAt: options.now,
    },
    { channel: 'SYSTEM', data: { ...data, kind: 'DELIVERY_FAILED', subjectId: options.subjectId, notified: [...responsible.personIds] } },
  );
  if (!alert.created) return null;

  const subject = await tx.person.findUniqueOrThrow({ where: { id: options.subjectId }, select: { name: true } });
  const people = await tx.person.findMany({
    where: { id: { in: [...responsible.personIds] } },
    select: { id: true, locale: true, organization: { select: { locale: true } } },
  });
  let queued = 0;
  for (const personId of responsible.personIds) {
    const person = people.find((p) => p.id === personId);
    if (!person) continue;
    const locale = personLocale(person.locale, person.organization.locale);
    const result = await enqueueMessage(tx, {
      dedupeKey: alertMessageKey(alert.id, personId),
      recipientId: personId,
      kind: DELIVERY_ALERT_KIND,
      message: buildDeliveryAlert(locale, {
        alertId: alert.id,
        subjectName: subject.name,
        platform: options.platform,
        code: options.code,
        attemptsMade: options.attemptsMade,
      }),
      now: options.now,
      platforms: options.platforms,
      respectQuietHours: true,
    });
    if (result.status !== 'unreachable') queued += 1;
  }
  return { alertId: alert.id, queued };
}
