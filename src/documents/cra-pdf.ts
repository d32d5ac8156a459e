/**
 * One CRA as a PDF to attach to an invoice: who and what, the month as a calendar grid of billable
 * units, the totals and the amount by rate period, the purchase order, and the client's approval
 * (approver, time, channel, version and content hash), or a "not approved" watermark and notice.
 * Built from a CraDocument: it holds nothing the client must not see.
 */
import { formatMonth } from '../i18n/format-date.js';
import { formatNumber, t, type Locale, type MessageKey } from '../i18n/index.js';
import type { CraDocument, CraDocumentDay } from './cra-document.js';
import { createPdf, winAnsi, type Pdf } from './pdf-kit.js';

const GREY = '#6b7280';
const LIGHT = '#f3f4f6';
const LINE = '#d1d5db';

function euros(locale: Locale, amount: string): string {
  return `${new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount))} €`;
}

function days(locale: Locale, value: string | number): string {
  return formatNumber(locale, value);
}

function dateText(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "5 janvier 2027 à 11:42" / "5 January 2027 at 11:42": a document outlives the year. */
function longMoment(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
}

function units(value: number): string {
  if (value === 0.5) return '½';
  return String(value).replace('.', ',');
}

function text(pdf: Pdf, value: string, x?: number | PDFKit.Mixins.TextOptions, y?: number, options?: PDFKit.Mixins.TextOptions): void {
  if (typeof x === 'number') pdf.text(winAnsi(value), x, y, options);
  else pdf.text(winAnsi(value), x);
}

function drawWatermark(pdf: Pdf, label: string): void {
  pdf.save();
  pdf.rotate(-35, { origin: [297, 420] });
  pdf.font('Helvetica-Bold').fontSize(72).fillColor('#dc2626').fillOpacity(0.12);
  text(pdf, label, 40, 380, { width: 515, align: 'center', lineBreak: false });
  pdf.restore();
  pdf.fillOpacity(1).fillColor('black');
}

function drawCalendar(pdf: Pdf, locale: Locale, doc: CraDocument, top: number): number {
  const left = 48;
  const width = 499;
  const cell = width / 7;
  const height = 40;
  const weekdays = t(locale, 'documents.cra.weekdays').split(',');
  pdf.font('Helvetica-Bold').fontSize(9).fillColor(GREY);
  weekdays.forEach((name, i) => text(pdf, name, left + i * cell, top, { width: cell, align: 'center' }));
  let y = top + 14;
  const first = doc.days[0];
  let column = first ? first.weekday - 1 : 0;
  const holidayMark = locale === 'fr' ? 'F' : 'H';
  for (const day of doc.days) {
    drawDay(pdf, day, left + column * cell, y, cell, height, holidayMark);
    column += 1;
    if (column === 7 && day !== doc.days[doc.days.length - 1]) {
      column = 0;
      y += height;
    }
  }
  return y + height;
}

function drawDay(pdf: Pdf, day: CraDocumentDay, x: number, y: number, w: number, h: number, holidayMark: string): void {
  const off = !day.working || !day.inMission;
  pdf.rect(x, y, w, h).fillAndStroke(off ? LIGHT : 'white', LINE);
  pdf.fillColor(GREY).font('Helvetica').fontSize(7);
  text(pdf, `${Number(day.date.slice(8))}${day.holiday ? ` ${holidayMark}` : ''}`, x + 3, y + 3, { lineBreak: false });
  let value: string;
  if (!day.inMission) value = '–';
  else if (day.billable > 0) value = `${units(day.billable)}${day.override ? '*' : ''}`;
  else value = day.working ? '0' : '';
  pdf.fillColor(day.billable > 0 ? 'black' : GREY).font(day.billable > 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(13);
  if (value) text(pdf, value, x, y + 17, { width: w, align: 'center', lineBreak: false });
  pdf.fillColor('black');
}

export async function renderCraPdf(doc: CraDocument, options: { locale: Locale; now: Date }): Promise<Buffer> {
  const { locale } = options;
  const month = formatMonth(locale, doc.month);
  const title = t(locale, 'documents.cra.title', { month });
  const { pdf, finish } = createPdf({ title, subject: `${doc.missionRef} ${doc.month}` });

  pdf.font('Helvetica-Bold').fontSize(18).fillColor('black');
  text(pdf, title, 48, 48);
  pdf.moveDown(0.5).font('Helvetica').fontSize(10);
  const status = t(locale, `cra.status.${doc.status}` as MessageKey);
  for (const [label, value] of [
    ['documents.cra.esn', doc.organization.name],
    ['documents.cra.client', doc.client],
    ['documents.cra.mission', `${doc.missionTitle} (${doc.missionRef})`],
    ['documents.cra.consultant', doc.consultantName],
    ['documents.cra.status', `${status} — version ${doc.version}`],
  ] as const) {
    pdf.font('Helvetica-Bold');
    text(pdf, `${t(locale, label)} : `.replace(' : ', locale === 'fr' ? ' : ' : ': '), { continued: true });
    pdf.font('Helvetica');
    text(pdf, value);
  }

  if (!doc.approval) {
    pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor('#dc2626');
    text(pdf, t(locale, 'documents.cra.notApproved', { status }));
    pdf.fillColor('black');
  }

  const bottom = drawCalendar(pdf, locale, doc, pdf.y + 14);
  pdf.font('Helvetica').fontSize(7.5).fillColor(GREY);
  text(pdf, t(locale, 'documents.cra.legend'), 48, bottom + 4, { width: 499 });
  pdf.fillColor('black').moveDown(0.8);

  pdf.font('Helvetica-Bold').fontSize(12);
  text(pdf, t(locale, 'documents.cra.totalDays', { days: days(locale, doc.totalDays) }), 48);
  text(pdf, doc.totalAmount === null ? t(locale, 'documents.cra.noAmount') : t(locale, 'documents.cra.totalAmount', { amount: euros(locale, doc.totalAmount) }));
  if (doc.lines.length > 0) {
    pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(10);
    text(pdf, t(locale, 'documents.cra.lines'));
    pdf.font('Helvetica').fontSize(10);
    for (const line of doc.lines) {
      text(pdf, `• ${t(locale, 'documents.cra.line', {
        from: dateText(locale, line.from),
        to: dateText(locale, line.to),
        days: days(locale, line.days),
        tjm: euros(locale, line.tjm),
        amount: euros(locale, line.amount),
      })}`);
    }
  }
  pdf.moveDown(0.4).font('Helvetica').fontSize(10);
  if (doc.purchaseOrders.length === 0) text(pdf, t(locale, 'documents.cra.noPurchaseOrder'));
  for (const po of doc.purchaseOrders) {
    text(pdf, t(locale, 'documents.cra.purchaseOrder', {
      number: po.number,
      days: days(locale, po.daysOrdered),
      start: dateText(locale, po.start),
      end: dateText(locale, po.end),
    }));
  }

  if (doc.approval) {
    const { approval } = doc;
    pdf.moveDown(0.8);
    const top = pdf.y;
    pdf.rect(48, top, 499, 70).stroke('#16a34a');
    pdf.font('Helvetica-Bold').fontSize(11).fillColor('#166534');
    text(pdf, t(locale, 'documents.cra.approval'), 58, top + 8);
    pdf.font('Helvetica').fontSize(10).fillColor('black');
    const when = longMoment(locale, approval.at, doc.timeZone);
    const channel = t(locale, approval.channel ? (`documents.channel.${approval.channel}` as MessageKey) : 'documents.channel.unknown');
    text(pdf, approval.approverName
      ? t(locale, 'documents.cra.approvedBy', { name: approval.approverName, when, channel })
      : t(locale, 'documents.cra.approvedTacit', { when }), 58, pdf.y + 2, { width: 479 });
    text(pdf, t(locale, 'documents.cra.hash', { version: approval.version }), { width: 479 });
    pdf.font('Courier').fontSize(8.5);
    text(pdf, approval.contentHash ?? '—', { width: 479 });
    pdf.y = top + 78;
  }

  pdf.page.margins.bottom = 0; // the footer sits in the bottom margin, on this page
  pdf.font('Helvetica').fontSize(7.5).fillColor(GREY);
  text(pdf, t(locale, 'documents.cra.generated', { when: longMoment(locale, options.now, doc.timeZone) }), 48, 800, { width: 499, lineBreak: false });
  if (!doc.approval) drawWatermark(pdf, t(locale, 'documents.cra.watermark'));
  return finish();
}
