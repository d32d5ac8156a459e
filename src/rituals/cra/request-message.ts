/**
 * The validation request a client approver receives: mission, month, billable units per day,
 * total, amount by rate period, purchase order status, Approve / Dispute and an optional 1-5
 * satisfaction select. Built from the frozen version content only: no absence kind or reason,
 * no note, no mood, no cost can reach the client.
 */
import { actions, button, context, fields, header, message, section, select } from '../../chat/build.js';
import type { ChatBlock, ChatMessage } from '../../chat/message.js';
import { formatDay, formatMonth } from '../../i18n/format-date.js';
import { formatNumber, t, type Locale } from '../../i18n/index.js';
import { billableLines } from './calendar-view.js';
import type { CraVersionContent } from './cra-content.js';
import { CRA_ACTIONS } from './cra-actions.js';

export interface CraRequestView {
  readonly timesheetId: string;
  readonly version: number;
  readonly contentHash: string;
  readonly content: CraVersionContent;
  readonly consultantName: string;
  readonly missionTitle: string;
  /** Last day to answer (the response window), or null. */
  readonly dueDate: string | null;
  /** Date after which the CRA is deemed accepted, when the mission's contract says so. */
  readonly tacitDate: string | null;
  /** Extra lines on top: a reminder, "you are the backup", the ESN's answer to a dispute. */
  readonly notes?: readonly string[];
}

/** Value of the Approve button: the version and content hash the client is looking at. */
export type ApproveValue = {
  readonly t: string;
  readonly v: number;
  readonly h: string;
};

/** An amount in euros, always with its cents ("13 119,50"). */
function money(locale: Locale, value: string): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value));
}

export function requestMessage(locale: Locale, view: CraRequestView): ChatMessage {
  const { content } = view;
  const month = formatMonth(locale, content.month);
  const intro = t(locale, 'craflow.request.intro', { consultant: view.consultantName, mission: view.missionTitle, month, version: view.version });
  const blocks: ChatBlock[] = [header(t(locale, 'craflow.request.title', { month })), section(intro)];
  for (const note of view.notes ?? []) blocks.push(section(note));
  blocks.push(section(billableLines(locale, content.days).join('\n')));
  blocks.push(context(t(locale, 'craflow.legend.client')));
  const amountLines = content.lines.map((l) =>
    t(locale, 'craflow.request.line', {
      days: formatNumber(locale, l.days),
      tjm: money(locale, l.tjm),
      from: formatDay(locale, l.from),
      to: formatDay(locale, l.to),
      amount: money(locale, l.amount),
    }),
  );
  const po = content.purchaseOrder;
  blocks.push(
    fields([
      { label: t(locale, 'craflow.request.total'), value: t(locale, 'craflow.request.totalValue', { days: formatNumber(locale, content.totals.days) }) },
      {
        label: t(locale, 'craflow.request.amount'),
        value: [...amountLines, locale === 'fr' ? `*${money(locale, content.totals.amount)} €*` : `*€${money(locale, content.totals.amount)}*`].join('\n'),
      },
      {
        label: t(locale, 'craflow.request.po'),
        value: po
          ? t(locale, 'craflow.request.poValue', {
              number: po.number,
              ordered: formatNumber(locale, po.ordered),
              consumed: formatNumber(locale, po.consumed),
              remaining: formatNumber(locale, po.remaining),
            })
          : t(locale, 'craflow.request.noPo'),
      },
    ]),
  );
  const deadlines: string[] = [];
  if (view.dueDate) deadlines.push(t(locale, 'craflow.request.due', { day: formatDay(locale, view.dueDate) }));
  if (view.tacitDate) deadlines.push(t(locale, 'craflow.request.tacit', { day: formatDay(locale, view.tacitDate) }));
  if (deadlines.length > 0) blocks.push(context(deadlines.join(' ')));
  const approve: ApproveValue = { t: view.timesheetId, v: view.version, h: view.contentHash };
  blocks.push(
    actions(
      button(CRA_ACTIONS.approve, t(locale, 'craflow.request.approve'), approve, 'primary'),
      button(CRA_ACTIONS.dispute, t(locale, 'craflow.request.dispute'), { t: view.timesheetId, v: view.version }, 'danger'),
      select(
        CRA_ACTIONS.satisfaction,
        t(locale, 'craflow.request.satisfaction'),
        { t: view.timesheetId },
        ['1', '2', '3', '4', '5'].map((s) => ({ label: `${'★'.repeat(Number(s))} ${s}/5`, value: s })),
      ),
    ),
  );
  return message(`${t(locale, 'craflow.request.title', { month })} — ${view.missionTitle}`, blocks);
}

/** The request once answered (or re-routed, replaced): the same facts, the buttons replaced by the outcome. */
export function requestOutcome(original: ChatMessage, outcome: string): ChatMessage {
  return { text: original.text, blocks: [...original.blocks.filter((b) => b.type !== 'actions'), section(outcome)] };
}
