/**
 * Absolute, signed, expiring links to documents, served by GET /documents/<token>
 * (src/http/document-routes.ts) to whoever holds them.
 */
import type { Db, Tx } from '../db/client.js';
import { documentSigningKey, readDocumentBaseUrl } from './app-settings.js';
import { LINK_LIFETIME_MS, signDocumentToken, type DocumentRef } from './document-token.js';

export const DOCUMENTS_PATH = '/documents';

export interface DocumentLinkOptions {
  prisma: Db | Tx;
  /** Where documents are served (PUBLIC_URL or the web chat's origin): see documentBaseUrlOf. */
  baseUrl: string;
  now: Date;
}

export async function documentLink({ prisma, baseUrl, now }: DocumentLinkOptions, ref: DocumentRef): Promise<string> {
  const key = await documentSigningKey(prisma);
  const token = signDocumentToken(key, ref, new Date(now.getTime() + LINK_LIFETIME_MS));
  return `${baseUrl.replace(/\/+$/, '')}${DOCUMENTS_PATH}/${token}`;
}

/**
 * The link to a CRA's PDF (of `version`, e.g. the one just approved: the link keeps showing what
 * was approved after a reopening; else the current version) on the base URL the running server recorded (PUBLIC_URL or the web
 * chat), or undefined when no server serves documents. Inside a transaction, pass the
 * transaction client (it may create the signing key, once).
 */
export async function craPdfLink(options: { prisma: Db | Tx; timesheetId: string; version?: number; now: Date }): Promise<string | undefined> {
  const baseUrl = await readDocumentBaseUrl(options.prisma);
  if (!baseUrl) return undefined;
  const ref = { k: 'cra' as const, t: options.timesheetId, ...(options.version ? { v: options.version } : {}) };
  return documentLink({ prisma: options.prisma, baseUrl, now: options.now }, ref);
}

/** Links of a manager's monthly report (chart PNG and full PDF), or null without a base URL. */
export async function reportLinks(options: { prisma: Db; managerId: string; month: string; now: Date }): Promise<{ chart: string; pdf: string } | null> {
  const baseUrl = await readDocumentBaseUrl(options.prisma);
  if (!baseUrl) return null;
  const link = { prisma: options.prisma, baseUrl, now: options.now };
  return {
    chart: await documentLink(link, { k: 'chart', m: options.managerId, mo: options.month }),
    pdf: await documentLink(link, { k: 'report', m: options.managerId, mo: options.month }),
  };
}
