/** A manager's monthly report as a chart (PNG) and as a PDF (statuses, KPIs, orders, chart). */
import { formatMoment, formatMonth } from '../i18n/format-date.js';
import { formatNumber, t, type MessageKey } from '../i18n/index.js';
import type { ManagerReport } from '../rituals/manager-report/report-content.js';
import { createPdf, winAnsi } from './pdf-kit.js';
import { renderReportChartPng, type ReportChartData } from './report-chart.js';

export function reportChartData(report: ManagerReport): ReportChartData {
  const { locale } = report;
  const short = (m: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-15T12:00:00Z`));
  return {
    title: t(locale, 'documents.report.chart.title'),
    daysTitle: t(locale, 'documents.report.chart.days', { month: formatMonth(locale, report.month) }),
    taceTitle: t(locale, 'documents.report.chart.tace'),
    consultants: report.consultants.map((c) => ({ name: c.name, days: c.daysBilled })),
    trend: report.taceTrend.map((p) => ({ label: short(p.month), tace: p.tace })),
    formatDays: (value) => formatNumber(locale, value),
  };
}

export function renderReportPng(report: ManagerReport): Buffer {
  return renderReportChartPng(reportChartData(report));
}

/** What the chart shows, in words (the image's alternative text). */
export function reportChartAlt(report: ManagerReport): string {
  const { locale } = report;
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
  return t(locale, 'documents.report.chart.alt', {
    month: formatMonth(locale, report.month),
    days: report.consultants.map((c) => `${c.name} ${formatNumber(locale, c.daysBilled)}`).join(', ') || '—',
    trend: report.taceTrend.map((p) => pct(p.tace)).join(', '),
  });
}

export async function renderReportPdf(report: ManagerReport, now: Date): Promise<Buffer> {
  const { locale } = report;
  const title = t(locale, 'documents.report.title', { month: formatMonth(locale, report.month) });
  const { pdf, finish } = createPdf({ title });
  const text = (value: string, options?: PDFKit.Mixins.TextOptions) => pdf.text(winAnsi(value.replaceAll('*', '')), options);
  pdf.font('Helvetica-Bold').fontSize(18);
  text(title);
  pdf.font('Helvetica').fontSize(10);
  text(report.managerName);
  pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(12);
  text(t(locale, 'documents.report.cras'));
  pdf.font('Helvetica').fontSize(10);
  if (report.missions.length === 0) text(t(locale, 'documents.report.none'));
  for (const m of report.missions) {
    text(`• ${t(locale, 'documents.report.mission', {
      consultant: m.consultant,
      mission: m.title,
      client: m.client,
      status: t(locale, `documents.report.status.${m.status}` as MessageKey),
      days: t(locale, 'documents.report.missionDays', { days: formatNumber(locale, m.days) }),
    })}`);
  }
  pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(12);
  text(t(locale, 'documents.report.kpis'));
  pdf.font('Helvetica').fontSize(10);
  for (const field of reportKpiFields(report)) text(`${field.label}${locale === 'fr' ? ' : ' : ': '}${field.value}`);
  if (report.purchaseOrders.length > 0) {
    pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(12);
    text(t(locale, 'documents.report.orders'));
    pdf.font('Helvetica').fontSize(10);
    for (const line of reportOrderLines(report)) text(`• ${line.replaceAll(/[⚠⛔]\s?/g, '')}`);
  }
  pdf.moveDown(1);
  pdf.image(renderReportPng(report), { width: 499 });
  pdf.moveDown(0.5).font('Helvetica').fontSize(7.5).fillColor('#6b7280');
  text(t(locale, 'documents.report.generated', { when: formatMoment(locale, now, report.timeZone) }));
  return finish();
}

function euros(locale: string, amount: string | null): string {
  return amount === null ? '—' : `${formatNumber(locale, amount)} €`;
}

export function reportKpiFields(report: ManagerReport): { label: string; value: string }[] {
  const { locale, kpis } = report;
  return [
    { label: t(locale, 'documents.report.tace'), value: kpis.tace === null ? '—' : `${formatNumber(locale, kpis.tace * 100, 1)} %` },
    { label: t(locale, 'documents.report.daysBilled'), value: formatNumber(locale, kpis.daysBilled) },
    { label: t(locale, 'documents.report.revenue'), value: euros(locale, kpis.revenue) },
    { label: t(locale, 'documents.report.tjm'), value: `${euros(locale, kpis.tjmRealise)} / ${euros(locale, kpis.tjmVendu)}` },
  ];
}

export function reportOrderLines(report: ManagerReport): string[] {
  const { locale } = report;
  return report.purchaseOrders.map((po) => {
    const flags = [
      po.flags.reached100 ? t(locale, 'documents.report.order.flag100') : po.flags.reached80 ? t(locale, 'documents.report.order.flag80') : '',
      po.flags.forecastNegative ? t(locale, 'documents.report.order.flagForecast') : '',
    ].join('');
    return t(locale, 'documents.report.order', {
      number: po.number,
      mission: po.mission,
      consumed: formatNumber(locale, po.consumed),
      ordered: formatNumber(locale, po.daysOrdered),
      remaining: formatNumber(locale, po.remaining),
      flags,
    });
  });
}
