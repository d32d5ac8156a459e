/**
 * The chart of a manager's monthly report, drawn as SVG here (no chart library) and rendered to
 * PNG by resvg (Rust, bundled prebuilt: no browser, works offline): on the left the days billed
 * per consultant in the month, on the right the TACE of the last 6 months. Text is set in DejaVu
 * Sans, shipped with the project (dejavu-fonts-ttf), so labels show on a server with no fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(FONT_DIR, file));

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 380;

export interface ReportChartData {
  title: string;
  daysTitle: string;
  taceTitle: string;
  consultants: readonly { name: string; days: number }[];
  trend: readonly { label: string; tace: number | null }[];
  /** Number format of the locale ("12,5"). */
  formatDays(value: number): string;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function label(x: number, y: number, text: string, options: { size?: number; anchor?: 'start' | 'middle' | 'end'; weight?: string; fill?: string } = {}): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" font-size="${options.size ?? 12}" text-anchor="${options.anchor ?? 'start'}" font-weight="${options.weight ?? 'normal'}" fill="${options.fill ?? '#111827'}">${escape(text)}</text>`;
}

export function reportChartSvg(data: ReportChartData): string {
  const parts: string[] = [`<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`];
  parts.push(label(20, 28, data.title, { size: 16, weight: 'bold' }));

  // Left: horizontal bars, days billed per consultant.
  const left = { x: 20, y: 60, w: 400, h: 290 };
  parts.push(label(left.x, left.y, data.daysTitle, { size: 13, weight: 'bold', fill: '#374151' }));
  const names = data.consultants.slice(0, 12);
  const max = Math.max(1, ...names.map((c) => c.days));
  const rowHeight = Math.min(36, (left.h - 20) / Math.max(1, names.length));
  const barLeft = left.x + 140;
  const barWidth = left.w - 140 - 50;
  names.forEach((c, i) => {
    const y = left.y + 20 + i * rowHeight;
    const w = (c.days / max) * barWidth;
    const name = c.name.length > 20 ? `${c.name.slice(0, 19)}…` : c.name;
    parts.push(label(barLeft - 8, y + rowHeight * 0.6, name, { anchor: 'end' }));
    parts.push(`<rect x="${barLeft}" y="${(y + rowHeight * 0.15).toFixed(1)}" width="${Math.max(w, 1).toFixed(1)}" height="${(rowHeight * 0.7).toFixed(1)}" fill="#2563eb" rx="3"/>`);
    parts.push(label(barLeft + w + 6, y + rowHeight * 0.6, data.formatDays(c.days)));
  });

  // Right: TACE line over the months, 0–100 %.
  const right = { x: 470, y: 60, w: 400, h: 290 };
  parts.push(label(right.x, right.y, data.taceTitle, { size: 13, weight: 'bold', fill: '#374151' }));
  const plot = { x: right.x + 40, y: right.y + 20, w: right.w - 60, h: right.h - 60 };
  for (const pct of [0, 25, 50, 75, 100]) {
    const y = plot.y + plot.h - (pct / 100) * plot.h;
    parts.push(`<line x1="${plot.x}" y1="${y}" x2="${plot.x + plot.w}" y2="${y}" stroke="#e5e7eb" stroke-width="1"/>`);
    parts.push(label(plot.x - 6, y + 4, `${pct} %`, { size: 10, anchor: 'end', fill: '#6b7280' }));
  }
  const step = data.trend.length > 1 ? plot.w / (data.trend.length - 1) : 0;
  const points = data.trend.map((p, i) => ({
    x: plot.x + i * step,
    y: p.tace === null ? null : plot.y + plot.h - Math.min(1, Math.max(0, p.tace)) * plot.h,
    ...p,
  }));
  const path = points.filter((p) => p.y !== null).map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${(p.y ?? 0).toFixed(1)}`).join(' ');
  if (path) parts.push(`<path d="${path}" fill="none" stroke="#16a34a" stroke-width="3"/>`);
  for (const p of points) {
    parts.push(label(p.x, plot.y + plot.h + 18, p.label, { size: 10, anchor: 'middle', fill: '#6b7280' }));
    if (p.y === null || p.tace === null) continue;
    parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="4.5" fill="#16a34a"/>`);
    parts.push(label(p.x, p.y - 9, `${Math.round(p.tace * 100)} %`, { size: 10, anchor: 'middle' }));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">${parts.join('')}</svg>`;
}

export function renderReportChartPng(data: ReportChartData): Buffer {
  const resvg = new Resvg(reportChartSvg(data), {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return Buffer.from(resvg.render().asPng());
}
