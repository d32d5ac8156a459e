/**
 * The ESN manager's "CRA approved" notification. The documents helper fills `pdfUrl` (a link
 * button to the CRA PDF); admins get a Reopen button (corrections after approval).
 */
import { actions, button, message, section } from '../../chat/build.js';
import type { ChatBlock, ChatButton, ChatMessage } from '../../chat/message.js';
import type { YearMonth } from '../../domain/index.js';
import { formatMonth, formatMoment } from '../../i18n/format-date.js';
import { formatNumber, t, type Locale } from '../../i18n/index.js';
import { CRA_ACTIONS } from './cra-actions.js';

export interface ApprovedView {
  readonly timesheetId: string;
  readonly consultantName: string;
  readonly missionTitle: string;
  readonly month: YearMonth;
  readonly version: number;
  /** Who approved (null: tacit acceptance). */
  readonly approverName: string | null;
  readonly approvedAt: Date;
  readonly timeZone: string;
  readonly totalDays: string;
  readonly totalAmount: string;
  /** The recipient may reopen (ESN admin). */
  readonly canReopen: boolean;
  /** Link to the CRA PDF, when the documents module can serve it. */
  readonly pdfUrl?: string;
}

export function approvedMessage(locale: Locale, view: ApprovedView): ChatMessage {
  const params = {
    month: formatMonth(locale, view.month),
    name: view.consultantName,
    mission: view.missionTitle,
    approver: view.approverName ?? '',
    when: formatMoment(locale, view.approvedAt, view.timeZone),
    days: formatNumber(locale, view.totalDays),
    amount: new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(view.totalAmount)),
    version: view.version,
  };
  const text = t(locale, view.approverName ? 'craflow.approved.text' : 'craflow.approved.tacit', params);
  const blocks: ChatBlock[] = [section(text)];
  const buttons: ChatButton[] = [];
  if (view.pdfUrl) buttons.push({ ...button('cra.pdf', t(locale, 'craflow.approved.pdf'), { t: view.timesheetId }), url: view.pdfUrl });
  if (view.canReopen) buttons.push(button(CRA_ACTIONS.reopen, t(locale, 'craflow.approved.reopen'), { t: view.timesheetId }));
  if (buttons.length > 0) blocks.push(actions(...buttons));
  return message(text.replaceAll('*', ''), blocks);
}
