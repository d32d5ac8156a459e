/** The manager's monthly report in chat: CRA status per mission, KPIs, orders, chart, PDF link. */
import { fields, header, message, section } from '../../chat/build.js';
import type { ChatBlock, ChatMessage } from '../../chat/message.js';
import { MAX_TEXT_LENGTH } from '../../chat/message.js';
import { reportChartAlt, reportKpiFields, reportOrderLines } from '../../documents/report-document.js';
import { formatMonth } from '../../i18n/format-date.js';
import { formatNumber, t, type MessageKey } from '../../i18n/index.js';
import type { ManagerReport } from './report-content.js';

export const REPORT_ACTIONS = { pdf: 'report.pdf' } as const;

function clip(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH - 1)}…` : text;
}

export function reportMessage(report: ManagerReport, links: { chart: string; pdf: string } | null): ChatMessage {
  const { locale } = report;
  const month = formatMonth(locale, report.month);
  const missionLines = report.missions.map((m) =>
    `• ${t(locale, 'documents.report.mission', {
      consultant: m.consultant,
      mission: m.title,
      client: m.client,
      status: t(locale, `documents.report.status.${m.status}` as MessageKey),
      days: t(locale, 'documents.report.missionDays', { days: formatNumber(locale, m.days) }),
    })}`,
  );
  const blocks: ChatBlock[] = [
    header(t(locale, 'documents.report.title', { month }).slice(0, 150)),
    section(t(locale, 'documents.report.intro', { month })),
    section(clip([t(locale, 'documents.report.cras'), ...(missionLines.length > 0 ? missionLines : [t(locale, 'documents.report.none')])].join('\n'))),
    section(t(locale, 'documents.report.kpis')),
    fields(reportKpiFields(report)),
  ];
  const orders = reportOrderLines(report);
  if (orders.length > 0) blocks.push(section(clip([t(locale, 'documents.report.orders'), ...orders.map((l) => `• ${l}`)].join('\n'))));
  if (links) {
    blocks.push({ type: 'image', url: links.chart, alt: clip(reportChartAlt(report)).slice(0, 2000), title: t(locale, 'documents.report.chart.title').slice(0, 150) });
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', actionId: REPORT_ACTIONS.pdf, label: t(locale, 'documents.report.pdf'), value: '{}', url: links.pdf }],
    });
  }
  return message(t(locale, 'documents.report.title', { month }), blocks);
}
