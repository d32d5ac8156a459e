/**
 * Signed document links: `<payload>.<signature>`, the payload base64url JSON (what, until when),
 * the signature HMAC-SHA256 of the payload with the deployment's key (app-settings.ts). Holding
 * the link is the authorization: it cannot be guessed, forged or extended.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const documentRefSchema = z.discriminatedUnion('k', [
  /** One CRA as a PDF: the version `v` (e.g. the one approved), else the current one. */
  z.object({ k: z.literal('cra'), t: z.uuid(), v: z.number().int().min(1).optional() }),
  /** A chart of a manager's monthly report as a PNG. */
  z.object({ k: z.literal('chart'), m: z.uuid(), mo: z.string().regex(/^\d{4}-\d{2}$/) }),
  /** A manager's monthly report as a PDF. */
  z.object({ k: z.literal('report'), m: z.uuid(), mo: z.string().regex(/^\d{4}-\d{2}$/) }),
]);
export type DocumentRef = z.infer<typeof documentRefSchema>;

const payloadSchema = z.object({ d: documentRefSchema, e: z.number().int() });

/** How long a link stays valid: a month of chat history keeps working links. */
export const LINK_LIFETIME_MS = 31 * 24 * 60 * 60 * 1000;

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function signDocumentToken(key: Buffer, ref: DocumentRef, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ d: ref, e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

export type TokenCheck = { ok: true; ref: DocumentRef } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks the signature first (nothing of a forged token is read), then the expiry. */
export function verifyDocumentToken(key: Buffer, token: string, now: Date): TokenCheck {
  const match = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, payload = '', signature = ''] = match;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (parsed.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, ref: parsed.d };
}
