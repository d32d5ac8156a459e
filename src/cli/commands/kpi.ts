import type { Command } from 'commander';
import { isYearMonth } from '../../domain/index.js';
import { formatNumber, isLocale, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { computeKpis, type KpiReport } from '../../services/compute-kpis.js';
import { createCliContext, printJson, usageError, withDatabase, type CliContext } from '../context.js';

export function registerKpiCommand(program: Command): void {
  program
    .command('kpi')
    .description('key indicators of a month: TACE, TACI, intercontrat, revenue, TJM, margin, purchase-order burn')
    .argument('<month>', 'YYYY-MM')
    .option('--json', 'machine-readable output')
    .option('--org <slug>', 'organization, required when the database holds several')
    .action(async (month: string, options: { json?: boolean; org?: string }) => {
      const ctx = createCliContext();
      if (!isYearMonth(month)) throw usageError(`invalid month "${month}": expected YYYY-MM`);
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

/** Columns separated by two spaces; text columns (`left`) are left-aligned, numbers right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[], left: readonly number[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => width(row[i] ?? ''))));
  return all.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return left.includes(i) ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}

function printReport(ctx: CliContext, report: KpiReport): void {
  const locale: Locale = isLocale(ctx.locale) ? ctx.locale : 'fr';
  const tr = (key: MessageKey, params?: Record<string, string | number>): string => t(locale, key, params);
  const { overall } = report;
  ctx.out(tr('kpi.title', { month: report.month, organization: report.organization }));

  ctx.out('');
  ctx.out(tr('kpi.section.activity'));
  if (report.consultants.length === 0) {
    ctx.out(tr('kpi.noConsultant'));
  } else {
    const header = (
      [
        'kpi.col.consultant',
        'kpi.col.potential',
        'kpi.col.produced',
        'kpi.col.cp',
        'kpi.col.rtt',
        'kpi.col.sick',
        'kpi.col.training',
        'kpi.col.other',
        'kpi.col.intercontrat',
        'kpi.col.tace',
        'kpi.col.taci',
        'kpi.col.intercontratRate',
      ] as const
    ).map((key) => tr(key));
    const rows = report.consultants.map((c) => [
      `${c.ref} (${c.name})`,
      days(locale, c.potentialDays),
      days(locale, c.producedDays),
      days(locale, c.cpDays),
      days(locale, c.rttDays),
      days(locale, c.sickDays),
      days(locale, c.trainingDays),
      days(locale, c.otherAbsenceDays),
      days(locale, c.intercontratDays),
      percent(locale, c.tace),
      percent(locale, c.taci),
      percent(locale, c.intercontratRate),
    ]);
    const interco = report.consultants.reduce((sum, c) => sum + c.intercontratDays, 0);
    const sum = (pick: (c: KpiReport['consultants'][number]) => number): string =>
      days(locale, report.consultants.reduce((total, c) => total + pick(c), 0));
    rows.push([
      tr('kpi.total', { count: overall.consultants }),
      days(locale, overall.potentialDays),
      days(locale, overall.producedDays),
      days(locale, overall.cpDays),
      days(locale, overall.rttDays),
      sum((c) => c.sickDays),
      sum((c) => c.trainingDays),
      sum((c) => c.otherAbsenceDays),
      days(locale, interco),
      percent(locale, overall.tace),
      percent(locale, overall.taci),
      percent(locale, overall.intercontratRate),
    ]);
    for (const line of table(header, rows, [0])) ctx.out(line);

    ctx.out('');
    ctx.out(tr('kpi.section.money'));
    const moneyHeader = (
      [
        'kpi.col.consultant',
        'kpi.col.daysBilled',
        'kpi.col.revenue',
        'kpi.col.tjmRealise',
        'kpi.col.tjmVendu',
        'kpi.col.cjm',
        'kpi.col.margin',
        'kpi.col.markupRate',
      ] as const
    ).map((key) => tr(key));
    const moneyRows = report.consultants.map((c) => [
      `${c.ref} (${c.name})`,
      days(locale, c.daysBilled),
      money(locale, c.revenue),
      money(locale, c.tjmRealise),
      money(locale, c.tjmVendu),
      money(locale, c.margin?.cjm ?? null),
      money(locale, c.margin?.dailyMargin ?? null),
      c.margin ? percent(locale, c.margin.markupRate) : DASH,
      c.margin?.fragile ? `⚠ ${tr('kpi.fragile')}` : '',
    ]);
    moneyRows.push([
      tr('kpi.total', { count: overall.consultants }),
      days(locale, overall.daysBilled),
      money(locale, overall.revenue),
      money(locale, overall.tjmRealise),
      money(locale, overall.tjmVendu),
      '',
      '',
      '',
      '',
    ]);
    for (const line of table([...moneyHeader, ''], moneyRows, [0, 8])) ctx.out(line);
  }

  ctx.out('');
  ctx.out(tr('kpi.section.purchaseOrders'));
  if (report.purchaseOrders.length === 0) {
    ctx.out(tr('kpi.po.none'));
    return;
  }
  const poHeader = (
    [
      'kpi.po.col.mission',
      'kpi.po.col.number',
      'kpi.po.col.period',
      'kpi.po.col.ordered',
      'kpi.po.col.consumed',
      'kpi.po.col.pending',
      'kpi.po.col.remaining',
      'kpi.po.col.planned',
      'kpi.po.col.forecast',
      'kpi.po.col.ratio',
      'kpi.po.col.alerts',
    ] as const
  ).map((key) => tr(key));
  const poRows = report.purchaseOrders.map((po) => {
    const alerts: string[] = [];
    if (po.flags.reached100) alerts.push(tr('kpi.po.flag.reached100'));
    else if (po.flags.reached80) alerts.push(tr('kpi.po.flag.reached80'));
    if (po.flags.forecastNegative) alerts.push(tr('kpi.po.flag.forecastNegative'));
    return [
      po.mission,
      po.number,
      `${po.start} → ${po.end}`,
      days(locale, po.daysOrdered),
      days(locale, po.consumed),
      days(locale, po.pending),
      days(locale, po.remaining),
      days(locale, po.planned),
      days(locale, po.forecast),
      percent(locale, po.consumedRatio),
      alerts.length > 0 ? `⚠ ${alerts.join(', ')}` : '',
    ];
  });
  for (const line of table(poHeader, poRows, [0, 1, 2, 10])) ctx.out(line);
}
