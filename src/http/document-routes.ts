/**
 * GET /documents/<token>: the document a signed link names (a CRA PDF, a monthly report chart PNG
 * or PDF), to whoever holds the link (src/documents/document-token.ts). A malformed, forged or
 * unknown link gets a bare 404, an expired one a bare 410: nothing else is said.
 */
import type { Express, Response } from 'express';
import type { Db } from '../db/client.js';
import { documentSigningKey } from '../documents/app-settings.js';
import { loadCraDocument } from '../documents/cra-document.js';
import { renderCraPdf } from '../documents/cra-pdf.js';
import { DOCUMENTS_PATH } from '../documents/document-links.js';
import { verifyDocumentToken, type DocumentRef } from '../documents/document-token.js';
import { renderReportPdf, renderReportPng } from '../documents/report-document.js';
import type { YearMonth } from '../domain/index.js';
import { isCodedError } from '../errors.js';
import { personLocale } from '../i18n/index.js';
import type { Logger } from '../log.js';
import { loadManagerReport } from '../rituals/manager-report/report-content.js';

export interface DocumentRoutesOptions {
  prisma: Db;
  logger: Logger;
  now?: () => Date;
}

interface Served {
  type: string;
  name: string;
  bytes: Buffer;
}

async function render(prisma: Db, ref: DocumentRef, now: Date): Promise<Served> {
  switch (ref.k) {
    case 'cra': {
      const doc = await loadCraDocument(prisma, ref.t, ref.v);
      const org = await prisma.organization.findUniqueOrThrow({ where: { slug: doc.organization.slug }, select: { locale: true } });
      const bytes = await renderCraPdf(doc, { locale: personLocale(org.locale, null), now });
      return { type: 'application/pdf', name: `cra-${doc.missionRef}-${doc.month}.pdf`, bytes };
    }
    case 'chart': {
      const report = await loadManagerReport({ prisma, managerId: ref.m, month: ref.mo as YearMonth, now });
      return { type: 'image/png', name: `report-${ref.mo}.png`, bytes: renderReportPng(report) };
    }
    case 'report': {
      const report = await loadManagerReport({ prisma, managerId: ref.m, month: ref.mo as YearMonth, now });
      return { type: 'application/pdf', name: `report-${ref.mo}.pdf`, bytes: await renderReportPdf(report, now) };
    }
  }
}

function refuse(res: Response, status: 404 | 410): void {
  res.status(status).type('text/plain').set('Cache-Control', 'no-store').send(status === 404 ? 'Not found' : 'Gone');
}

export function mountDocumentRoutes(app: Express, options: DocumentRoutesOptions): void {
  const now = options.now ?? (() => new Date());
  app.get(`${DOCUMENTS_PATH}/:token`, async (req, res) => {
    try {
      const key = await documentSigningKey(options.prisma);
      const checked = verifyDocumentToken(key, req.params.token, now());
      if (!checked.ok) return refuse(res, checked.reason === 'expired' ? 410 : 404);
      const served = await render(options.prisma, checked.ref, now());
      res
        .status(200)
        .type(served.type)
        .set({
          'Content-Disposition': `inline; filename="${served.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
          'Cache-Control': 'private, max-age=300',
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        })
        .send(served.bytes);
    } catch (error) {
      if (isCodedError(error) && error.code === 'DOCUMENT_NOT_FOUND') return refuse(res, 404);
      options.logger.error({ err: error }, 'document rendering failed');
      res.status(500).type('text/plain').send('Error');
    }
  });
}
