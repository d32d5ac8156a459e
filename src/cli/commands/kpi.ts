import type { Command } from 'commander';
import { formatNumber, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { computeKpis, type KpiReport } from '../../services/compute-kpis.js';
import { createCliContext, printJson, requireMonth, withDatabase, type CliContext } from '../context.js';

export function registerKpiCommand(program: Command, locale: Locale): void {
  program
    .command('kpi')
    .description(t(locale, 'cli.kpi'))
    .argument('<month>', t(locale, 'cli.arg.month'))
    .option('--json', t(locale, 'cli.json'))
    .option('--org <slug>', t(locale, 'cli.kpi.org'))
    .action(async (month: string, options: { json?: boolean; org?: string }) => {
      const ctx = createCliContext();
      requireMonth(ctx, month);
      await withDatabase(ctx, async ({ prisma }) => {
        const report = await computeKpis({ prisma, month, organization: options.org });
        if (options.json) return printJson(ctx, report);
        printReport(ctx, report);
      });
    });
}

const DASH = '—';

function percent(locale: Locale, value: number | null): string {
  if (value === null) return DASH;
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

function money(locale: Locale, value: string | null): string {
  if (value === null) return DASH;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value));
}

function days(locale: Locale, value: number): string {
  return formatNumber(locale, value);
}

function width(text: string): number {
  return [...text].length;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A column of a table: its header, the cell of a row, the cell of the totals line. */
interface Column<T> {
  /** Catalog key of the header; '' for a column without header. */
  readonly header: MessageKey | '';
  /** Text columns are left-aligned; the others (numbers) right-aligned. */
  readonly text?: boolean;
  readonly cell: (row: T) => string;
  /** The cell of the totals line ('' when absent). */
  readonly total?: string;
}

/**
 * A header line, a line per row, then a totals line when `withTotals`; columns separated by two
 * spaces and padded to the widest cell.
 */
function table<T>(tr: Translate, columns: readonly Column<T>[], rows: readonly T[], withTotals = false): string[] {
  const header = columns.map((c) => (c.header === '' ? '' : tr(c.header)));
  const lines = [header, ...rows.map((row) => columns.map((c) => c.cell(row)))];
  if (withTotals) lines.push(columns.map((c) => c.total ?? ''));
  const widths = columns.map((_, i) => Math.max(...lines.map((line) => width(line[i] ?? ''))));
  return lines.map((line) =>
    line
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return columns[i]?.text ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}

type Consultant = KpiReport['consultants'][number];
type PurchaseOrder = KpiReport['purchaseOrders'][number];

/** A table of the consultants: `columns` after their ref and name, then a totals line. */
function consultantTable(tr: Translate, report: KpiReport, columns: readonly Column<Consultant>[]): string[] {
  const consultant: Column<Consultant> = {
    header: 'kpi.col.consultant',
    text: true,
    cell: (c) => `${c.ref} (${c.name})`,
    total: tr('kpi.total', { count: report.overall.consultants }),
  };
  return table(tr, [consultant, ...columns], report.consultants, true);
}

function activityColumns(locale: Locale, report: KpiReport): Column<Consultant>[] {
  const { overall, consultants } = report;
  const sum = (pick: (c: Consultant) => number): string => days(locale, consultants.reduce((total, c) => total + pick(c), 0));
  return [
    { header: 'kpi.col.potential', cell: (c) => days(locale, c.potentialDays), total: days(locale, overall.potentialDays) },
    { header: 'kpi.col.produced', cell: (c) => days(locale, c.producedDays), total: days(locale, overall.producedDays) },
    { header: 'kpi.col.cp', cell: (c) => days(locale, c.cpDays), total: days(locale, overall.cpDays) },
    { header: 'kpi.col.rtt', cell: (c) => days(locale, c.rttDays), total: days(locale, overall.rttDays) },
    { header: 'kpi.col.sick', cell: (c) => days(locale, c.sickDays), total: sum((c) => c.sickDays) },
    { header: 'kpi.col.training', cell: (c) => days(locale, c.trainingDays), total: sum((c) => c.trainingDays) },
    { header: 'kpi.col.other', cell: (c) => days(locale, c.otherAbsenceDays), total: sum((c) => c.otherAbsenceDays) },
    { header: 'kpi.col.intercontrat', cell: (c) => days(locale, c.intercontratDays), total: sum((c) => c.intercontratDays) },
    { header: 'kpi.col.tace', cell: (c) => percent(locale, c.tace), total: percent(locale, overall.tace) },
    { header: 'kpi.col.taci', cell: (c) => percent(locale, c.taci), total: percent(locale, overall.taci) },
    { header: 'kpi.col.intercontratRate', cell: (c) => percent(locale, c.intercontratRate), total: percent(locale, overall.intercontratRate) },
  ];
}

function moneyColumns(locale: Locale, tr: Translate, report: KpiReport): Column<Consultant>[] {
  const { overall } = report;
  return [
    { header: 'kpi.col.daysBilled', cell: (c) => days(locale, c.daysBilled), total: days(locale, overall.daysBilled) },
    { header: 'kpi.col.revenue', cell: (c) => money(locale, c.revenue), total: money(locale, overall.revenue) },
    { header: 'kpi.col.tjmRealise', cell: (c) => money(locale, c.tjmRealise), total: money(locale, overall.tjmRealise) },
    { header: 'kpi.col.tjmVendu', cell: (c) => money(locale, c.tjmVendu), total: money(locale, overall.tjmVendu) },
    { header: 'kpi.col.cjm', cell: (c) => money(locale, c.margin?.cjm ?? null) },
    { header: 'kpi.col.margin', cell: (c) => money(locale, c.margin?.dailyMargin ?? null) },
    { header: 'kpi.col.markupRate', cell: (c) => (c.margin ? percent(locale, c.margin.markupRate) : DASH) },
    { header: '', text: true, cell: (c) => (c.margin?.fragile ? `⚠ ${tr('kpi.fragile')}` : '') },
  ];
}

function purchaseOrderAlerts(tr: Translate, po: PurchaseOrder): string {
  const alerts: string[] = [];
  if (po.flags.reached100) alerts.push(tr('kpi.po.flag.reached100'));
  else if (po.flags.reached80) alerts.push(tr('kpi.po.flag.reached80'));
  if (po.flags.forecastNegative) alerts.push(tr('kpi.po.flag.forecastNegative'));
  return alerts.length > 0 ? `⚠ ${alerts.join(', ')}` : '';
}

function purchaseOrderColumns(locale: Locale, tr: Translate): Column<PurchaseOrder>[] {
  return [
    { header: 'kpi.po.col.mission', text: true, cell: (po) => po.mission },
    { header: 'kpi.po.col.number', text: true, cell: (po) => po.number },
    { header: 'kpi.po.col.period', text: true, cell: (po) => `${po.start} → ${po.end}` },
    { header: 'kpi.po.col.ordered', cell: (po) => days(locale, po.daysOrdered) },
    { header: 'kpi.po.col.consumed', cell: (po) => days(locale, po.consumed) },
    { header: 'kpi.po.col.pending', cell: (po) => days(locale, po.pending) },
    { header: 'kpi.po.col.remaining', cell: (po) => days(locale, po.remaining) },
    { header: 'kpi.po.col.planned', cell: (po) => days(locale, po.planned) },
    { header: 'kpi.po.col.forecast', cell: (po) => days(locale, po.forecast) },
    { header: 'kpi.po.col.ratio', cell: (po) => percent(locale, po.consumedRatio) },
    { header: 'kpi.po.col.alerts', text: true, cell: (po) => purchaseOrderAlerts(tr, po) },
  ];
}

function printReport(ctx: CliContext, report: KpiReport): void {
  const { locale } = ctx;
  const tr: Translate = (key, params) => t(locale, key, params);
  const print = (lines: readonly string[]): void => lines.forEach((line) => ctx.out(line));
  ctx.out(tr('kpi.title', { month: report.month, organization: report.organization }));

  ctx.out('');
  ctx.out(tr('kpi.section.activity'));
  if (report.consultants.length === 0) {
    ctx.out(tr('kpi.noConsultant'));
  } else {
    print(consultantTable(tr, report, activityColumns(locale, report)));
    ctx.out('');
    ctx.out(tr('kpi.section.money'));
    print(consultantTable(tr, report, moneyColumns(locale, tr, report)));
  }

  ctx.out('');
  ctx.out(tr('kpi.section.purchaseOrders'));
  if (report.purchaseOrders.length === 0) ctx.out(tr('kpi.po.none'));
  else print(table(tr, purchaseOrderColumns(locale, tr), report.purchaseOrders));
}
